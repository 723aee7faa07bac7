import type { EditorProblem } from '../../monaco/JsonEditor';
import { cx } from '../../lib/cx';
import styles from './ProblemsList.module.css';

// Info markers keep the default text colour.
const SEVERITY_CLASS: Record<EditorProblem['severity'], string | undefined> = {
  error: styles.problemError,
  warning: styles.problemWarning,
  info: undefined,
};

/** The editor's markers as a list: schema violations and JSON syntax errors, with their line. */
export function ProblemsList({ problems, testId, schema = true }: { problems: EditorProblem[]; testId: string; schema?: boolean }) {
  if (problems.length === 0) {
    return (
      <div className={cx(styles.problems, styles.problemsOk)} data-testid={testId} data-count={0}>
        {schema ? 'No problems: the body is valid JSON and matches the schema.' : 'No problems: the body is valid JSON.'}
      </div>
    );
  }
  return (
    <ul className={styles.problems} data-testid={testId} data-count={problems.length}>
      {problems.map((problem, index) => (
        <li key={index} className={cx(styles.problem, SEVERITY_CLASS[problem.severity])} data-testid="problem">
          <span className={styles.problemWhere}>
            {problem.line}:{problem.column}
          </span>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

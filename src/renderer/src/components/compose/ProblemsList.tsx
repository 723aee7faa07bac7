import type { EditorProblem } from '../../monaco/JsonEditor';

/** The editor's markers as a list: schema violations and JSON syntax errors, with their line. */
export function ProblemsList({ problems, testId, schema = true }: { problems: EditorProblem[]; testId: string; schema?: boolean }) {
  if (problems.length === 0) {
    return (
      <div className="problems problems-ok" data-testid={testId} data-count={0}>
        {schema ? 'No problems: the body is valid JSON and matches the schema.' : 'No problems: the body is valid JSON.'}
      </div>
    );
  }
  return (
    <ul className="problems" data-testid={testId} data-count={problems.length}>
      {problems.map((problem, index) => (
        <li key={index} className={`problem problem-${problem.severity}`} data-testid="problem">
          <span className="problem-where">
            {problem.line}:{problem.column}
          </span>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

import { cx } from '../../lib/cx';
import styles from './MethodTag.module.css';

const TONES: Record<string, string | undefined> = {
  POST: styles.post,
  GET: styles.get,
  PUT: styles.put,
  PATCH: styles.patch,
  DELETE: styles.delete,
};

export function MethodTag({ method }: { method: string }) {
  return (
    <span className={cx(styles.method, TONES[method.toUpperCase()])} data-testid="method">
      {method}
    </span>
  );
}

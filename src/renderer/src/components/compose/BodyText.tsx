import { useMemo } from 'react';
import { base64ToBytes } from '../../lib/bytes';
import { bodyText } from '../../lib/diff-document';
import { formatBytes } from '../../lib/format';
import styles from './SentResult.module.css';

/** Past this, the panel shows the start only; the full bytes stay in the history and exports. */
const MAX_SHOWN_CHARS = 64 * 1024;

/** A body as text: exact (raw) or indented JSON (pretty); non-UTF-8 bytes as a hex dump. */
export function BodyText({ base64, view, testId }: { base64: string; view: 'raw' | 'pretty'; testId?: string }) {
  const { text, size } = useMemo(() => ({ text: bodyText(base64, view), size: base64ToBytes(base64).length }), [base64, view]);
  if (size === 0) return <div className="empty-body">(empty body)</div>;
  const shown = text.length > MAX_SHOWN_CHARS ? text.slice(0, MAX_SHOWN_CHARS) : text;
  return (
    <>
      <pre className={styles.bodyText} data-testid={testId}>
        {shown}
      </pre>
      {shown.length < text.length && (
        <p className="note">
          Showing the first {formatBytes(MAX_SHOWN_CHARS)} of {formatBytes(size)}.
        </p>
      )}
    </>
  );
}

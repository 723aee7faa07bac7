import { useState } from 'react';
import { utf8ToBase64 } from '../../lib/bytes';
import { toHeaderRows } from '../../lib/header-list';
import { parseRawRequest } from '../../../../shared/raw-request';
import { useStore } from '../../store';
import styles from './Lab.module.css';

/**
 * Paste a request as text (request line optional, headers, a blank line, the body) to load its
 * headers and body at once. A browser text area turns CRLF into LF, so bodies whose bytes matter
 * that much are better loaded from a capture.
 */
export function RawRequestPaste({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const loadRequest = useStore((s) => s.loadLabRequest);
  const newId = useStore((s) => s.newLabHeaderId);

  const apply = () => {
    const parsed = parseRawRequest(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const { headers, body } = parsed.request;
    loadRequest(toHeaderRows(headers, newId), body === null ? null : utf8ToBase64(body));
    setError(null);
    onDone();
  };

  return (
    <div className={styles.rawPaste} data-testid="lab-paste">
      <textarea
        data-testid="lab-paste-text"
        rows={9}
        spellCheck={false}
        value={text}
        placeholder={
          'POST /webhooks HTTP/1.1\nContent-Type: application/json\nX-DcisionAI-Timestamp: 1700000000\nX-DcisionAI-Signature: 5d41…\n\n{"event":"project.created","data":{…}}'
        }
        onChange={(event) => setText(event.target.value)}
      />
      {error && (
        <div className="inline-error" data-testid="lab-paste-error">
          {error}
        </div>
      )}
      <div className={styles.rawPasteActions}>
        <span className="muted">Headers, then a blank line, then the body (kept exactly, trailing newline included).</span>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="button button-small button-primary" data-testid="lab-paste-apply" onClick={apply}>
          Load request
        </button>
      </div>
    </div>
  );
}

import { useEffect } from 'react';
import { formatTime } from '../../lib/format';
import { sourceLabel } from '../../lib/sent-outcome';
import { useStore } from '../../store';
import { MethodTag } from '../common/MethodTag';
import { OutcomeBadge } from './OutcomeBadge';
import { cx } from '../../lib/cx';
import styles from './SentHistory.module.css';

/** Every send, resend and replay, newest first; click to see it, send it again in one click. */
export function SentHistory({ onShow }: { onShow: () => void }) {
  const sentList = useStore((s) => s.sentList);
  const sentStatus = useStore((s) => s.sentStatus);
  const loadSent = useStore((s) => s.loadSent);
  const showSent = useStore((s) => s.showSent);
  const resendSent = useStore((s) => s.resendSent);
  const deleteSent = useStore((s) => s.deleteSent);
  const clearSent = useStore((s) => s.clearSent);
  const sending = useStore((s) => s.sending);
  const selectedId = useStore((s) => s.sentResult?.id ?? null);

  useEffect(() => {
    void loadSent();
  }, [loadSent]);

  if (sentList.length === 0) {
    return (
      <div className="page-message" data-testid="sent-empty">
        {sentStatus === 'loading' ? 'Loading…' : 'Nothing sent yet. Sends, resends and replays appear here.'}
      </div>
    );
  }

  const confirmAndClear = () => {
    if (window.confirm('Delete the whole Sent history? This cannot be undone.')) void clearSent();
  };

  return (
    <>
      <div className={styles.sentToolbar}>
        <span className="muted">{sentList.length === 1 ? '1 request' : `${sentList.length} requests`}</span>
        <button type="button" className="button button-small button-danger" data-testid="sent-clear" onClick={confirmAndClear}>
          Clear all
        </button>
      </div>
      <ul className={styles.sentList} data-testid="sent-list">
        {sentList.map((item) => (
          <li
            key={item.id}
            className={cx(styles.sentRow, item.id === selectedId && styles.sentRowSelected)}
            data-testid="sent-row"
            data-sent-id={item.id}
          >
            <button
              type="button"
              className={styles.sentRowMain}
              onClick={() => {
                void showSent(item.id);
                onShow();
              }}
            >
              <span className={styles.sentRowLine}>
                <OutcomeBadge status={item.status} errorCode={item.error_code} />
                <MethodTag method={item.method} />
                <span className={styles.sentRowEvent} data-testid="sent-row-event" title={item.event ?? undefined}>
                  {item.event ?? '(no event)'}
                </span>
              </span>
              <span className={styles.sentRowUrl} data-testid="sent-row-url" title={item.url}>
                {item.url}
              </span>
              <span className={cx('muted', styles.sentRowSource)}>
                <span className={styles.sentRowTime}>{formatTime(item.created_at)}</span>
                {' · '}
                {sourceLabel(item.source, item.replay_mode, item.source_request_id, item.source_sent_id)}
                {item.signature ? ` · ${item.signature.scheme}` : ' · unsigned'}
              </span>
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="sent-row-again"
              disabled={sending}
              onClick={() => {
                void resendSent(item.id);
                onShow();
              }}
            >
              Send again
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="sent-row-delete"
              aria-label={`Delete sent request #${item.id}`}
              title="Delete from the history"
              onClick={() => void deleteSent(item.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

import { useEffect } from 'react';
import { formatTime } from '../../lib/format';
import { sourceLabel } from '../../lib/sent-outcome';
import { useStore } from '../../store';
import { MethodTag } from '../common/MethodTag';
import { OutcomeBadge } from './OutcomeBadge';

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
      <div className="sent-toolbar">
        <span className="muted">{sentList.length === 1 ? '1 request' : `${sentList.length} requests`}</span>
        <button type="button" className="button button-small button-danger" data-testid="sent-clear" onClick={confirmAndClear}>
          Clear all
        </button>
      </div>
      <ul className="sent-list" data-testid="sent-list">
        {sentList.map((item) => (
          <li
            key={item.id}
            className={`sent-row${item.id === selectedId ? ' sent-row-selected' : ''}`}
            data-testid="sent-row"
            data-sent-id={item.id}
          >
            <button
              type="button"
              className="sent-row-main"
              onClick={() => {
                void showSent(item.id);
                onShow();
              }}
            >
              <span className="sent-row-line">
                <OutcomeBadge status={item.status} errorCode={item.error_code} />
                <MethodTag method={item.method} />
                <span className="sent-row-event" title={item.event ?? undefined}>
                  {item.event ?? '(no event)'}
                </span>
              </span>
              <span className="sent-row-url" title={item.url}>
                {item.url}
              </span>
              <span className="muted sent-row-source">
                <span className="sent-row-time">{formatTime(item.created_at)}</span>
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

import { useState } from 'react';
import { useStore } from '../../store';
import { SentHistory } from './SentHistory';
import { SentResult } from './SentResult';
import { cx } from '../../lib/cx';
import styles from './Compose.module.css';
import sentStyles from './SentResult.module.css';

type Tab = 'result' | 'sent';

/** The right-hand pane: the current result, or the Sent history. */
export function ResultPane() {
  const [tab, setTab] = useState<Tab>('result');
  const sentResult = useStore((s) => s.sentResult);
  const sendError = useStore((s) => s.sendError);
  const sending = useStore((s) => s.sending);
  const resendSent = useStore((s) => s.resendSent);
  const sentCount = useStore((s) => s.sentList.length);

  return (
    <section className={styles.composeResult} aria-label="Result">
      <div className={cx('tabs', styles.composeTabs)} role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'result'}
          className={`tab${tab === 'result' ? ' tab-active' : ''}`}
          data-testid="tab-result"
          onClick={() => setTab('result')}
        >
          Result
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'sent'}
          className={`tab${tab === 'sent' ? ' tab-active' : ''}`}
          data-testid="tab-sent"
          onClick={() => setTab('sent')}
        >
          Sent{sentCount > 0 ? ` (${sentCount})` : ''}
        </button>
        {sending && <span className={cx('muted', styles.sending)}>Sending…</span>}
      </div>
      <div className={styles.composeResultBody}>
        {tab === 'sent' ? (
          <SentHistory onShow={() => setTab('result')} />
        ) : (
          <>
            {sendError && (
              <div className={sentStyles.sendFailure} role="alert" data-testid="send-error">
                <strong>Not sent</strong>
                <p>{sendError}</p>
              </div>
            )}
            {sentResult ? (
              <SentResult sent={sentResult} busy={sending} onSendAgain={() => void resendSent(sentResult.id)} />
            ) : (
              !sendError && (
                <div className="page-message">Compose a request and press Send: the request as sent and the response appear here.</div>
              )
            )}
          </>
        )}
      </div>
    </section>
  );
}

import type { SentRequest } from '../../../../shared/api';
import { formatMs, formatTime } from '../../lib/format';
import { outcomeLabel, signingLabel } from '../../lib/sent-outcome';
import { MethodTag } from '../common/MethodTag';
import { HeadersTable } from '../detail/HeadersTable';
import { Section } from '../detail/Section';
import { BodyText } from './BodyText';
import { CompareButton } from '../diff/CompareButton';
import { OutcomeBadge } from './OutcomeBadge';
import styles from './SentResult.module.css';

interface SentResultProps {
  sent: SentRequest;
  /** Sends it again; the view showing this result decides where the new result goes. */
  onSendAgain: () => void;
  busy: boolean;
}

/** What went out and what came back (or why nothing did), for a send, a resend or a replay. */
export function SentResult({ sent, onSendAgain, busy }: SentResultProps) {
  const { request, response, error } = sent;

  return (
    <div className={styles.sentResult} data-testid="sent-result" data-sent-id={sent.id}>
      <div className={styles.sentResultHead}>
        <OutcomeBadge status={response?.status ?? null} errorCode={error?.code ?? null} />
        <span className="muted">
          #{sent.id} · {formatTime(sent.created_at)} · {formatMs(sent.duration_ms)}
          {' · '}
          <span data-testid="sent-signing">{signingLabel(sent)}</span>
        </span>
        <span className="spacer" />
        <CompareButton target={{ kind: 'sent', id: sent.id }} />
        <button type="button" className="button button-small" data-testid="sent-again" disabled={busy} onClick={onSendAgain}>
          Send again
        </button>
      </div>

      {error && (
        <div className={styles.sendFailure} role="alert" data-testid="sent-error" data-code={error.code}>
          <strong>Not delivered: {outcomeLabel(null, error.code).text}</strong>
          <p data-testid="sent-error-message">{error.message}</p>
        </div>
      )}

      {response && (
        <>
          <Section title={`Response · ${response.status}`} testId="sent-response">
            <BodyText base64={response.body_base64} view="pretty" testId="sent-response-body" />
            {response.truncated && <p className="note text-warn">Truncated: only the first part of the response was kept.</p>}
          </Section>
          <HeadersTable headers={response.headers} title="Response headers" testId="sent-response-headers" />
        </>
      )}

      <Section title="Request as sent" testId="sent-request">
        <div className={styles.requestLine}>
          <MethodTag method={request.method} /> <code data-testid="sent-request-url">{request.url}</code>
        </div>
        <BodyText base64={request.body_base64} view="raw" testId="sent-request-body" />
      </Section>
      <HeadersTable headers={request.headers} title="Request headers" testId="sent-request-headers" />
    </div>
  );
}

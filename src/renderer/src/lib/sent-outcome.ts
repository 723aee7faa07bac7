import type { OutboundErrorCode, SentRequest } from '../../../shared/api';

/** Short words for each failure kind, for badges and list rows. */
const ERROR_LABELS: Record<OutboundErrorCode, string> = {
  invalid_url: 'invalid URL',
  dns: 'DNS failed',
  connection_refused: 'refused',
  timeout: 'timed out',
  tls: 'TLS failed',
  connection_reset: 'reset',
  network: 'network error',
};

export type OutcomeTone = 'good' | 'warn' | 'bad';

export interface OutcomeLabel {
  text: string;
  tone: OutcomeTone;
}

/** "200" (good), "404" (warn), "refused" (bad): the gist of a send's result. */
export function outcomeLabel(status: number | null, errorCode: OutboundErrorCode | null): OutcomeLabel {
  if (errorCode !== null) return { text: ERROR_LABELS[errorCode] ?? errorCode, tone: 'bad' };
  if (status === null) return { text: 'no answer', tone: 'bad' };
  if (status >= 200 && status < 300) return { text: String(status), tone: 'good' };
  if (status >= 500) return { text: String(status), tone: 'bad' };
  return { text: String(status), tone: 'warn' };
}

/** Where a sent request came from, for the history list. */
export function sourceLabel(
  source: 'send' | 'replay' | 'resend',
  replayMode: string | null,
  sourceRequestId: number | null,
  sourceSentId: number | null,
): string {
  if (source === 'replay') return `replay ${replayMode ?? ''} of #${sourceRequestId ?? '?'}`.replace('  ', ' ');
  if (source === 'resend') return `again: sent #${sourceSentId ?? '?'}`;
  return 'composed';
}

/** How a send was signed: re-signed, kept the capture's signature (as-is replay), or unsigned. */
export function signingLabel(sent: Pick<SentRequest, 'signature' | 'replay_mode'>): string {
  if (sent.signature) return `signed ${sent.signature.scheme}, t=${sent.signature.timestamp}`;
  if (sent.replay_mode === 'as-is') return 'original signature kept';
  return 'unsigned';
}

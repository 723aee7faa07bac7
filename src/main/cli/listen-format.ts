/** `hookscope listen`'s pure parts: the --events matcher, a generated secret, and the line per request. */
import { randomBytes } from 'node:crypto';
import type { ForwardOutcome, RequestSummary } from '../../shared/api';
import { UsageError } from './args';
import { tailLine } from './tail-format';

/**
 * `--events a,b,order.*`: exact event types, or a prefix before a final `*`. A request whose
 * event type is unknown (null) matches none.
 */
export function eventsMatcher(value: string): (event: string | null) => boolean {
  const patterns = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (patterns.length === 0)
    throw new UsageError('--events needs at least one event type, e.g. --events payment_intent.succeeded,invoice.*');
  for (const pattern of patterns) {
    if (pattern.slice(0, -1).includes('*'))
      throw new UsageError(`--events takes exact types or a prefix ending in * (e.g. invoice.*); got "${pattern}".`);
  }
  return (event) =>
    event !== null && patterns.some((pattern) => (pattern.endsWith('*') ? event.startsWith(pattern.slice(0, -1)) : event === pattern));
}

/** How the scheme turns its secret into a key: a generated secret must be one it accepts. */
export type SecretKind = 'text' | 'whsec_base64' | 'base64' | 'hex';

/** A fresh secret of 24 random bytes in the form the scheme expects. */
export function generatedSecret(kind: SecretKind): string {
  const bytes = randomBytes(24);
  if (kind === 'whsec_base64') return `whsec_${bytes.toString('base64')}`;
  if (kind === 'base64') return bytes.toString('base64');
  if (kind === 'hex') return bytes.toString('hex');
  return `whsec_${bytes.toString('hex')}`;
}

/** What happened to one request on its way to --forward-to. */
export type ForwardFate =
  | { kind: 'forwarded'; outcome: ForwardOutcome }
  | { kind: 'skipped' }
  /** Not forwarded by the receiver's own rules (a cut upload, a body over the limit). */
  | { kind: 'kept'; why: string }
  | { kind: 'none' };

export function forwardText(fate: ForwardFate): string {
  switch (fate.kind) {
    case 'forwarded': {
      const { outcome } = fate;
      const took = `${outcome.duration_ms.toFixed(1)} ms`;
      return outcome.status !== null
        ? `→ ${outcome.status} in ${took}`
        : `→ forward failed (${outcome.error?.code ?? 'network'}) in ${took}: ${outcome.error?.message ?? ''}`.trim();
    }
    case 'skipped':
      return '→ skipped (not in --events)';
    case 'kept':
      return `→ not forwarded (${fate.why})`;
    case 'none':
      return '';
  }
}

/** `<time>  POST /hooks?x=1  invoice.paid  valid ok  → 200 in 3.1 ms`. */
export function listenLine(capture: RequestSummary, fate: ForwardFate): string {
  const forward = forwardText(fate);
  return forward === '' ? `${tailLine(capture)}  → answered ${capture.response_status}` : `${tailLine(capture)}  ${forward}`;
}

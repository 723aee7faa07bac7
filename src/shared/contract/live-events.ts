/**
 * Server-sent events on GET /api/stream; each `data:` line is one JSON LiveEvent. A TypeScript
 * union, not a schema: the frames are written by the engine and never validated.
 */
import type { SentSummary } from '../api';
import type { Tunnel } from './tunnels';
import type { DeliverySummary } from '../platform-api';
import type { ClearResult, RequestSummary } from './captures';
import type { StorageProblem } from './health';

export type LiveEvent =
  /** New captures (received or imported), batched. */
  | { type: 'captures'; data: RequestSummary[] }
  /** Captures already announced whose summary changed (pinned, diagnosed in the background). */
  | { type: 'captures-updated'; data: RequestSummary[] }
  | { type: 'request-deleted'; data: { id: number } }
  /** Everything unpinned was deleted (Clear all); `kept_pinned` captures remain. */
  | { type: 'requests-cleared'; data: Pick<ClearResult, 'kept_pinned'> }
  /** Retention deleted these captures (oldest first). */
  | { type: 'requests-pruned'; data: { ids: number[] } }
  | { type: 'requests-reverified'; data: { endpoint_id: string; count: number } }
  | { type: 'endpoints-changed'; data: Record<string, never> }
  | { type: 'sent'; data: SentSummary }
  | { type: 'sent-deleted'; data: { id: number } }
  | { type: 'sent-cleared'; data: Record<string, never> }
  | { type: 'delivery-updated'; data: DeliverySummary }
  | { type: 'webhooks-changed'; data: Record<string, never> }
  /** Storing captures started or stopped failing (see Health). */
  | { type: 'storage-changed'; data: { problem: StorageProblem | null } }
  /** The tunnels (GET /api/tunnels) changed: the whole new list. */
  | { type: 'tunnels-changed'; data: Tunnel[] };

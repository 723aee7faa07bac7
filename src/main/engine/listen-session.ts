import { join } from 'node:path';
import type { Endpoint } from '../../shared/api';
import type { NewCapture } from './store/capture';

/**
 * The id `hookscope listen` stores its captures under. No stored endpoint has it, so the app
 * later shows them as an endpoint's that is gone: the verdict they got is kept, and no other
 * endpoint's secret re-judges them.
 */
export const LISTEN_ENDPOINT_ID = 'listen';

/** `hookscope listen` logs here: the app or `serve` may run on the same data directory and rotate hookscope.log. */
export const LISTEN_LOG_FILE = join('logs', 'listen.log');

/**
 * A `hookscope listen` run: the engine's receiver with one endpoint of the command line's making.
 * It shares the data directory with the app, so it leaves the app's background work alone: it
 * sends no queued platform deliveries and prunes nothing (both run in the app, once).
 */
export interface ListenSession {
  /** The one endpoint every request goes to (path `/`), for this run only: never stored. */
  endpoint: Endpoint;
  /** Whether a request of this event type is forwarded; absent: every one. */
  forwards?: (event: string | null) => boolean;
  /** Called once per capture, after it is stored. */
  captured?: (id: number, capture: NewCapture) => void;
}

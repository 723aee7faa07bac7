import { createApiClient, type Reachability } from '../../../shared/contract/client';
import { authHeaders } from './credential';

export type { Reachability };

type ReachabilityObserver = (reachability: Reachability) => void;
let observer: ReachabilityObserver = () => {};

/**
 * Registered once at start-up by the store wiring. The HTTP layer knows nothing about the store,
 * so it stays testable and free of import cycles.
 */
export function observeReachability(next: ReachabilityObserver): void {
  observer = next;
}

/**
 * The control API, typed from the contract (src/shared/contract). The UI is served by the API
 * itself, so paths are same-origin; the tab's token goes in the Authorization header (api/credential.ts).
 */
export const api = createApiClient({ baseUrl: '', headers: authHeaders, onReachability: (reachability) => observer(reachability) });

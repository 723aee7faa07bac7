import { createApiClient, type Reachability } from '../../../shared/contract/client';
import { authHeaders } from './credential';
import { EngineUnreachableError, apiErrorOf } from './errors';

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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One untyped call to the control API, for operations not yet in the contract. */
export async function requestJson<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'omit', headers: { Accept: 'application/json', ...authHeaders() } };
  // Only send a JSON content type when there is a body: Fastify rejects an empty body that
  // claims to be JSON, which would break DELETE.
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (cause) {
    observer('unreachable');
    throw new EngineUnreachableError(cause);
  }

  const text = await response.text().catch(() => '');
  if (!response.ok) {
    observer(response.status === 401 ? 'unauthorized' : 'online');
    throw apiErrorOf(response, text);
  }
  observer('online');
  return (text === '' ? null : JSON.parse(text)) as T;
}

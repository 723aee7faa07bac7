import type { ApiError } from '../../../shared/api';
import { authHeaders } from './credential';
import { ApiRequestError, EngineUnreachableError } from './errors';

/** What the last request told us about the engine; the store turns it into the status banner. */
export type Reachability = 'online' | 'unreachable' | 'unauthorized';

type ReachabilityObserver = (reachability: Reachability) => void;
let observer: ReachabilityObserver = () => {};

/**
 * Registered once at start-up by the store wiring. The HTTP layer knows nothing about the store,
 * so it stays testable and free of import cycles.
 */
export function observeReachability(next: ReachabilityObserver): void {
  observer = next;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One call to the control API. The UI is served by the API itself, so relative URLs are
 * same-origin; the tab's token goes in the Authorization header (api/credential.ts).
 */
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
  const parsed = parseJson(text);

  if (!response.ok) {
    observer(response.status === 401 ? 'unauthorized' : 'online');
    const apiError = (parsed as Partial<ApiError> | null)?.error;
    throw new ApiRequestError(
      response.status,
      apiError?.code ?? `http_${response.status}`,
      apiError?.message ?? `The engine answered ${response.status} ${response.statusText}`.trim(),
      apiError?.install,
    );
  }
  observer('online');
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The one typed client of the control API: the renderer (same origin, base URL ''), the tests and
 * scripts (an engine's URL and token) call operations through it, so a path, a field or an answer
 * is typed from the contract and never written by hand again.
 */
import { ApiRequestError, EngineUnreachableError, apiErrorOf } from './errors';
import type { Operation, OperationInput, SuccessBody, SuccessData } from './operation';

/** What the last call told about the engine (the renderer turns it into its status banner). */
export type Reachability = 'online' | 'unreachable' | 'unauthorized';

export interface ApiClientOptions {
  /** Prepended to each operation's path (`/api/...`): '' for same-origin, else `http://127.0.0.1:4701`. */
  baseUrl: string;
  /** Headers for every call (the token), read at each call. */
  headers?: () => Record<string, string>;
  /** Told after every call whether the engine answered. */
  onReachability?: (reachability: Reachability) => void;
  fetch?: typeof fetch;
}

/** `call(op, input)` accepts `input` only when the operation takes something; it may be left out when all is optional. */
type CallArgs<Op extends Operation> = object extends OperationInput<Op> ? [input?: OperationInput<Op>] : [input: OperationInput<Op>];

export interface ApiClient {
  /** Calls an operation; resolves with its parsed success body, rejects with ApiRequestError or EngineUnreachableError. */
  call<Op extends Operation>(op: Op, ...args: CallArgs<Op>): Promise<SuccessBody<Op>>;
  /** As call, resolving with the answer's `data`. */
  data<Op extends Operation>(op: Op, ...args: CallArgs<Op>): Promise<SuccessData<Op>>;
  /** The URL a call would go to (for downloads and links). */
  url<Op extends Operation>(op: Op, ...args: CallArgs<Op>): string;
}

/** `/api/requests/:id` with `{id: 3}` → `/api/requests/3` (each value URL-encoded). */
export function pathOf(url: string, params: Record<string, unknown> | undefined): string {
  return url.replace(/:([A-Za-z_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new TypeError(`The path ${url} needs the parameter "${name}".`);
    return encodeURIComponent(String(value));
  });
}

function queryOf(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const observe = options.onReachability ?? (() => {});

  const urlOf = (op: Operation, input: Partial<Record<'params' | 'query', Record<string, unknown>>> | undefined) =>
    `${options.baseUrl}${pathOf(op.url, input?.params)}${queryOf(input?.query)}`;

  async function call(op: Operation, input?: { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }) {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers?.() };
    const init: RequestInit = { method: op.method, credentials: 'omit', headers };
    // Only a call with a body says it is JSON: Fastify refuses an empty body that claims to be JSON.
    if (input?.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(input.body);
    }
    let response: Response;
    try {
      response = await doFetch(urlOf(op, input), init);
    } catch (cause) {
      observe('unreachable');
      throw new EngineUnreachableError(cause);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      observe(response.status === 401 ? 'unauthorized' : 'online');
      throw apiErrorOf(response, text);
    }
    observe('online');
    return text === '' ? null : JSON.parse(text);
  }

  return {
    call: (op, ...args) => call(op, args[0] as never),
    data: async (op, ...args) => ((await call(op, args[0] as never)) as { data: never }).data,
    url: (op, ...args) => urlOf(op, args[0] as never),
  };
}

export { ApiRequestError, EngineUnreachableError };

import { createServer } from 'node:net';
import { vi } from 'vitest';
import { create, type StoreApi } from 'zustand';
import { observeReachability } from '../../src/renderer/src/api/http';
import { createStoreState, type StoreState } from '../../src/renderer/src/store';
import { startTestEngine, type TestEngine } from './engine';

/**
 * The renderer's real store (every slice, composed by the app's own creator) talking to a real
 * engine. The renderer calls same-origin paths (`/api/...`); Node has no page origin, so a
 * `fetch` wrapper resolves them against the engine's UI URL and adds the token the tab would
 * hold. Requests still reach the real engine and the store sees its real answers; the wrapper
 * only decides *when* an answer is handed back (gates) and can make the engine unreachable.
 */

export type Store = StoreApi<StoreState>;

/** A held answer: the engine has answered (`arrived`), the store gets it only on `release()`. */
export interface Gate {
  arrived: Promise<void>;
  release: () => void;
}

interface PendingGate {
  method: string;
  matches: (url: URL) => boolean;
  answered: () => void;
  released: Promise<void>;
}

export interface RendererHarness {
  t: TestEngine;
  /** A fresh store (fresh slice closures too), wired to the connection banner as bootstrap does. */
  newStore: () => Store;
  /**
   * Holds the answer of the next renderer request with this method whose path matches `path` (and
   * `where`, given the full URL). Paths are the engine's routes, never an api wrapper's details.
   */
  hold: (method: string, path: RegExp, where?: (url: URL) => boolean) => Gate;
  /** While true, renderer requests go to a closed port (the engine is gone, as far as the tab knows). */
  setUnreachable: (unreachable: boolean) => void;
  /** The token the tab sends (a wrong one gets the engine's 401). */
  setToken: (token: string) => void;
  /** Renderer requests sent so far, in order (method and URL as the engine saw them). */
  requests: Array<{ method: string; url: URL }>;
  /** The stand-in address bar: what showQueryInUrl wrote. */
  location: () => URL;
  /** Sets the address the page was opened at (bootstrap reads ?token= and ?q=). */
  openAt: (pathAndQuery: string) => void;
  sessionStorage: Storage;
  close: () => Promise<void>;
}

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** sessionStorage/localStorage: the Storage interface over a Map. */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** The smallest window the slices read: location, history.replaceState, the two storages. */
function standInWindow(origin: string, sessionStorage: Storage, localStorage: Storage) {
  let url = new URL(`${origin}/`);
  const location = {
    get href() {
      return url.href;
    },
    get origin() {
      return url.origin;
    },
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    },
    get hash() {
      return url.hash;
    },
  };
  let state: unknown = null;
  const history = {
    get state() {
      return state;
    },
    replaceState(next: unknown, _title: string, path: string) {
      state = next;
      url = new URL(path, url);
    },
  };
  return {
    window: { location, history, sessionStorage, localStorage },
    current: () => new URL(url.href),
    openAt: (path: string) => void (url = new URL(path, origin)),
  };
}

export async function startRendererHarness(options: Parameters<typeof startTestEngine>[0] = {}): Promise<RendererHarness> {
  const t = await startTestEngine(options);
  const realFetch = globalThis.fetch;
  const deadPort = await closedPort();
  const gates: PendingGate[] = [];
  const requests: RendererHarness['requests'] = [];
  let unreachable = false;
  let token = t.engine.token;

  const rendererFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const raw = input instanceof Request ? input.url : String(input);
    // Absolute URLs are the test's own calls (t.api, t.send): untouched.
    if (!raw.startsWith('/')) return realFetch(input, init);
    const url = new URL(raw, t.engine.uiUrl);
    const method = (init.method ?? 'GET').toUpperCase();
    requests.push({ method, url });
    const headers = new Headers(init.headers);
    // The tab's own token (api/credential.ts, once bootstrap adopted one) goes as it is.
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    const target = unreachable ? new URL(`${url.pathname}${url.search}`, `http://127.0.0.1:${deadPort}`) : url;
    const index = gates.findIndex((gate) => gate.method === method && gate.matches(url));
    const gate = index === -1 ? undefined : gates.splice(index, 1)[0];
    const response = await realFetch(target, { ...init, headers });
    if (gate) {
      // The engine answered now; the slice sees the answer only when the test says so.
      const body = await response.arrayBuffer();
      gate.answered();
      await gate.released;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    return response;
  };

  const session = new MemoryStorage();
  const page = standInWindow(t.engine.uiUrl, session, new MemoryStorage());
  vi.stubGlobal('fetch', rendererFetch);
  vi.stubGlobal('window', page.window);
  vi.stubGlobal('sessionStorage', session);
  vi.stubGlobal('localStorage', page.window.localStorage);

  return {
    t,
    newStore() {
      const store = create<StoreState>()(createStoreState);
      observeReachability((reachability) => store.getState().setConnectionStatus(reachability));
      return store;
    },
    hold(method, path, where = () => true) {
      let answered = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (answered = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      gates.push({ method, matches: (url) => path.test(url.pathname) && where(url), answered, released });
      return { arrived, release };
    },
    setUnreachable(next) {
      unreachable = next;
    },
    setToken(next) {
      token = next;
    },
    requests,
    location: page.current,
    openAt: page.openAt,
    sessionStorage: session,
    async close() {
      vi.unstubAllGlobals();
      await t.stop();
    },
  };
}

/** Waits until `check` passes against the store's state (store updates are asynchronous here). */
export function until(store: Store, check: (state: StoreState) => void, timeout = 5_000): Promise<void> {
  return vi.waitFor(() => check(store.getState()), { timeout, interval: 10 });
}

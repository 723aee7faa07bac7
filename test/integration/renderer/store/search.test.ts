import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../../../src/shared/api';
import { QUERY_DEBOUNCE_MS } from '../../../../src/renderer/src/store/search-slice';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// The search box (search-slice): typing is debounced into the capture list's query; a half-typed
// query is answered locally; Enter applies at once. The list itself is captures.test.ts's.

let h: RendererHarness;
let puts: number[];
beforeAll(async () => {
  h = await startRendererHarness();
  for (const method of ['POST', 'PUT', 'PUT']) expect((await h.t.send('/hook', { method, body: '{}' })).status).toBe(200);
  const page = await h.t.api<{ data: RequestSummary[] }>('GET', '/requests?q=method%3APUT');
  puts = page.body.data.map((row) => row.id);
});
afterAll(() => h.close());
beforeEach(() => void h.requests.splice(0));

/** List requests the store sent with a query. */
const queried = () =>
  h.requests.filter((request) => request.url.pathname === '/api/requests').map((request) => request.url.searchParams.get('q') ?? '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('typing a query', () => {
  it('asks the engine once, after typing pauses, for the last text', async () => {
    const store = h.newStore();
    await store.getState().loadFirstPage();
    h.requests.splice(0);
    for (const text of ['m', 'method:', 'method:P', 'method:PUT']) store.getState().editQuery(text);
    expect(store.getState().queryDraft).toBe('method:PUT');
    await until(store, (state) => expect(state.query).toBe('method:PUT'));
    expect(queried()).toEqual(['method:PUT']);
    expect(store.getState().captures.map((row) => row.id)).toEqual(puts);
  });

  it('a half-typed query is answered here, without a request, and the list stays as it is', async () => {
    const store = h.newStore();
    await store.getState().loadFirstPage();
    h.requests.splice(0);
    store.getState().editQuery('verdict:');
    expect(store.getState().queryError).toBeNull();
    await until(store, (state) => expect(state.queryError).toMatch(/verdict/));
    expect(queried()).toEqual([]);
    expect(store.getState()).toMatchObject({ query: '', total: 3 });
    // The next keystroke takes the complaint away at once: it was about the previous text.
    store.getState().editQuery('verdict:v');
    expect(store.getState().queryError).toBeNull();
  });

  it('Enter applies at once and the pending debounce sends nothing more', async () => {
    const store = h.newStore();
    store.getState().editQuery('method:PUT');
    store.getState().submitQuery();
    await until(store, (state) => expect(state.query).toBe('method:PUT'));
    await sleep(QUERY_DEBOUNCE_MS + 100);
    expect(queried()).toEqual(['method:PUT']);
  });

  it('a qualifier picked from the suggestions is not applied; a chip applies its own text', async () => {
    const store = h.newStore();
    store.getState().editQuery('method:', false);
    await sleep(QUERY_DEBOUNCE_MS + 100);
    expect(queried()).toEqual([]);
    store.getState().submitQuery('method:PUT');
    expect(store.getState().queryDraft).toBe('method:PUT');
    await until(store, (state) => expect(state.matching).toBe(2));
  });

  it('the start-up ?q= fills the box and the list’s query without loading', () => {
    const store = h.newStore();
    store.getState().setInitialQuery(' method:PUT ');
    expect(store.getState()).toMatchObject({ queryDraft: ' method:PUT ', query: 'method:PUT', listStatus: 'idle' });
    expect(queried()).toEqual([]);
  });
});

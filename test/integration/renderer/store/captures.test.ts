import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, LiveEvent, RequestSummary } from '../../../../src/shared/api';
import { PAGE_SIZE } from '../../../../src/renderer/src/store/captures-slice';
import { collectLiveEvents } from '../../../helpers/live-stream';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// The capture list (captures-slice) against a real engine: loading and errors, paging and counts,
// the URL's ?q=, the live merge, and each guard that drops an answer a newer load superseded.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.setUnreachable(false);
  expect((await h.t.api('DELETE', '/requests')).status).toBe(200);
});

const ids = (rows: RequestSummary[]) => rows.map((row) => row.id);
const LIST = /^\/api\/requests$/;
const withQuery = (q: string) => (url: URL) => (url.searchParams.get('q') ?? '') === q;

/** Sends `count` webhooks with `method`; the ids the engine gave them, newest first. */
async function capture(count: number, method = 'POST'): Promise<number[]> {
  for (let i = 0; i < count; i += 1) {
    expect((await h.t.send(`/hook/${i}`, { method, body: `{"n":${i}}` })).status).toBe(200);
  }
  const page = await h.t.api<{ data: RequestSummary[] }>('GET', `/requests?limit=${count}`);
  return ids(page.body.data);
}

/** The summaries the engine streams (`captures` events) while `action` runs, once `count` arrived. */
async function liveCaptures(count: number, action: () => Promise<unknown>): Promise<RequestSummary[]> {
  const rows = (events: LiveEvent[]) => events.flatMap((event) => (event.type === 'captures' ? event.data : []));
  return rows(
    await collectLiveEvents(
      h.t.engine,
      (seen) => rows(seen).length >= count,
      async () => void (await action()),
    ),
  );
}

async function engineMessage(path: string): Promise<string> {
  const answer = await h.t.api<ApiError>('GET', path);
  expect(answer.status).toBe(400);
  return answer.body.error.message;
}

describe('loading the list', () => {
  it('goes idle → loading → loaded with the engine’s captures and counts', async () => {
    const sent = await capture(3);
    const store = h.newStore();
    expect(store.getState().listStatus).toBe('idle');
    const loading = store.getState().loadFirstPage();
    expect(store.getState().listStatus).toBe('loading');
    await loading;
    expect(store.getState()).toMatchObject({ listStatus: 'loaded', listError: null, total: 3, matching: 3, nextBefore: null });
    expect(ids(store.getState().captures)).toEqual(sent);
  });

  it('an unreachable engine on the first load is an error with the reason; the banner says unreachable', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadFirstPage();
    expect(store.getState()).toMatchObject({ listStatus: 'error', listError: 'Engine unreachable', captures: [] });
    expect(store.getState().connectionStatus).toBe('unreachable');
  });

  it('a reload that fails keeps the loaded rows and status, and says why', async () => {
    const sent = await capture(2);
    const store = h.newStore();
    await store.getState().loadFirstPage();
    h.setUnreachable(true);
    await store.getState().loadFirstPage();
    expect(store.getState()).toMatchObject({ listStatus: 'loaded', listError: 'Engine unreachable' });
    expect(ids(store.getState().captures)).toEqual(sent);
    h.setUnreachable(false);
    await store.getState().loadFirstPage();
    expect(store.getState().listError).toBeNull();
  });

  it('pages: 100 first, then the older ones by the cursor; counts are the whole history', async () => {
    const sent = await capture(PAGE_SIZE + 5);
    const store = h.newStore();
    await store.getState().loadFirstPage();
    expect(store.getState().captures).toHaveLength(PAGE_SIZE);
    expect(store.getState()).toMatchObject({ total: PAGE_SIZE + 5, matching: PAGE_SIZE + 5, nextBefore: sent[PAGE_SIZE - 1] });
    h.requests.splice(0);
    const more = store.getState().loadMore();
    expect(store.getState().loadingMore).toBe(true);
    await Promise.all([more, store.getState().loadMore()]); // a second scroll event while loading asks nothing
    expect(h.requests).toHaveLength(1);
    expect(ids(store.getState().captures)).toEqual(sent);
    expect(store.getState()).toMatchObject({ nextBefore: null, loadingMore: false });
  });

  it('a failed older page keeps the list and tells the user', async () => {
    await capture(PAGE_SIZE + 1);
    const store = h.newStore();
    await store.getState().loadFirstPage();
    h.setUnreachable(true);
    await store.getState().loadMore();
    expect(store.getState().captures).toHaveLength(PAGE_SIZE);
    expect(store.getState().loadingMore).toBe(false);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['Could not load older captures: Engine unreachable']);
  });
});

describe('the query', () => {
  it('filters with the engine’s matching count, keeps total, and writes ?q= into the address', async () => {
    const puts = await capture(2, 'PUT');
    await capture(3);
    const store = h.newStore();
    await store.getState().applyQuery('  method:PUT ');
    expect(store.getState()).toMatchObject({ query: 'method:PUT', matching: 2, total: 5, queryError: null, listStatus: 'loaded' });
    expect(ids(store.getState().captures)).toEqual(puts);
    expect(h.location().searchParams.get('q')).toBe('method:PUT');
    await store.getState().applyQuery('');
    expect(h.location().searchParams.has('q')).toBe(false);
  });

  it('a query the engine refuses shows its message and leaves the list as it was', async () => {
    const sent = await capture(2);
    const store = h.newStore();
    await store.getState().loadFirstPage();
    await store.getState().applyQuery('verdict:bogus');
    expect(store.getState().queryError).toBe(await engineMessage('/requests?q=verdict%3Abogus'));
    expect(store.getState()).toMatchObject({ query: '', listStatus: 'loaded' });
    expect(ids(store.getState().captures)).toEqual(sent);
  });

  it('a bad ?q= at start-up says why and shows every capture instead of nothing', async () => {
    const sent = await capture(2);
    const store = h.newStore();
    store.getState().setInitialQuery('verdict:bogus');
    await store.getState().loadFirstPage();
    expect(store.getState()).toMatchObject({
      query: '',
      listStatus: 'loaded',
      queryError: await engineMessage('/requests?q=verdict%3Abogus'),
    });
    expect(ids(store.getState().captures)).toEqual(sent);
    expect(h.location().searchParams.has('q')).toBe(false);
  });
});

describe('stale answers are dropped', () => {
  it('two queries: the later one wins even when the earlier answer arrives last', async () => {
    const puts = await capture(1, 'PUT');
    await capture(1, 'DELETE');
    const store = h.newStore();
    const first = h.hold('GET', LIST, withQuery('method:DELETE'));
    const a = store.getState().applyQuery('method:DELETE');
    await first.arrived;
    await store.getState().applyQuery('method:PUT');
    expect(ids(store.getState().captures)).toEqual(puts);
    first.release();
    await a;
    expect(store.getState().query).toBe('method:PUT');
    expect(ids(store.getState().captures)).toEqual(puts);
    expect(h.location().searchParams.get('q')).toBe('method:PUT');
  });

  it('a reload that started before a query does not overwrite the query’s list', async () => {
    const puts = await capture(1, 'PUT');
    await capture(2);
    const store = h.newStore();
    const reload = h.hold('GET', LIST, withQuery(''));
    const a = store.getState().loadFirstPage();
    await reload.arrived;
    await store.getState().applyQuery('method:PUT');
    reload.release();
    await a;
    expect(store.getState()).toMatchObject({ query: 'method:PUT', matching: 1, total: 3 });
    expect(ids(store.getState().captures)).toEqual(puts);
  });

  it('a query overtaken by a reload (stream gap) asks again and still ends on the query', async () => {
    const puts = await capture(1, 'PUT');
    await capture(2);
    const store = h.newStore();
    const query = h.hold('GET', LIST, withQuery('method:PUT'));
    const a = store.getState().applyQuery('method:PUT');
    await query.arrived;
    await store.getState().loadFirstPage(); // the bridge's resync: reloads the shown query ('')
    query.release();
    await a;
    expect(store.getState().query).toBe('method:PUT');
    expect(ids(store.getState().captures)).toEqual(puts);
  });

  it('an older page requested before the list was replaced is not appended to the new list', async () => {
    await capture(PAGE_SIZE + 3);
    const puts = await capture(1, 'PUT');
    const store = h.newStore();
    await store.getState().loadFirstPage();
    const older = h.hold('GET', LIST, (url) => url.searchParams.has('before'));
    const more = store.getState().loadMore();
    await older.arrived;
    await store.getState().applyQuery('method:PUT');
    older.release();
    await more;
    expect(ids(store.getState().captures)).toEqual(puts);
    expect(store.getState().loadingMore).toBe(false);
  });

  it('a re-verification refresh answered after a query change is not laid over the new list', async () => {
    await capture(3);
    const puts = await capture(1, 'PUT');
    const store = h.newStore();
    await store.getState().loadFirstPage();
    const refresh = h.hold('GET', LIST, withQuery(''));
    const r = store.getState().refreshLoadedCaptures();
    await refresh.arrived;
    await store.getState().applyQuery('method:PUT');
    refresh.release();
    await r;
    expect(ids(store.getState().captures)).toEqual(puts);
    expect(store.getState().matching).toBe(1);
  });
});

describe('the live merge', () => {
  it('captures streamed while the first page is in flight land on top, counted once', async () => {
    await capture(2);
    const store = h.newStore();
    const first = h.hold('GET', LIST);
    const loading = store.getState().loadFirstPage();
    await first.arrived;
    // Two more captures arrive after the engine built the page; the stream announces them.
    const live = await liveCaptures(2, () => capture(2));
    store.getState().applyLiveCaptures(live);
    store.getState().applyLiveCaptures(live); // a re-pushed batch (reconnect) counts nothing
    first.release();
    await loading;
    const all = await h.t.api<{ data: RequestSummary[] }>('GET', '/requests');
    expect(ids(store.getState().captures)).toEqual(ids(all.body.data));
    expect(store.getState()).toMatchObject({ total: 4, matching: 4 });
  });

  it('under a query, a live capture makes the engine re-read the filtered head', async () => {
    await capture(1, 'PUT');
    const store = h.newStore();
    await store.getState().applyQuery('method:PUT');
    const live = await liveCaptures(2, async () => {
      await capture(1, 'PUT');
      await capture(1);
    });
    store.getState().applyLiveCaptures(live);
    expect(store.getState().total).toBe(3); // counted at once; matching is the engine's to say
    await until(store, (state) =>
      expect(state).toMatchObject({ matching: 2, captures: [expect.objectContaining({ method: 'PUT' }), expect.anything()] }),
    );
    expect(store.getState().captures.every((row) => row.method === 'PUT')).toBe(true);
  });

  it('a capture deleted elsewhere leaves the list and the counts, and the detail if it was open', async () => {
    const [newest, older] = await capture(2);
    const store = h.newStore();
    await store.getState().loadFirstPage();
    store.getState().selectCapture(newest!);
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    const events = await collectLiveEvents(
      h.t.engine,
      (seen) => seen.some((event) => event.type === 'request-deleted'),
      async () => void (await h.t.api('DELETE', `/requests/${newest}`)),
    );
    const deleted = events.find((event) => event.type === 'request-deleted');
    if (deleted?.type !== 'request-deleted') throw new Error('no request-deleted event');
    store.getState().removeCapturesLocally([deleted.data.id]);
    store.getState().removeCapturesLocally([deleted.data.id]); // reported twice: counted once
    expect(ids(store.getState().captures)).toEqual([older]);
    expect(store.getState()).toMatchObject({ total: 1, matching: 1, selectedId: null, detail: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, RequestSummary } from '../../../../src/shared/api';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// The open capture (selection-slice): its detail load, and the guard that drops the answer for a
// row the user has already left.

let h: RendererHarness;
let a: number;
let b: number;
beforeAll(async () => {
  h = await startRendererHarness();
  for (const body of ['{"a":1}', '{"b":2}']) expect((await h.t.send('/hook', { body })).status).toBe(200);
  const page = await h.t.api<{ data: RequestSummary[] }>('GET', '/requests');
  [b, a] = page.body.data.map((row) => row.id) as [number, number];
});
afterAll(() => h.close());

const DETAIL = /^\/api\/requests\/\d+$/;
const of = (id: number) => (url: URL) => url.pathname === `/api/requests/${id}`;

describe('selecting a capture', () => {
  it('goes loading → loaded with the engine’s detail; none clears it', async () => {
    const store = h.newStore();
    store.getState().selectCapture(a);
    expect(store.getState()).toMatchObject({ selectedId: a, detail: null, detailStatus: 'loading' });
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    expect(store.getState().detail).toMatchObject({ id: a, body_base64: Buffer.from('{"a":1}').toString('base64') });
    store.getState().selectCapture(null);
    expect(store.getState()).toMatchObject({ selectedId: null, detail: null, detailStatus: 'idle', detailError: null });
  });

  it('select A, then B quickly: B’s detail stays even when A’s answer arrives last', async () => {
    const store = h.newStore();
    const slow = h.hold('GET', DETAIL, of(a));
    store.getState().selectCapture(a);
    await slow.arrived;
    store.getState().selectCapture(b);
    await until(store, (state) => expect(state.detail?.id).toBe(b));
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState()).toMatchObject({ selectedId: b, detailStatus: 'loaded', detail: { id: b } });
  });

  it('an error for a row already left is dropped too', async () => {
    const store = h.newStore();
    h.setToken('wrong');
    const slow = h.hold('GET', DETAIL, of(a));
    store.getState().selectCapture(a);
    await slow.arrived;
    h.setToken(h.t.engine.token);
    store.getState().selectCapture(b);
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState()).toMatchObject({ selectedId: b, detailStatus: 'loaded', detailError: null, detail: { id: b } });
  });

  it('a capture deleted meanwhile is “gone”; an unreachable engine is an error with the reason', async () => {
    expect((await h.t.send('/hook', { body: 'x' })).status).toBe(200);
    const page = await h.t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
    const doomed = page.body.data[0]!.id;
    expect((await h.t.api('DELETE', `/requests/${doomed}`)).status).toBe(200);
    const missing = await h.t.api<ApiError>('GET', `/requests/${doomed}`);
    expect(missing.status).toBe(404);

    const store = h.newStore();
    store.getState().selectCapture(doomed);
    await until(store, (state) => expect(state.detailStatus).toBe('gone'));
    expect(store.getState()).toMatchObject({ detail: null, detailError: 'This capture no longer exists.' });

    h.setUnreachable(true);
    store.getState().selectCapture(a);
    await until(store, (state) => expect(state.detailStatus).toBe('error'));
    expect(store.getState().detailError).toBe('Engine unreachable');
    h.setUnreachable(false);
  });

  it('a reload keeps the open detail on screen until the new one arrives', async () => {
    const store = h.newStore();
    store.getState().selectCapture(a);
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    expect(store.getState().detail?.pinned).toBe(false);
    expect((await h.t.api('PUT', `/requests/${a}`, { pinned: true })).status).toBe(200);
    const slow = h.hold('GET', DETAIL, of(a));
    const reload = store.getState().reloadDetail();
    await slow.arrived;
    expect(store.getState()).toMatchObject({ detailStatus: 'loaded', detail: { id: a, pinned: false } });
    slow.release();
    await reload;
    expect(store.getState()).toMatchObject({ detailStatus: 'loaded', detail: { id: a, pinned: true } });
  });

  it('another row closes the replay dialog; the same row again changes nothing', async () => {
    const store = h.newStore();
    store.getState().selectCapture(a);
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    store.getState().setReplayOpen(true);
    const before = h.requests.length;
    store.getState().selectCapture(a);
    expect(h.requests.length).toBe(before);
    expect(store.getState().replayOpen).toBe(true);
    store.getState().selectCapture(b);
    expect(store.getState().replayOpen).toBe(false);
  });
});

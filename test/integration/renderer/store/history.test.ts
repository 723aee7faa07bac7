import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestSummary } from '../../../../src/shared/api';
import { PENDING_DELETES_KEY } from '../../../../src/renderer/src/lib/pending-deletes';
import { UNDO_DELETE_MS } from '../../../../src/renderer/src/store/history-slice';
import type { Store } from '../../../helpers/renderer-store';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// Changing the history from the UI (history-slice): pin, delete, delete with Undo, clear all.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.setUnreachable(false);
  h.sessionStorage.clear();
  // Pinned captures survive a clear: unpin them first so every test starts empty.
  for (const row of (await h.t.api<{ data: RequestSummary[] }>('GET', '/requests?q=is%3Apinned')).body.data) {
    await h.t.api('PUT', `/requests/${row.id}`, { pinned: false });
  }
  expect((await h.t.api('DELETE', '/requests')).status).toBe(200);
});
afterEach(() => vi.useRealTimers());

const ids = (rows: RequestSummary[]) => rows.map((row) => row.id);
const stored = async (id: number) => (await h.t.api('GET', `/requests/${id}`)).status;
const messages = (store: Store) => store.getState().notices.map((notice) => notice.message);

/** `count` captures, loaded into a fresh store; their ids newest first. */
async function listed(count: number): Promise<{ store: Store; rows: number[] }> {
  for (let i = 0; i < count; i += 1) expect((await h.t.send(`/hook/${i}`, { body: String(i) })).status).toBe(200);
  const store = h.newStore();
  await store.getState().loadFirstPage();
  return { store, rows: ids(store.getState().captures) };
}

/** Runs the Undo window out: only the slice's own timer is faked, the network stays real. */
function endUndoWindow(): void {
  vi.advanceTimersByTime(UNDO_DELETE_MS);
  vi.useRealTimers();
}

describe('pin', () => {
  it('stars at once, then takes the engine’s summary, in the list and the open detail', async () => {
    const { store, rows } = await listed(1);
    const id = rows[0]!;
    store.getState().selectCapture(id);
    await until(store, (state) => expect(state.detailStatus).toBe('loaded'));
    const pinning = store.getState().setPinned(id, true);
    expect(store.getState().captures[0]!.pinned).toBe(true);
    await pinning;
    expect(store.getState().detail?.pinned).toBe(true);
    const engine = await h.t.api<{ data: RequestSummary[] }>('GET', '/requests');
    expect(store.getState().captures).toEqual(engine.body.data);
  });

  it('a pin the engine never got is taken back, with a notice', async () => {
    const { store, rows } = await listed(1);
    h.setUnreachable(true);
    await store.getState().setPinned(rows[0]!, true);
    expect(store.getState().captures[0]!.pinned).toBe(false);
    expect(messages(store)).toEqual([`Could not pin capture #${rows[0]}: Engine unreachable`]);
  });
});

describe('delete', () => {
  it('deletes in the engine and takes the row and its count out', async () => {
    const { store, rows } = await listed(2);
    await store.getState().deleteCapture(rows[0]!);
    expect(await stored(rows[0]!)).toBe(404);
    expect(ids(store.getState().captures)).toEqual([rows[1]]);
    expect(store.getState()).toMatchObject({ total: 1, matching: 1 });
  });

  it('with Undo: hidden at once, still stored, next row selected; Undo brings it back and selects it', async () => {
    const { store, rows } = await listed(3);
    store.getState().selectCapture(rows[1]!);
    store.getState().deleteWithUndo(rows[1]!);
    expect(ids(store.getState().captures)).toEqual([rows[0], rows[2]]);
    expect(store.getState()).toMatchObject({ total: 2, selectedId: rows[2] });
    expect(JSON.parse(h.sessionStorage.getItem(PENDING_DELETES_KEY) ?? '[]')).toEqual([rows[1]]);
    expect(messages(store)).toEqual([`Capture #${rows[1]} deleted`]);
    expect(await stored(rows[1]!)).toBe(200);
    // A reload of the list meanwhile (stream gap) does not bring the hidden row back or count it.
    await store.getState().loadFirstPage();
    expect(ids(store.getState().captures)).toEqual([rows[0], rows[2]]);
    expect(store.getState().total).toBe(2);

    store.getState().undoDelete(rows[1]!);
    expect(ids(store.getState().captures)).toEqual(rows);
    expect(store.getState()).toMatchObject({ total: 3, selectedId: rows[1], notices: [] });
    expect(h.sessionStorage.getItem(PENDING_DELETES_KEY)).toBeNull();
    expect(await stored(rows[1]!)).toBe(200);
  });

  it('with Undo: when the window ends the engine deletes it, and the counts stay right', async () => {
    const { store, rows } = await listed(2);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.getState().deleteWithUndo(rows[0]!);
    endUndoWindow();
    await vi.waitFor(async () => expect(await stored(rows[0]!)).toBe(404));
    await until(store, (state) => expect(state.pendingDeletes).toMatchObject([{ id: rows[0], committed: true }]));
    expect(store.getState()).toMatchObject({ total: 1, notices: [] });
    await store.getState().loadFirstPage();
    expect(ids(store.getState().captures)).toEqual([rows[1]]);
    expect(store.getState().total).toBe(1);
    expect(h.sessionStorage.getItem(PENDING_DELETES_KEY)).toBeNull();
  });

  it('with Undo: a delete the engine never got puts the row back and says so', async () => {
    const { store, rows } = await listed(2);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.getState().deleteWithUndo(rows[0]!);
    h.setUnreachable(true);
    endUndoWindow();
    await until(store, (state) => expect(ids(state.captures)).toEqual(rows));
    expect(store.getState().total).toBe(2);
    expect(messages(store)).toEqual([`Could not delete capture #${rows[0]}, it is back in the list: Engine unreachable`]);
  });

  it('with Undo: a capture deleted elsewhere meanwhile (404) ends the same way, without an error', async () => {
    const { store, rows } = await listed(2);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.getState().deleteWithUndo(rows[0]!);
    expect((await h.t.api('DELETE', `/requests/${rows[0]}`)).status).toBe(200);
    endUndoWindow();
    await until(store, (state) => expect(state.pendingDeletes).toMatchObject([{ id: rows[0], committed: true }]));
    expect(ids(store.getState().captures)).toEqual([rows[1]]);
    expect(store.getState()).toMatchObject({ total: 1, notices: [] });
  });

  it('after a reload within an Undo window, the start-up says which captures were kept', () => {
    h.sessionStorage.setItem(PENDING_DELETES_KEY, JSON.stringify([7, 9]));
    const store = h.newStore();
    store.getState().reportInterruptedDeletes();
    expect(messages(store)).toHaveLength(1);
    expect(messages(store)[0]).toMatch(/#7.*#9/);
    expect(h.sessionStorage.getItem(PENDING_DELETES_KEY)).toBeNull();
  });
});

describe('clear all', () => {
  it('keeps pinned captures, says how many went, and re-reads the list; the open pinned capture stays open', async () => {
    const { store, rows } = await listed(3);
    await store.getState().setPinned(rows[1]!, true);
    store.getState().selectCapture(rows[1]!);
    await store.getState().clearAllCaptures();
    expect(ids(store.getState().captures)).toEqual([rows[1]]);
    expect(store.getState()).toMatchObject({ total: 1, selectedId: rows[1] });
    expect(messages(store)).toHaveLength(1);
    expect(messages(store)[0]).toMatch(/2.*1 pinned/);
  });

  it('an open capture that was not pinned is closed', async () => {
    const { store, rows } = await listed(2);
    store.getState().selectCapture(rows[0]!);
    await store.getState().clearAllCaptures();
    expect(store.getState()).toMatchObject({ captures: [], total: 0, selectedId: null });
  });

  it('a clear the engine never got changes nothing and says why', async () => {
    const { store, rows } = await listed(2);
    h.setUnreachable(true);
    await store.getState().clearAllCaptures();
    expect(ids(store.getState().captures)).toEqual(rows);
    expect(messages(store)).toEqual(['Could not clear captures: Engine unreachable']);
  });
});

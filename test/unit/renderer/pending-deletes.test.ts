import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { RequestPage } from '../../../src/shared/api';
import { summary } from '../../helpers/summary';
import { controlApi } from '../../../src/renderer/src/api/control-api';
import { createCapturesSlice } from '../../../src/renderer/src/store/captures-slice';
import type { StoreState } from '../../../src/renderer/src/store/types';
import {
  PENDING_DELETES_KEY,
  interruptedText,
  pendingInCounts,
  takeInterruptedIds,
  withoutPending,
  writePendingIds,
  type PendingDelete,
} from '../../../src/renderer/src/lib/pending-deletes';

vi.mock('../../../src/renderer/src/api/control-api', () => ({ controlApi: { listRequests: vi.fn() } }));
vi.mock('../../../src/renderer/src/lib/query-url', () => ({ showQueryInUrl: vi.fn() }));
const listRequests = vi.mocked(controlApi.listRequests);

const pending = (id: number, query = '', committed = false): PendingDelete => ({ id, row: summary(id), query, committed });
const page = (ids: number[], counts: { matching: number; total: number }): RequestPage => ({
  data: ids.map((id) => summary(id)),
  next_before: null,
  ...counts,
});
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

describe('pending deletes, pure', () => {
  it('filters hidden rows, committed ones too (a page fetched before the DELETE may still hold them)', () => {
    const rows = [summary(3), summary(2), summary(1)];
    expect(ids(withoutPending(rows, [pending(2), pending(1, '', true)]))).toEqual([3]);
    expect(withoutPending(rows, [])).toBe(rows);
    expect(withoutPending(rows, [pending(9)])).toBe(rows);
  });

  it('corrects the engine counts by the deletes it has not done yet', () => {
    const list = [pending(5, ''), pending(4, 'verdict:invalid'), pending(3, '', true)];
    expect(pendingInCounts(list, '', [])).toEqual({ total: 2, matching: 1 });
    expect(pendingInCounts(list, 'verdict:invalid', [])).toEqual({ total: 2, matching: 1 });
    // Deleted under another query, but the page just fetched shows it matches this one.
    expect(pendingInCounts(list, 'event:x', [summary(5)])).toEqual({ total: 2, matching: 1 });
    expect(pendingInCounts(list, 'event:x', [])).toEqual({ total: 2, matching: 0 });
  });

  it('remembers waiting ids for the next start, once', () => {
    const storage = memoryStorage();
    writePendingIds(storage, [12, 14]);
    expect(takeInterruptedIds(storage)).toEqual([12, 14]);
    expect(takeInterruptedIds(storage)).toEqual([]);
    writePendingIds(storage, [3]);
    writePendingIds(storage, []);
    expect(storage.data.has(PENDING_DELETES_KEY)).toBe(false);
    storage.setItem(PENDING_DELETES_KEY, '["x", 2, -1, 2.5]');
    expect(takeInterruptedIds(storage)).toEqual([2]);
    expect(interruptedText([12])).toMatch(/^Capture #12 was not deleted/);
    expect(interruptedText([12, 14])).toMatch(/^Captures #12, #14 were not deleted/);
  });
});

describe('pending deletes in the captures slice', () => {
  beforeEach(() => {
    listRequests.mockReset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  function makeStore() {
    const selectCapture = vi.fn();
    const store = create<StoreState>()(
      (...args) => ({ ...createCapturesSlice(...args), selectedId: null, notifyError: vi.fn(), selectCapture }) as unknown as StoreState,
    );
    return store;
  }

  it('hides at once, stays hidden through reloads of a list that still holds it, and comes back with Undo', async () => {
    const store = makeStore();
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    expect(store.getState().hideCapture(2)).toBe(true);
    expect(store.getState().hideCapture(2)).toBe(false);
    expect(ids(store.getState().captures)).toEqual([3, 1]);
    expect(store.getState().total).toBe(2);

    // The engine still stores it: a reload answers it and counts it, the list does neither.
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    expect(ids(store.getState().captures)).toEqual([3, 1]);
    expect(store.getState().total).toBe(2);
    expect(store.getState().matching).toBe(2);

    expect(store.getState().unhideCapture(2)?.id).toBe(2);
    expect(ids(store.getState().captures)).toEqual([3, 2, 1]);
    expect(store.getState().total).toBe(3);
    expect(store.getState().unhideCapture(2)).toBeNull();
  });

  it('once the engine deleted it, counts follow the engine and a late page cannot bring it back', async () => {
    const store = makeStore();
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    store.getState().hideCapture(2);
    store.getState().markDeleteCommitted(2);
    // A page fetched just before the DELETE landed.
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    expect(ids(store.getState().captures)).toEqual([3, 1]);
    listRequests.mockResolvedValueOnce(page([3, 1], { matching: 2, total: 2 }));
    await store.getState().loadFirstPage();
    expect(store.getState().total).toBe(2);
    // The live echo of the delete does not count it twice.
    store.getState().removeCapturesLocally([2]);
    expect(store.getState().total).toBe(2);
    expect(store.getState().unhideCapture(2)).toBeNull();
  });

  it('a live refresh of the loaded rows does not bring a hidden capture back, and live captures still count', async () => {
    const store = makeStore();
    listRequests.mockResolvedValueOnce(page([3, 2, 1], { matching: 3, total: 3 }));
    await store.getState().loadFirstPage();
    store.getState().hideCapture(3);
    store.getState().applyLiveCaptures([summary(4)]);
    expect(ids(store.getState().captures)).toEqual([4, 2, 1]);
    expect(store.getState().total).toBe(3);
    listRequests.mockResolvedValueOnce(page([4, 3, 2, 1], { matching: 4, total: 4 }));
    await store.getState().refreshLoadedCaptures();
    expect(ids(store.getState().captures)).toEqual([4, 2, 1]);
    expect(store.getState().total).toBe(3);
    expect(store.getState().matching).toBe(3);
  });

  it('corrects the matching count of a filtered list', async () => {
    const store = makeStore();
    listRequests.mockResolvedValueOnce(page([5, 4], { matching: 2, total: 9 }));
    await store.getState().applyQuery('verdict:invalid');
    store.getState().hideCapture(5);
    expect(store.getState().matching).toBe(1);
    expect(store.getState().total).toBe(8);
    listRequests.mockResolvedValueOnce(page([5, 4], { matching: 2, total: 9 }));
    await store.getState().loadFirstPage();
    expect(ids(store.getState().captures)).toEqual([4]);
    expect(store.getState().matching).toBe(1);
    expect(store.getState().total).toBe(8);
  });
});

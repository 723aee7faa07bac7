import type { RequestSummary } from '../../../shared/api';
import { controlApi } from '../api/control-api';
import { describeError } from '../api/errors';
import type { LoadStatus, SliceCreator } from './types';

export const PAGE_SIZE = 100;
/**
 * Rows kept in memory. Beyond this the oldest are dropped and become loadable again by
 * scrolling, so a long session with a busy webhook cannot grow the renderer without bound.
 */
export const MAX_ROWS_IN_MEMORY = 20_000;
/** How far back a re-verification refresh re-reads summaries (their verdicts changed). */
const MAX_REFRESH_ROWS = 1_000;

export interface CapturesSlice {
  /** Newest first (ids grow monotonically, so this is also descending id order). */
  captures: RequestSummary[];
  /** Cursor for the next older page; null when everything has been loaded. */
  nextBefore: number | null;
  listStatus: LoadStatus;
  listError: string | null;
  loadingMore: boolean;

  loadFirstPage: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Re-reads loaded summaries in place (after an endpoint's secret changed their verdicts). */
  refreshLoadedCaptures: () => Promise<void>;
  applyLiveCaptures: (summaries: RequestSummary[]) => void;
  removeCaptureLocally: (id: number) => void;
  clearCapturesLocally: () => void;
  deleteCapture: (id: number) => Promise<void>;
  clearAllCaptures: () => Promise<void>;
}

function byNewestFirst(a: RequestSummary, b: RequestSummary): number {
  return b.id - a.id;
}

/** Merges rows into a newest-first list, replacing rows with the same id. */
function mergeRows(existing: RequestSummary[], incoming: RequestSummary[]): RequestSummary[] {
  if (incoming.length === 0) return existing;
  const incomingIds = new Set(incoming.map((row) => row.id));
  const newestExisting = existing[0]?.id ?? -Infinity;
  const sortedIncoming = [...incoming].sort(byNewestFirst);
  const oldestIncoming = sortedIncoming[sortedIncoming.length - 1]?.id ?? Infinity;
  // Fast path, the common live case: everything incoming is newer than what we have.
  if (oldestIncoming > newestExisting) return [...sortedIncoming, ...existing];
  return [...existing.filter((row) => !incomingIds.has(row.id)), ...sortedIncoming].sort(byNewestFirst);
}

export const createCapturesSlice: SliceCreator<CapturesSlice> = (set, get) => ({
  captures: [],
  nextBefore: null,
  listStatus: 'idle',
  listError: null,
  loadingMore: false,

  loadFirstPage: async () => {
    if (get().listStatus !== 'loaded') set({ listStatus: 'loading' });
    try {
      const page = await controlApi.listRequests(PAGE_SIZE, null);
      const newestFetched = page.data[0]?.id ?? -Infinity;
      // Live rows that arrived while the page was in flight are newer than the page: keep them.
      const arrivedMeanwhile = get().captures.filter((row) => row.id > newestFetched);
      set({
        captures: mergeRows(page.data, arrivedMeanwhile),
        nextBefore: page.next_before,
        listStatus: 'loaded',
        listError: null,
      });
    } catch (error) {
      set({ listStatus: get().listStatus === 'loaded' ? 'loaded' : 'error', listError: describeError(error) });
    }
  },

  loadMore: async () => {
    const { nextBefore, loadingMore } = get();
    if (nextBefore === null || loadingMore) return;
    set({ loadingMore: true });
    try {
      const page = await controlApi.listRequests(PAGE_SIZE, nextBefore);
      // A reload may have replaced the list meanwhile; only append if the cursor still holds.
      if (get().nextBefore === nextBefore) {
        set({ captures: mergeRows(get().captures, page.data), nextBefore: page.next_before });
      }
    } catch (error) {
      get().notifyError('Could not load older captures', error);
    } finally {
      set({ loadingMore: false });
    }
  },

  refreshLoadedCaptures: async () => {
    const limit = Math.min(Math.max(get().captures.length, PAGE_SIZE), MAX_REFRESH_ROWS);
    try {
      const page = await controlApi.listRequests(limit, null);
      const fresh = new Map(page.data.map((row) => [row.id, row]));
      const updated = get().captures.map((row) => fresh.get(row.id) ?? row);
      set({ captures: mergeRows(updated, page.data) });
    } catch (error) {
      get().notifyError('Could not refresh verdicts', error);
    }
  },

  applyLiveCaptures: (summaries) => {
    let captures = mergeRows(get().captures, summaries);
    let nextBefore = get().nextBefore;
    if (captures.length > MAX_ROWS_IN_MEMORY) {
      captures = captures.slice(0, MAX_ROWS_IN_MEMORY);
      // The dropped tail is still in the database: point the cursor at it so scrolling reloads it.
      nextBefore = captures[captures.length - 1]?.id ?? null;
    }
    set({ captures, nextBefore, listStatus: 'loaded' });
  },

  removeCaptureLocally: (id) => {
    const captures = get().captures;
    if (captures.some((row) => row.id === id)) set({ captures: captures.filter((row) => row.id !== id) });
    if (get().selectedId === id) get().selectCapture(null);
  },

  clearCapturesLocally: () => {
    set({ captures: [], nextBefore: null });
    get().selectCapture(null);
  },

  deleteCapture: async (id) => {
    try {
      await controlApi.deleteRequest(id);
      get().removeCaptureLocally(id);
    } catch (error) {
      get().notifyError(`Could not delete capture #${id}`, error);
    }
  },

  clearAllCaptures: async () => {
    try {
      await controlApi.clearRequests();
      get().clearCapturesLocally();
    } catch (error) {
      get().notifyError('Could not clear captures', error);
    }
  },
});

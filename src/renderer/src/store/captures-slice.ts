import type { RequestPage, RequestSummary } from '../../../shared/api';
import { controlApi } from '../api/control-api';
import { MAX_PAGE_LIMIT } from '../../../shared/contract/schema';
import { ApiRequestError, describeError } from '../api/errors';
import { countNew, mergeHead, mergeRows, removeRows, replaceRows } from '../lib/capture-rows';
import { showQueryInUrl } from '../lib/query-url';
import { pendingInCounts, withoutPending, type PendingDelete } from '../lib/pending-deletes';
import { createThrottle } from '../lib/throttle';
import type { LoadStatus, SliceCreator } from './types';

export const PAGE_SIZE = 100;
/**
 * Rows kept in memory. Beyond this the oldest are dropped and become loadable again by
 * scrolling, so a long session with a busy webhook cannot grow the renderer without bound.
 */
export const MAX_ROWS_IN_MEMORY = 20_000;
/** How far back a re-verification refresh re-reads summaries (their verdicts changed): one page, the most the engine lists. */
const MAX_REFRESH_ROWS = MAX_PAGE_LIMIT;
/** A filtered list re-reads its first page at most this often while captures stream in. */
const FILTERED_REFRESH_MS = 1_000;

export interface CapturesSlice {
  /** Newest first (ids grow monotonically, so this is also descending id order). */
  captures: RequestSummary[];
  /** Cursor for the next older page; null when everything has been loaded. */
  nextBefore: number | null;
  listStatus: LoadStatus;
  listError: string | null;
  loadingMore: boolean;
  /** The history query the list shows; '' for every capture. Mirrored in the URL's ?q=. */
  query: string;
  /** Why the last query could not be applied (the engine's message); the list still shows `query`. */
  queryError: string | null;
  /** Captures `query` selects; equal to `total` without a query. */
  matching: number;
  /** Every capture in the history, not only the loaded rows. */
  total: number;
  /** Captures deleted with Undo: hidden from the list and its counts, stored until the window ends. */
  pendingDeletes: PendingDelete[];

  /** Loads the first page of `text`; a query the engine refuses leaves the list as it is. */
  applyQuery: (text: string) => Promise<void>;
  loadFirstPage: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Re-reads loaded summaries in place (after an endpoint's secret changed their verdicts). */
  refreshLoadedCaptures: () => Promise<void>;
  /** New captures announced live (received or imported). */
  applyLiveCaptures: (summaries: RequestSummary[]) => void;
  /** Summaries of captures that changed (pinned, diagnosed): rows the list holds are replaced. */
  updateCapturesLocally: (summaries: RequestSummary[]) => void;
  /** Captures deleted elsewhere (one by one, or pruned by retention). */
  removeCapturesLocally: (ids: number[]) => void;
  /** Hides a loaded capture as deleted (the engine still holds it); false when the list does not hold it. */
  hideCapture: (id: number) => boolean;
  /** Undo: shows a hidden capture again and counts it; the row it was, or null when it was not hidden. */
  unhideCapture: (id: number) => RequestSummary | null;
  /** The engine deleted a hidden capture: it leaves the counts' correction, stays out of the list. */
  markDeleteCommitted: (id: number) => void;
}

/** Committed deletes remembered to filter late answers; far more than any in flight. */
const MAX_REMEMBERED_DELETES = 200;

export const createCapturesSlice: SliceCreator<CapturesSlice> = (set, get) => {
  /** Bumped by every load that replaces the list; answers of older loads are dropped. */
  let generation = 0;
  /** Live rows applied while such a load was in flight: newer than its page, they belong on top. */
  let lateRows: RequestSummary[] | null = null;
  /** The query of the load in flight, so the debounce and Enter do not send the same one twice. */
  let pendingQuery: string | null = null;
  /**
   * Ids of captures the list has counted (from pages or live): a new capture announced live that
   * a page fetched meanwhile already counted must not count twice. Live events do not arrive in id
   * order (an import is announced at once, received captures a moment later), so a set, not a
   * high-water mark.
   */
  const seenIds = new Set<number>();
  const filteredRefresh = createThrottle(() => void refreshHead(PAGE_SIZE, false), FILTERED_REFRESH_MS);

  const see = (rows: readonly RequestSummary[]) => {
    // Bounded: far more ids than the list keeps in memory; forgetting old ones risks nothing newer.
    if (seenIds.size > MAX_ROWS_IN_MEMORY * 5) seenIds.clear();
    for (const row of rows) seenIds.add(row.id);
  };

  /** Fetches the first page of `query` for a load that replaces the list; null when a newer load superseded it. */
  async function fetchReplacement(query: string): Promise<{ page: RequestPage; late: RequestSummary[] } | null> {
    const mine = ++generation;
    lateRows = [];
    try {
      const page = await controlApi.listRequests(PAGE_SIZE, null, query);
      if (mine !== generation) return null;
      const newestInPage = page.data[0]?.id ?? 0;
      // One row per id (the latest version): the same summary may be announced twice while the page is in flight.
      const late = [...new Map((lateRows ?? []).filter((row) => row.id > newestInPage).map((row) => [row.id, row])).values()];
      see(page.data);
      return { page, late };
    } finally {
      if (mine === generation) lateRows = null;
    }
  }

  /** Shows `page` as the whole list of `query`, with live rows that arrived meanwhile; a query error stays (it is about the box's text). */
  function showPage(query: string, page: RequestPage, late: RequestSummary[], also: Partial<CapturesSlice> = {}): void {
    filteredRefresh.cancel();
    if (query !== '' && late.length > 0) filteredRefresh.request();
    const { pendingDeletes } = get();
    const rows = withoutPending(query === '' ? mergeRows(page.data, late) : page.data, pendingDeletes);
    const hidden = pendingInCounts(pendingDeletes, query, page.data);
    const total = page.total + (query === '' ? new Set(late.map((row) => row.id)).size : 0) - hidden.total;
    set({
      query,
      captures: rows,
      nextBefore: page.next_before,
      listStatus: 'loaded',
      listError: null,
      total,
      matching: query === '' ? total : page.matching - hidden.matching,
      ...also,
    });
    showQueryInUrl(query);
  }

  /** Re-reads the first `limit` rows of the current query and lays them over the list. */
  async function refreshHead(limit: number, report: boolean): Promise<void> {
    const { query } = get();
    const mine = generation;
    try {
      const page = await controlApi.listRequests(limit, null, query);
      if (mine !== generation || get().query !== query) return;
      see(page.data);
      const { pendingDeletes } = get();
      const visible = { ...page, data: withoutPending(page.data, pendingDeletes) };
      const head = mergeHead(get().captures, get().nextBefore, visible, { newer: query === '', older: true });
      const hidden = pendingInCounts(pendingDeletes, query, page.data);
      const total = page.total + head.newer - hidden.total;
      set({ captures: head.rows, nextBefore: head.nextBefore, total, matching: query === '' ? total : page.matching - hidden.matching });
    } catch (error) {
      // A live refresh that fails is retried by the next live event; the banner reports an engine that is gone.
      if (report) get().notifyError('Could not refresh the list', error);
    }
  }

  return {
    captures: [],
    nextBefore: null,
    listStatus: 'idle',
    listError: null,
    loadingMore: false,
    query: '',
    queryError: null,
    matching: 0,
    total: 0,
    pendingDeletes: [],

    applyQuery: async (text) => {
      const query = text.trim();
      if (query === pendingQuery) return;
      if (query === get().query && pendingQuery === null) {
        if (get().queryError !== null) set({ queryError: null });
        return;
      }
      pendingQuery = query;
      for (;;) {
        try {
          const result = await fetchReplacement(query);
          if (pendingQuery !== query) return; // a newer query took over
          if (result) {
            showPage(query, result.page, result.late, { queryError: null });
            break;
          }
          // A reload of the shown query (after a stream gap) superseded this one: ask again.
        } catch (error) {
          if (pendingQuery === query) set({ queryError: describeError(error) });
          break;
        }
      }
      if (pendingQuery === query) pendingQuery = null;
    },

    loadFirstPage: async () => {
      const { query } = get();
      if (get().listStatus !== 'loaded') set({ listStatus: 'loading' });
      try {
        const result = await fetchReplacement(query);
        if (result) showPage(query, result.page, result.late);
      } catch (error) {
        if (query !== '' && error instanceof ApiRequestError && error.code === 'invalid_query') {
          // A bad ?q= in the URL: say why and show everything rather than nothing.
          set({ query: '', queryError: error.message });
          showQueryInUrl('');
          await get().loadFirstPage();
          return;
        }
        set({ listStatus: get().listStatus === 'loaded' ? 'loaded' : 'error', listError: describeError(error) });
      }
    },

    loadMore: async () => {
      const { nextBefore, loadingMore, query } = get();
      if (nextBefore === null || loadingMore) return;
      set({ loadingMore: true });
      try {
        const page = await controlApi.listRequests(PAGE_SIZE, nextBefore, query);
        // A reload or another query may have replaced the list meanwhile; append only if the cursor still holds.
        if (get().nextBefore === nextBefore && get().query === query) {
          see(page.data);
          set({ captures: mergeRows(get().captures, withoutPending(page.data, get().pendingDeletes)), nextBefore: page.next_before });
        }
      } catch (error) {
        get().notifyError('Could not load older captures', error);
      } finally {
        set({ loadingMore: false });
      }
    },

    refreshLoadedCaptures: () => refreshHead(Math.min(Math.max(get().captures.length, PAGE_SIZE), MAX_REFRESH_ROWS), true),

    applyLiveCaptures: (summaries) => {
      lateRows?.push(...summaries);
      const total = get().total + countNew(summaries, seenIds);
      see(summaries);
      if (get().query !== '') {
        // Whether a new capture matches is the engine's to say: re-read the filtered head instead of guessing.
        set({ total });
        filteredRefresh.request();
        return;
      }
      let captures = mergeRows(get().captures, summaries);
      let nextBefore = get().nextBefore;
      if (captures.length > MAX_ROWS_IN_MEMORY) {
        captures = captures.slice(0, MAX_ROWS_IN_MEMORY);
        // The dropped tail is still in the database: point the cursor at it so scrolling reloads it.
        nextBefore = captures[captures.length - 1]?.id ?? null;
      }
      set({ captures, nextBefore, total, matching: total, listStatus: 'loaded' });
    },

    updateCapturesLocally: (summaries) => {
      // Only rows the list holds change: an update never inserts (the capture may be far older
      // than the loaded rows, or outside the filter).
      const captures = replaceRows(get().captures, summaries);
      if (captures !== get().captures) set({ captures });
    },

    removeCapturesLocally: (ids) => {
      const { rows, removed } = removeRows(get().captures, get().nextBefore, ids);
      const total = Math.max(0, get().total - removed);
      const matching = get().query === '' ? total : Math.max(0, get().matching - removed);
      set({ captures: rows, total, matching });
      if (get().query !== '') filteredRefresh.request();
      const selectedId = get().selectedId;
      if (selectedId !== null && ids.includes(selectedId)) get().selectCapture(null);
    },

    hideCapture: (id) => {
      const row = get().captures.find((candidate) => candidate.id === id);
      if (!row || get().pendingDeletes.some((entry) => entry.id === id)) return false;
      set({ pendingDeletes: [...get().pendingDeletes, { id, row, query: get().query, committed: false }] });
      get().removeCapturesLocally([id]);
      return true;
    },

    unhideCapture: (id) => {
      const entry = get().pendingDeletes.find((candidate) => candidate.id === id && !candidate.committed);
      if (!entry) return null;
      const pendingDeletes = get().pendingDeletes.filter((candidate) => candidate.id !== id);
      const { query } = get();
      const total = get().total + 1;
      if (entry.query === query || query === '') {
        set({
          pendingDeletes,
          captures: mergeRows(get().captures, [entry.row]),
          total,
          matching: query === '' ? total : get().matching + 1,
        });
      } else {
        // Shown under another query than the one it was deleted from: whether it matches is the engine's to say.
        set({ pendingDeletes, total });
        filteredRefresh.request();
      }
      return entry.row;
    },

    markDeleteCommitted: (id) => {
      const pendingDeletes = get().pendingDeletes.map((entry) => (entry.id === id ? { ...entry, committed: true } : entry));
      const open = pendingDeletes.filter((entry) => !entry.committed);
      const done = pendingDeletes.filter((entry) => entry.committed).slice(-MAX_REMEMBERED_DELETES);
      set({ pendingDeletes: [...done, ...open] });
    },
  };
};

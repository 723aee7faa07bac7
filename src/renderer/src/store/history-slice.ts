import { controlApi } from '../api/control-api';
import { ApiRequestError } from '../api/errors';
import { clearedText } from '../lib/history-text';
import { replaceRows } from '../lib/capture-rows';
import { interruptedText, takeInterruptedIds, writePendingIds } from '../lib/pending-deletes';
import { indexAfterRemoval } from '../lib/shortcuts';
import type { SliceCreator } from './types';

/** How long a keyboard delete can be undone before the engine is asked to delete. */
export const UNDO_DELETE_MS = 6_000;

/** Per window (a reload keeps it, another tab has its own): which deletes were waiting when the page went. */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Changing the history from the UI: pin, delete one, clear all (which keeps pinned captures). */
export interface HistorySlice {
  setPinned: (id: number, pinned: boolean) => Promise<void>;
  deleteCapture: (id: number) => Promise<void>;
  /**
   * Hides the capture at once, selects the next one, offers Undo for UNDO_DELETE_MS and only then
   * deletes it in the engine (see lib/pending-deletes for why not delete-and-restore).
   */
  deleteWithUndo: (id: number) => void;
  undoDelete: (id: number) => void;
  /** At start: says which captures a reload kept because their Undo window had not ended. */
  reportInterruptedDeletes: () => void;
  clearAllCaptures: () => Promise<void>;
  /** After any Clear all (this window's or another client's): pinned captures remain, so re-read the list. */
  reloadAfterClear: () => Promise<void>;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => {
  const undoTimers = new Map<number, { timer: ReturnType<typeof setTimeout>; noticeId: number }>();

  const rememberPending = () => writePendingIds(sessionStore(), [...undoTimers.keys()]);

  function endUndoWindow(id: number): boolean {
    const waiting = undoTimers.get(id);
    if (!waiting) return false;
    clearTimeout(waiting.timer);
    undoTimers.delete(id);
    get().dismissNotice(waiting.noticeId);
    rememberPending();
    return true;
  }

  async function commitDelete(id: number): Promise<void> {
    if (!endUndoWindow(id)) return;
    try {
      await controlApi.deleteRequest(id);
      get().markDeleteCommitted(id);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) {
        get().markDeleteCommitted(id); // deleted meanwhile elsewhere (another window, retention): the same end
        return;
      }
      // Nothing was deleted: show it again rather than let the list and the history disagree.
      get().unhideCapture(id);
      get().notifyError(`Could not delete capture #${id}, it is back in the list`, error);
    }
  }

  return {
    setPinned: async (id, pinned) => {
      const before = get().captures.find((row) => row.id === id);
      // The star answers at once; the engine's answer (and its live echo) confirms it.
      if (before) set({ captures: replaceRows(get().captures, [{ ...before, pinned }]) });
      try {
        const summary = await controlApi.updateRequest(id, { pinned });
        set({ captures: replaceRows(get().captures, [summary]) });
        const detail = get().detail;
        if (detail?.id === id) set({ detail: { ...detail, pinned: summary.pinned } });
      } catch (error) {
        if (before) set({ captures: replaceRows(get().captures, [before]) });
        get().notifyError(`Could not ${pinned ? 'pin' : 'unpin'} capture #${id}`, error);
      }
    },

    deleteCapture: async (id) => {
      try {
        await controlApi.deleteRequest(id);
        get().removeCapturesLocally([id]);
      } catch (error) {
        get().notifyError(`Could not delete capture #${id}`, error);
      }
    },

    deleteWithUndo: (id) => {
      const { captures, selectedId } = get();
      const index = captures.findIndex((row) => row.id === id);
      const nextIndex = indexAfterRemoval(index, captures.length);
      const next = nextIndex === null ? null : (captures.filter((row) => row.id !== id)[nextIndex]?.id ?? null);
      if (!get().hideCapture(id)) return;
      if (selectedId === id) get().selectCapture(next);
      const noticeId = get().notify('info', `Capture #${id} deleted`, { label: 'Undo', run: () => get().undoDelete(id) });
      undoTimers.set(id, { timer: setTimeout(() => void commitDelete(id), UNDO_DELETE_MS), noticeId });
      rememberPending();
    },

    undoDelete: (id) => {
      if (!endUndoWindow(id)) return;
      if (get().unhideCapture(id)) get().selectCapture(id);
    },

    reportInterruptedDeletes: () => {
      const ids = takeInterruptedIds(sessionStore());
      if (ids.length > 0) get().notify('info', interruptedText(ids));
    },

    clearAllCaptures: async () => {
      try {
        const result = await controlApi.clearRequests();
        get().notify('info', clearedText(result.deleted, result.kept_pinned));
        await get().reloadAfterClear();
      } catch (error) {
        get().notifyError('Could not clear captures', error);
      }
    },

    reloadAfterClear: async () => {
      const { selectedId, captures } = get();
      const selected = captures.find((row) => row.id === selectedId);
      if (selectedId !== null && selected?.pinned !== true) get().selectCapture(null);
      await get().loadFirstPage();
    },
  };
};

import { controlApi } from '../api/control-api';
import { clearedText } from '../lib/history-text';
import { replaceRows } from '../lib/capture-rows';
import type { SliceCreator } from './types';

/** Changing the history from the UI: pin, delete one, clear all (which keeps pinned captures). */
export interface HistorySlice {
  setPinned: (id: number, pinned: boolean) => Promise<void>;
  deleteCapture: (id: number) => Promise<void>;
  clearAllCaptures: () => Promise<void>;
  /** After any Clear all (this window's or another client's): pinned captures remain, so re-read the list. */
  reloadAfterClear: () => Promise<void>;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
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
});

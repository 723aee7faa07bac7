import type { RequestDetail } from '../../../shared/api';
import { controlApi } from '../api/control-api';
import { ApiRequestError, describeError } from '../api/errors';
import type { SliceCreator } from './types';

export type DetailStatus = 'idle' | 'loading' | 'loaded' | 'error' | 'gone';

export interface SelectionSlice {
  selectedId: number | null;
  detail: RequestDetail | null;
  detailStatus: DetailStatus;
  detailError: string | null;
  /** The replay dialog of the selected capture is open (its button, or the `r` key). */
  replayOpen: boolean;
  setReplayOpen: (open: boolean) => void;
  selectCapture: (id: number | null) => void;
  /** Re-fetches the open detail, keeping the current one on screen until the new one arrives. */
  reloadDetail: () => Promise<void>;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => {
  async function fetchDetail(id: number): Promise<void> {
    try {
      const detail = await controlApi.getRequest(id);
      // The user may have clicked another row while this was in flight: drop stale answers.
      if (get().selectedId !== id) return;
      set({ detail, detailStatus: 'loaded', detailError: null });
    } catch (error) {
      if (get().selectedId !== id) return;
      const gone = error instanceof ApiRequestError && error.status === 404;
      set({
        detail: null,
        detailStatus: gone ? 'gone' : 'error',
        detailError: gone ? 'This capture no longer exists.' : describeError(error),
      });
    }
  }

  return {
    selectedId: null,
    detail: null,
    detailStatus: 'idle',
    detailError: null,
    replayOpen: false,

    setReplayOpen: (replayOpen) => set({ replayOpen }),

    selectCapture: (id) => {
      if (id === get().selectedId) return;
      if (get().replayOpen) set({ replayOpen: false });
      if (id === null) {
        set({ selectedId: null, detail: null, detailStatus: 'idle', detailError: null });
        return;
      }
      set({ selectedId: id, detail: null, detailStatus: 'loading', detailError: null });
      void fetchDetail(id);
    },

    reloadDetail: async () => {
      const id = get().selectedId;
      if (id !== null) await fetchDetail(id);
    },
  };
};

import type { Health, StorageProblem } from '../../../shared/api';
import { controlApi } from '../api/control-api';
import { describeError } from '../api/errors';
import type { Reachability } from '../api/http';
import type { SliceCreator } from './types';

export type ConnectionStatus = 'connecting' | Reachability;

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** A button in the notice (Undo); such a notice stays until its owner dismisses it. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface ConnectionSlice {
  connectionStatus: ConnectionStatus;
  health: Health | null;
  /** From health, or from the Electron preload when the engine has not answered yet. */
  receiverUrl: string | null;
  notices: Notice[];
  /** Why captures cannot be stored right now (from health, then the live stream); null when they can. */
  storageProblem: StorageProblem | null;
  setStorageProblem: (problem: StorageProblem | null) => void;
  setConnectionStatus: (status: ConnectionStatus) => void;
  setReceiverUrl: (url: string) => void;
  loadHealth: () => Promise<void>;
  /** Shows a notice; returns its id (to dismiss one that carries an action). */
  notify: (kind: Notice['kind'], message: string, action?: NoticeAction) => number;
  notifyError: (prefix: string, error: unknown) => void;
  dismissNotice: (id: number) => void;
}

/** Plain notices shown at once; notices with an action are not counted (see notify). */
const MAX_NOTICES = 4;
let nextNoticeId = 1;

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get) => {
  // Storage problems pushed live so far: a health answer built before the latest push may arrive
  // after it (two connections) and must not bring back an older storage state.
  let storagePushes = 0;
  return {
    connectionStatus: 'connecting',
    health: null,
    receiverUrl: null,
    notices: [],
    storageProblem: null,

    setStorageProblem: (storageProblem) => {
      storagePushes += 1;
      set({ storageProblem });
    },

    setConnectionStatus: (connectionStatus) => {
      if (get().connectionStatus !== connectionStatus) set({ connectionStatus });
    },

    setReceiverUrl: (receiverUrl) => set({ receiverUrl }),

    loadHealth: async () => {
      const seen = storagePushes;
      try {
        const health = await controlApi.health();
        set({ health, receiverUrl: health.receiver_url, ...(storagePushes === seen ? { storageProblem: health.storage_problem } : {}) });
      } catch {
        // Reachability is already reported by the HTTP layer; the banner says what happened.
      }
    },

    notify: (kind, message, action) => {
      const notice: Notice = { id: nextNoticeId++, kind, message, ...(action ? { action } : {}) };
      // The cap drops the oldest plain notices only: one with an action (Undo) stays until its owner
      // dismisses it, or a burst of messages would take the Undo away while its window still runs.
      const all = [...get().notices, notice];
      const plain = all.filter((candidate) => !candidate.action);
      const dropped = new Set(plain.slice(0, Math.max(0, plain.length - MAX_NOTICES)).map((candidate) => candidate.id));
      set({ notices: all.filter((candidate) => !dropped.has(candidate.id)) });
      return notice.id;
    },

    notifyError: (prefix, error) => get().notify('error', `${prefix}: ${describeError(error)}`),

    dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  };
};

import type { ManagedTunnelProvider, Tunnel, TunnelInstallHelp, TunnelProvider } from '../../../shared/api';
import { describeError } from '../api/errors';
import { tunnelsApi } from '../api/tunnels-api';
import { tunnelInstallHelpOf } from '../../../shared/contract/tunnels';
import type { SliceCreator } from './types';

/** Why the last start failed: the engine's message, and how to install the binary when it is missing. */
export interface TunnelStartProblem {
  provider: ManagedTunnelProvider;
  message: string;
  install: TunnelInstallHelp | null;
}

export interface TunnelsSlice {
  tunnels: Tunnel[];
  /** The provider being started (the POST answers once the URL is known, up to 30 s). */
  tunnelStarting: ManagedTunnelProvider | null;
  tunnelStopping: TunnelProvider | null;
  tunnelProblem: TunnelStartProblem | null;
  /** Banner notes the user closed (TunnelNote keys); they return when the condition changes. */
  dismissedTunnelNotes: string[];
  tunnelsDialogOpen: boolean;
  setTunnelsDialogOpen: (open: boolean) => void;
  loadTunnels: () => Promise<void>;
  setTunnels: (tunnels: Tunnel[]) => void;
  startTunnel: (provider: ManagedTunnelProvider) => Promise<void>;
  stopTunnel: (provider: TunnelProvider) => Promise<void>;
  dismissTunnelNote: (key: string) => void;
}

export const createTunnelsSlice: SliceCreator<TunnelsSlice> = (set, get) => {
  // A start the user stopped answers with an error ("exited"): that is no problem to report.
  let cancelled: TunnelProvider | null = null;
  // Live lists applied so far. An HTTP answer built before the latest live event may reach us
  // after it (two connections): applying it then would bring back an older state for good.
  let liveLists = 0;
  return {
    tunnels: [],
    tunnelStarting: null,
    tunnelStopping: null,
    tunnelProblem: null,
    dismissedTunnelNotes: [],
    tunnelsDialogOpen: false,

    setTunnelsDialogOpen: (tunnelsDialogOpen) => set({ tunnelsDialogOpen }),

    loadTunnels: async () => {
      const seen = liveLists;
      try {
        const tunnels = await tunnelsApi.list();
        if (liveLists === seen) set({ tunnels });
      } catch {
        // An unreachable engine is reported by the connection banner; the list stays as it was.
      }
    },

    setTunnels: (tunnels) => {
      liveLists += 1;
      set({ tunnels });
    },

    startTunnel: async (provider) => {
      set({ tunnelStarting: provider, tunnelProblem: null });
      try {
        const started = await tunnelsApi.start(provider);
        // The live event usually comes first and may already be newer (the listener checked):
        // the answer only fills in when the stream has not shown the tunnel online yet.
        const shown = get().tunnels.find((tunnel) => tunnel.provider === provider && tunnel.managed);
        if (shown?.status !== 'online') {
          set({ tunnels: [...get().tunnels.filter((tunnel) => tunnel !== shown), started] });
        }
      } catch (error) {
        if (cancelled === provider) return;
        set({ tunnelProblem: { provider, message: describeError(error), install: tunnelInstallHelpOf(error) } });
      } finally {
        cancelled = null;
        set({ tunnelStarting: null });
      }
    },

    stopTunnel: async (provider) => {
      set({ tunnelStopping: provider });
      if (get().tunnelStarting === provider) cancelled = provider;
      try {
        await tunnelsApi.stop(provider);
        await get().loadTunnels();
      } catch (error) {
        get().notifyError(`Could not stop ${provider}`, error);
      } finally {
        set({ tunnelStopping: null });
      }
    },

    dismissTunnelNote: (key) => set({ dismissedTunnelNotes: [...get().dismissedTunnelNotes, key] }),
  };
};

import type { Endpoint } from '../../../shared/api';
import type { EndpointInput } from '../../../shared/contract/endpoints';
import { controlApi } from '../api/control-api';
import { describeError } from '../api/errors';
import type { LoadStatus, SliceCreator } from './types';

export interface EndpointsSlice {
  endpoints: Endpoint[];
  endpointsStatus: LoadStatus;
  endpointsError: string | null;
  /** Which endpoint the settings page is editing: an id, 'new', or nothing. */
  editingEndpointId: string | null;

  loadEndpoints: () => Promise<void>;
  editEndpoint: (id: string | null) => void;
  /** Creates (id null) or updates an endpoint. Throws ApiRequestError so the form can show it inline. */
  saveEndpoint: (id: string | null, input: EndpointInput) => Promise<Endpoint>;
  /** Throws on failure, for the same reason. */
  deleteEndpoint: (id: string) => Promise<void>;
}

function upsert(endpoints: Endpoint[], endpoint: Endpoint): Endpoint[] {
  const exists = endpoints.some((item) => item.id === endpoint.id);
  return exists ? endpoints.map((item) => (item.id === endpoint.id ? endpoint : item)) : [...endpoints, endpoint];
}

export const createEndpointsSlice: SliceCreator<EndpointsSlice> = (set, get) => {
  // Loads overlap (start-up, endpoints-changed, a reconnect) and answer on separate connections:
  // only the latest load's answer is applied, or an older list could come back for good.
  let loads = 0;
  // A load that was asked before a save or delete may answer without it; while one is in flight,
  // a change reloads so that the newest answer, which has it, is the one applied.
  let inFlight = 0;
  const reloadIfStale = () => {
    if (inFlight > 0) void get().loadEndpoints();
  };
  return {
    endpoints: [],
    endpointsStatus: 'idle',
    endpointsError: null,
    editingEndpointId: null,

    loadEndpoints: async () => {
      const mine = ++loads;
      inFlight += 1;
      if (get().endpointsStatus !== 'loaded') set({ endpointsStatus: 'loading' });
      try {
        const endpoints = await controlApi.listEndpoints();
        if (mine === loads) set({ endpoints, endpointsStatus: 'loaded', endpointsError: null });
      } catch (error) {
        if (mine === loads)
          set({ endpointsStatus: get().endpointsStatus === 'loaded' ? 'loaded' : 'error', endpointsError: describeError(error) });
      } finally {
        inFlight -= 1;
      }
    },

    editEndpoint: (editingEndpointId) => set({ editingEndpointId }),

    saveEndpoint: async (id, input) => {
      const { path } = input;
      let saved: Endpoint;
      if (id !== null) saved = await controlApi.updateEndpoint(id, input);
      else if (path === undefined) throw new Error('A new endpoint needs a path prefix, e.g. /webhooks/stripe.');
      else saved = await controlApi.createEndpoint({ ...input, path });
      set({ endpoints: upsert(get().endpoints, saved), editingEndpointId: saved.id });
      reloadIfStale();
      return saved;
    },

    deleteEndpoint: async (id) => {
      await controlApi.deleteEndpoint(id);
      set({
        endpoints: get().endpoints.filter((endpoint) => endpoint.id !== id),
        editingEndpointId: get().editingEndpointId === id ? null : get().editingEndpointId,
      });
      reloadIfStale();
    },
  };
};

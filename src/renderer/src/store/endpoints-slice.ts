import type { Endpoint, EndpointInput } from '../../../shared/api';
import { controlApi } from '../api/control-api';
import { describeError } from '../api/errors';
import type { LoadStatus, SliceCreator } from './types';

export interface SchemeOption {
  id: string;
  label: string;
  /** From the scheme's descriptor; unknown (undefined) when the engine lists plain ids. */
  uses_timestamp?: boolean;
  tolerance_direction?: 'both' | 'past_only' | null;
}

/** Used when the engine does not (yet) list its schemes. */
const FALLBACK_SCHEMES: SchemeOption[] = [{ id: 'dcisionai', label: 'DcisionAI' }];

export interface EndpointsSlice {
  endpoints: Endpoint[];
  endpointsStatus: LoadStatus;
  endpointsError: string | null;
  schemes: SchemeOption[];
  /** Which endpoint the settings page is editing: an id, 'new', or nothing. */
  editingEndpointId: string | null;

  loadEndpoints: () => Promise<void>;
  loadSchemes: () => Promise<void>;
  editEndpoint: (id: string | null) => void;
  /** Creates (id null) or updates an endpoint. Throws ApiRequestError so the form can show it inline. */
  saveEndpoint: (id: string | null, input: EndpointInput) => Promise<Endpoint>;
  /** Throws on failure, for the same reason. */
  deleteEndpoint: (id: string) => Promise<void>;
}

/** Accepts plain ids or descriptors ({id, label, ...}): the endpoint's shape is not in the contract yet. */
function toSchemeOption(entry: unknown): SchemeOption | null {
  if (typeof entry === 'string') return { id: entry, label: entry };
  if (entry === null || typeof entry !== 'object' || !('id' in entry) || typeof entry.id !== 'string') return null;
  const label = 'label' in entry && typeof entry.label === 'string' ? entry.label : entry.id;
  const option: SchemeOption = { id: entry.id, label };
  if ('uses_timestamp' in entry && typeof entry.uses_timestamp === 'boolean') option.uses_timestamp = entry.uses_timestamp;
  if ('tolerance_direction' in entry) {
    const direction = entry.tolerance_direction;
    option.tolerance_direction = direction === 'both' || direction === 'past_only' ? direction : null;
  }
  return option;
}

function upsert(endpoints: Endpoint[], endpoint: Endpoint): Endpoint[] {
  const exists = endpoints.some((item) => item.id === endpoint.id);
  return exists ? endpoints.map((item) => (item.id === endpoint.id ? endpoint : item)) : [...endpoints, endpoint];
}

export const createEndpointsSlice: SliceCreator<EndpointsSlice> = (set, get) => ({
  endpoints: [],
  endpointsStatus: 'idle',
  endpointsError: null,
  schemes: FALLBACK_SCHEMES,
  editingEndpointId: null,

  loadEndpoints: async () => {
    if (get().endpointsStatus !== 'loaded') set({ endpointsStatus: 'loading' });
    try {
      const endpoints = await controlApi.listEndpoints();
      set({ endpoints, endpointsStatus: 'loaded', endpointsError: null });
    } catch (error) {
      set({ endpointsStatus: get().endpointsStatus === 'loaded' ? 'loaded' : 'error', endpointsError: describeError(error) });
    }
  },

  loadSchemes: async () => {
    try {
      const options = (await controlApi.listSchemes()).map(toSchemeOption).filter((option) => option !== null);
      if (options.length > 0) set({ schemes: options });
    } catch {
      // GET /api/schemes is optional; the fallback list stays.
    }
  },

  editEndpoint: (editingEndpointId) => set({ editingEndpointId }),

  saveEndpoint: async (id, input) => {
    const saved = id === null ? await controlApi.createEndpoint(input) : await controlApi.updateEndpoint(id, input);
    set({ endpoints: upsert(get().endpoints, saved), editingEndpointId: saved.id });
    return saved;
  },

  deleteEndpoint: async (id) => {
    await controlApi.deleteEndpoint(id);
    set({
      endpoints: get().endpoints.filter((endpoint) => endpoint.id !== id),
      editingEndpointId: get().editingEndpointId === id ? null : get().editingEndpointId,
    });
  },
});

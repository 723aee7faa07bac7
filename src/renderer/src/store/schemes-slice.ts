import type { SchemeDescriptor } from '../../../shared/api';
import { describeError } from '../api/errors';
import { signaturesApi } from '../api/signatures-api';
import type { LoadStatus, SliceCreator } from './types';

export interface SchemesSlice {
  /**
   * Every built-in scheme of GET /api/schemes, loaded once: the endpoint form, the Lab, Compose,
   * replay and the search suggestions all read this one list. An engine's schemes never change
   * while it runs, so nothing reloads it unless the first load failed.
   */
  schemes: SchemeDescriptor[];
  schemesStatus: LoadStatus;
  schemesError: string | null;
  /** Loads the list unless it is loaded or loading; after a failure, tries again. */
  loadSchemes: () => Promise<void>;
}

export const createSchemesSlice: SliceCreator<SchemesSlice> = (set, get) => ({
  schemes: [],
  schemesStatus: 'idle',
  schemesError: null,

  loadSchemes: async () => {
    const status = get().schemesStatus;
    if (status === 'loading' || status === 'loaded') return;
    set({ schemesStatus: 'loading' });
    try {
      set({ schemes: await signaturesApi.listSchemes(), schemesStatus: 'loaded', schemesError: null });
    } catch (error) {
      set({ schemesStatus: 'error', schemesError: describeError(error) });
      get().notifyError('Could not load the signature schemes', error);
    }
  },
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import { ApiRequestError } from '../../../src/renderer/src/api/errors';
import { signaturesApi } from '../../../src/renderer/src/api/signatures-api';
import { createSchemesSlice } from '../../../src/renderer/src/store/schemes-slice';
import type { StoreState } from '../../../src/renderer/src/store/types';

// The HTTP layer needs a browser page and a token; what is tested here is when the slice asks.
vi.mock('../../../src/renderer/src/api/signatures-api', () => ({ signaturesApi: { listSchemes: vi.fn() } }));
const request = vi.mocked(signaturesApi.listSchemes);
const DESCRIPTORS = listSchemes().map((scheme) => scheme.descriptor);

function makeStore() {
  const notifyError = vi.fn();
  const store = create<StoreState>()((...args) => ({ ...createSchemesSlice(...args), notifyError }) as unknown as StoreState);
  return { store, notifyError };
}

describe('the schemes slice: GET /api/schemes once, for every form', () => {
  beforeEach(() => request.mockReset());

  it('asks once however many views load it, also while the first request is under way', async () => {
    const { store } = makeStore();
    request.mockResolvedValue(DESCRIPTORS);
    await Promise.all([store.getState().loadSchemes(), store.getState().loadSchemes()]);
    await store.getState().loadSchemes();
    expect(request).toHaveBeenCalledTimes(1);
    expect(store.getState().schemesStatus).toBe('loaded');
    expect(store.getState().schemes.map((scheme) => scheme.id)).toEqual(DESCRIPTORS.map((scheme) => scheme.id));
  });

  it('reports a failure, keeps no stale list, and tries again when asked', async () => {
    const { store, notifyError } = makeStore();
    request.mockRejectedValueOnce(new ApiRequestError(503, 'unavailable', 'The engine is starting.'));
    await store.getState().loadSchemes();
    expect(store.getState().schemesStatus).toBe('error');
    expect(store.getState().schemesError).toContain('starting');
    expect(store.getState().schemes).toEqual([]);
    expect(notifyError).toHaveBeenCalledWith('Could not load the signature schemes', expect.any(ApiRequestError));

    request.mockResolvedValueOnce(DESCRIPTORS);
    await store.getState().loadSchemes();
    expect(request).toHaveBeenCalledTimes(2);
    expect(store.getState()).toMatchObject({ schemesStatus: 'loaded', schemesError: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Endpoint } from '../../../../src/shared/api';
import { ApiRequestError } from '../../../../src/renderer/src/api/errors';
import { startRendererHarness, type RendererHarness } from '../../../helpers/renderer-store';

// The endpoint list and its form (endpoints-slice) against a real engine.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());

const LIST = /^\/api\/endpoints$/;
const engineEndpoints = async () => (await h.t.api<{ data: Endpoint[] }>('GET', '/endpoints')).body.data;
/** The same endpoints, whatever the order (the engine sorts by path, the form appends). */
const byId = (list: Endpoint[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
const paths = (list: Endpoint[]) => list.map((endpoint) => endpoint.path).sort();

describe('the endpoint list', () => {
  it('goes idle → loading → loaded with the engine’s endpoints', async () => {
    const store = h.newStore();
    expect(store.getState().endpointsStatus).toBe('idle');
    const loading = store.getState().loadEndpoints();
    expect(store.getState().endpointsStatus).toBe('loading');
    await loading;
    expect(store.getState()).toMatchObject({ endpointsStatus: 'loaded', endpointsError: null });
    expect(store.getState().endpoints).toEqual(await engineEndpoints());
  });

  it('a first load that fails is an error; a reload that fails keeps the list and says why', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadEndpoints();
    expect(store.getState()).toMatchObject({ endpointsStatus: 'error', endpointsError: 'Engine unreachable' });
    h.setUnreachable(false);
    await store.getState().loadEndpoints();
    const loaded = store.getState().endpoints;
    expect(store.getState()).toMatchObject({ endpointsStatus: 'loaded', endpointsError: null });
    h.setUnreachable(true);
    const reloading = store.getState().loadEndpoints();
    expect(store.getState().endpointsStatus).toBe('loaded'); // no flash of “loading” over a shown list
    await reloading;
    h.setUnreachable(false);
    expect(store.getState()).toMatchObject({ endpointsStatus: 'loaded', endpointsError: 'Engine unreachable', endpoints: loaded });
  });

  it('an older list answered after a newer one does not replace it (endpoints-changed while loading)', async () => {
    const store = h.newStore();
    const older = h.hold('GET', LIST);
    const first = store.getState().loadEndpoints();
    await older.arrived;
    const created = await h.t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/race' });
    expect(created.status).toBe(201);
    await store.getState().loadEndpoints(); // what the live `endpoints-changed` triggers
    older.release();
    await first;
    expect(paths(store.getState().endpoints)).toEqual(paths(await engineEndpoints()));
    expect(paths(store.getState().endpoints)).toContain('/race');
  });
});

describe('the endpoint form', () => {
  it('creates, edits and deletes through the engine; the list follows without a reload', async () => {
    const store = h.newStore();
    await store.getState().loadEndpoints();
    const saved = await store.getState().saveEndpoint(null, { path: '/webhooks/form' });
    expect(store.getState().editingEndpointId).toBe(saved.id);
    expect(store.getState().endpoints).toContainEqual(saved);
    const renamed = await store.getState().saveEndpoint(saved.id, { name: 'Renamed' });
    expect(renamed.name).toBe('Renamed');
    expect(store.getState().endpoints.filter((endpoint) => endpoint.id === saved.id)).toEqual([renamed]);
    expect(byId(store.getState().endpoints)).toEqual(byId(await engineEndpoints()));
    await store.getState().deleteEndpoint(saved.id);
    expect(store.getState()).toMatchObject({ editingEndpointId: null });
    expect(byId(store.getState().endpoints)).toEqual(byId(await engineEndpoints()));
  });

  it('the engine’s refusal reaches the form as ApiRequestError with its message; the list is unchanged', async () => {
    const store = h.newStore();
    await store.getState().loadEndpoints();
    const before = store.getState().endpoints;
    const refused = await h.t.api<ApiError>('POST', '/endpoints', { path: '/refused', scheme: 'nope' });
    expect(refused.status).toBe(400);
    const error = await store
      .getState()
      .saveEndpoint(null, { path: '/refused', scheme: 'nope' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toBe(refused.body.error.message);
    expect(store.getState().endpoints).toBe(before);
    await expect(store.getState().saveEndpoint(null, {})).rejects.toThrow(/needs a path prefix/);
    await expect(store.getState().deleteEndpoint('no-such-endpoint')).rejects.toBeInstanceOf(ApiRequestError);
  });

  it('a save or delete while an older list load is in flight survives that load’s answer', async () => {
    const store = h.newStore();
    await store.getState().loadEndpoints();
    const older = h.hold('GET', LIST);
    const load = store.getState().loadEndpoints();
    await older.arrived;
    const saved = await store.getState().saveEndpoint(null, { path: '/webhooks/saved-during-load' });
    older.release();
    await load;
    await expect.poll(() => store.getState().endpoints.some((endpoint) => endpoint.id === saved.id)).toBe(true);
    expect(store.getState().editingEndpointId).toBe(saved.id);

    const again = h.hold('GET', LIST);
    const reload = store.getState().loadEndpoints();
    await again.arrived;
    await store.getState().deleteEndpoint(saved.id);
    again.release();
    await reload;
    await expect.poll(() => byId(store.getState().endpoints)).toEqual(byId(await engineEndpoints()));
    expect(store.getState().endpoints.some((endpoint) => endpoint.id === saved.id)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDescriptor } from '../../../../src/shared/api';
import { startRendererHarness, type RendererHarness } from '../../../helpers/renderer-store';

// The signature scheme list (schemes-slice): loaded once per engine run, again only after a failure.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());

const loadsOfSchemes = () => h.requests.filter((request) => request.url.pathname === '/api/schemes').length;

describe('the scheme list', () => {
  it('loads the engine’s schemes once, however often and concurrently it is asked', async () => {
    const store = h.newStore();
    const before = loadsOfSchemes();
    const first = store.getState().loadSchemes();
    expect(store.getState().schemesStatus).toBe('loading');
    await Promise.all([first, store.getState().loadSchemes()]);
    await store.getState().loadSchemes();
    expect(loadsOfSchemes() - before).toBe(1);
    const schemes = (await h.t.api<{ data: SchemeDescriptor[] }>('GET', '/schemes')).body.data;
    expect(store.getState()).toMatchObject({ schemesStatus: 'loaded', schemesError: null, schemes });
  });

  it('a failed load is an error with a notice; the next call tries again and loads', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadSchemes();
    h.setUnreachable(false);
    expect(store.getState()).toMatchObject({ schemesStatus: 'error', schemesError: 'Engine unreachable', schemes: [] });
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['Could not load the signature schemes: Engine unreachable']);
    await store.getState().loadSchemes();
    expect(store.getState().schemesStatus).toBe('loaded');
    expect(store.getState().schemes.length).toBeGreaterThan(10);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Health } from '../../../../src/shared/api';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// The connection banner and notices (connection-slice): every call reports whether the engine
// answered (the HTTP layer's observer, wired as bootstrap wires it), health fills the receiver URL.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.setUnreachable(false);
  h.setToken(h.t.engine.token);
});

describe('reachability → banner', () => {
  it('connecting until the first answer, then online; unreachable when the engine is gone; online again when it answers', async () => {
    const store = h.newStore();
    expect(store.getState().connectionStatus).toBe('connecting');
    await store.getState().loadHealth();
    expect(store.getState().connectionStatus).toBe('online');
    h.setUnreachable(true);
    await store.getState().loadEndpoints();
    expect(store.getState().connectionStatus).toBe('unreachable');
    h.setUnreachable(false);
    await store.getState().loadEndpoints();
    expect(store.getState().connectionStatus).toBe('online');
  });

  it('a token the engine refuses is “unauthorized”, not “unreachable”', async () => {
    const store = h.newStore();
    h.setToken('not-the-token');
    await store.getState().loadHealth();
    expect(store.getState().connectionStatus).toBe('unauthorized');
    expect(store.getState().health).toBeNull();
  });

  it('an engine error answer (4xx) still means online', async () => {
    const store = h.newStore();
    store.getState().selectCapture(987654);
    await until(store, (state) => expect(state.detailStatus).toBe('gone'));
    expect(store.getState().connectionStatus).toBe('online');
  });
});

describe('health', () => {
  it('fills health, the receiver URL and the storage problem from the engine', async () => {
    const store = h.newStore();
    await store.getState().loadHealth();
    const health = (await h.t.api<{ data: Health }>('GET', '/health')).body.data;
    expect(store.getState()).toMatchObject({ receiverUrl: h.t.engine.receiverUrl, storageProblem: null });
    expect(store.getState().health).toMatchObject({ receiver_url: health.receiver_url, version: health.version });
  });

  it('a health check that fails keeps what the last one said', async () => {
    const store = h.newStore();
    await store.getState().loadHealth();
    const before = store.getState().health;
    h.setUnreachable(true);
    await store.getState().loadHealth();
    expect(store.getState().health).toBe(before);
    expect(store.getState().receiverUrl).toBe(h.t.engine.receiverUrl);
  });

  it('a health answer built before a live storage push does not bring the older storage state back', async () => {
    const store = h.newStore();
    const slow = h.hold('GET', /^\/api\/health$/);
    const loading = store.getState().loadHealth();
    await slow.arrived; // the engine's answer: storage is fine
    // Then the live stream says writes fail (its shape; making a real disk full is storage-health.test.ts's job).
    const problem = { reason: 'disk_full' as const, message: 'database or disk is full', since: new Date().toISOString() };
    store.getState().setStorageProblem(problem);
    slow.release();
    await loading;
    expect(store.getState().health).not.toBeNull();
    expect(store.getState().storageProblem).toEqual(problem);
  });
});

describe('notices', () => {
  it('keeps the newest four plain notices but never drops one with an action (Undo)', () => {
    const store = h.newStore();
    const undo = store.getState().notify('info', 'Capture #1 deleted', { label: 'Undo', run: () => {} });
    for (let i = 1; i <= 6; i += 1) store.getState().notify('error', `problem ${i}`);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual([
      'Capture #1 deleted',
      'problem 3',
      'problem 4',
      'problem 5',
      'problem 6',
    ]);
    store.getState().dismissNotice(undo);
    expect(store.getState().notices).toHaveLength(4);
  });

  it('an error notice carries the engine’s own message', async () => {
    const store = h.newStore();
    await store.getState().deleteCapture(424242);
    const answer = await h.t.api<{ error: { message: string } }>('DELETE', '/requests/424242');
    expect(answer.status).toBe(404);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual([
      `Could not delete capture #424242: ${answer.body.error.message}`,
    ]);
  });
});

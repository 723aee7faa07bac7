import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, Tunnel } from '../../../../src/shared/api';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';
import { fakeBin, NO_AGENTS, type FakeBin } from '../../tunnels/fake-tunnels';

// Tunnels (tunnels-slice) against a real engine running the fake cloudflared of the tunnel tests
// (a real process that proxies to the receiver); ngrok is absent from PATH.

let h: RendererHarness;
let bin: FakeBin;
beforeAll(async () => {
  bin = fakeBin(['cloudflared']);
  h = await startRendererHarness({
    tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, pollMs: 200, selfCheckMs: 200, startTimeoutMs: 3_000 },
  });
});
afterAll(async () => {
  await h.close();
  bin.remove();
});
beforeEach(async () => {
  bin.setMode({});
  await h.t.api('DELETE', '/tunnels/cloudflared');
});

const engineTunnels = async () => (await h.t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;
const online = (list: Tunnel[]) => list.filter((tunnel) => tunnel.provider === 'cloudflared' && tunnel.status === 'online');

describe('tunnels', () => {
  it('starts a quick tunnel (starting → online with its URL) and stops it', async () => {
    const store = h.newStore();
    await store.getState().loadTunnels();
    expect(online(store.getState().tunnels)).toEqual([]);
    const starting = store.getState().startTunnel('cloudflared');
    expect(store.getState()).toMatchObject({ tunnelStarting: 'cloudflared', tunnelProblem: null });
    await starting;
    expect(store.getState().tunnelStarting).toBeNull();
    expect(online(store.getState().tunnels)).toMatchObject([{ managed: true, public_url: expect.stringMatching(/^http/) }]);
    const stopping = store.getState().stopTunnel('cloudflared');
    expect(store.getState().tunnelStopping).toBe('cloudflared');
    await stopping;
    expect(store.getState().tunnelStopping).toBeNull();
    expect(online(store.getState().tunnels)).toEqual([]);
    expect(store.getState().tunnels).toEqual(await engineTunnels());
  });

  it('a missing binary is a problem carrying the engine’s message and how to install it', async () => {
    const store = h.newStore();
    const refused = await h.t.api<ApiError>('POST', '/tunnels', { provider: 'ngrok' });
    expect(refused.status).toBe(424);
    await store.getState().startTunnel('ngrok');
    expect(store.getState().tunnelProblem).toEqual({
      provider: 'ngrok',
      message: refused.body.error.message,
      install: refused.body.error.install,
    });
    expect(store.getState().tunnelProblem?.install).toMatchObject({ provider: 'ngrok' });
  });

  it('a start the user stopped is no problem to report', async () => {
    bin.setMode({ silent: true }); // never prints a URL: the start waits
    const store = h.newStore();
    const starting = store.getState().startTunnel('cloudflared');
    await until(store, () =>
      expect(h.requests.some((request) => request.method === 'POST' && request.url.pathname === '/api/tunnels')).toBe(true),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.getState().stopTunnel('cloudflared');
    await starting;
    expect(store.getState()).toMatchObject({ tunnelProblem: null, tunnelStarting: null, notices: [] });
  });

  it('a list answered after a newer live list does not bring the older state back', async () => {
    const store = h.newStore();
    const slow = h.hold('GET', /^\/api\/tunnels$/);
    const loading = store.getState().loadTunnels();
    await slow.arrived; // the engine's answer: no tunnel online
    expect((await h.t.api('POST', '/tunnels', { provider: 'cloudflared' })).status).toBe(201);
    const live = await engineTunnels(); // what `tunnels-changed` carries
    store.getState().setTunnels(live);
    slow.release();
    await loading;
    expect(online(store.getState().tunnels)).toHaveLength(1);
    expect(store.getState().tunnels).toEqual(live);
  });

  it('an unreachable engine leaves the list as it was (the banner reports it)', async () => {
    const store = h.newStore();
    await store.getState().loadTunnels();
    const before = store.getState().tunnels;
    h.setUnreachable(true);
    await store.getState().loadTunnels();
    h.setUnreachable(false);
    expect(store.getState().tunnels).toBe(before);
    expect(store.getState().connectionStatus).toBe('unreachable');
  });
});

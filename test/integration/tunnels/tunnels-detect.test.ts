import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, Tunnel } from '../../../src/shared/api';
import { isLoopbackHost, targetsPort } from '../../../src/main/engine/tunnels/loopback';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { fakeBin, jsonServer as startJsonServer, localOnlyFetch, NO_AGENTS } from './fake-tunnels';

const undo: Array<() => void | Promise<void>> = [];
// No request of these tests leaves the machine: the fake tunnels' public hostnames are real
// domains (*.trycloudflare.com, *.ngrok-free.app), so the global fetch refuses and lists them,
// and an engine whose tunnels lead here is given a fetch of its own that refuses them too.
const realFetch = globalThis.fetch;
let outbound: ReturnType<typeof localOnlyFetch>;
beforeEach(() => {
  outbound = localOnlyFetch();
  globalThis.fetch = outbound.fetch;
});
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
  globalThis.fetch = realFetch;
  expect(outbound.refused, 'requests to hosts outside this machine').toEqual([]);
});

async function jsonServer(answer: (path: string) => unknown): Promise<string> {
  const server = await startJsonServer(answer);
  undo.push(server.close);
  return server.url;
}

const tunnels = async (t: TestEngine) => (await t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;

describe('points_here', () => {
  it('is the receiver port on any loopback spelling, and nothing else', () => {
    for (const target of [
      '4700',
      'localhost:4700',
      '127.0.0.1:4700',
      'http://localhost:4700',
      'https://127.0.0.1:4700',
      'http://[::1]:4700',
      '[::1]:4700',
      '0.0.0.0:4700',
      'http://127.0.0.2:4700/hooks',
    ]) {
      expect(targetsPort(target, 4700), target).toBe(true);
    }
    for (const target of [
      '3000',
      'localhost:3000',
      'http://192.168.1.5:4700',
      'http://example.com:4700',
      'http://localhost',
      'file:///tmp',
      'not a url :(',
    ]) {
      expect(targetsPort(target, 4700), target).toBe(false);
    }
    expect(targetsPort(null, 4700)).toBe(false);
    // A receiver bound to one address (HOOKSCOPE_RECEIVER_HOST) is reached there too.
    expect(targetsPort('http://192.168.1.5:4700', 4700, '192.168.1.5')).toBe(true);
    expect(targetsPort('http://192.168.1.6:4700', 4700, '192.168.1.5')).toBe(false);
    expect(targetsPort('localhost:4700', 4700, '0.0.0.0')).toBe(true);
    expect(isLoopbackHost('LOCALHOST:4700')).toBe(true);
    expect(isLoopbackHost('abc.trycloudflare.com')).toBe(false);
  });
});

describe('detecting tunnels that already run', () => {
  it('lists ngrok agent tunnels (documented /api/tunnels JSON) with points_here, and never stops them', async () => {
    let receiverPort = 0;
    const ngrokApi = await jsonServer((path) =>
      path === '/api/tunnels'
        ? {
            tunnels: [
              {
                name: 'hooks',
                ID: 'a',
                uri: '/api/tunnels/hooks',
                public_url: 'https://hooks-1.ngrok-free.app',
                proto: 'https',
                config: { addr: `http://localhost:${receiverPort}`, inspect: true },
                metrics: {},
              },
              {
                name: 'app',
                ID: 'b',
                uri: '/api/tunnels/app',
                public_url: 'https://app-2.ngrok-free.app',
                proto: 'https',
                config: { addr: 'http://localhost:3000', inspect: true },
                metrics: {},
              },
              {
                name: 'ssh',
                ID: 'c',
                uri: '/api/tunnels/ssh',
                public_url: 'tcp://0.tcp.ngrok.io:12345',
                proto: 'tcp',
                config: { addr: 'localhost:22' },
                metrics: {},
              },
            ],
            uri: '/api/tunnels',
          }
        : undefined,
    );
    const checks = localOnlyFetch();
    const t = await startTestEngine({
      tunnels: { env: { PATH: '' }, ...NO_AGENTS, ngrokApi, pollMs: 100, selfCheckMs: 60_000, fetch: checks.fetch },
    });
    undo.push(() => t.stop());
    receiverPort = Number(new URL(t.engine.receiverUrl).port);

    const list = await tunnels(t);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      provider: 'ngrok',
      public_url: 'https://hooks-1.ngrok-free.app',
      target_url: `http://localhost:${receiverPort}`,
      status: 'online',
      points_here: true,
      managed: false,
      error: null,
      output: [],
    });
    expect(list[1]).toMatchObject({
      provider: 'ngrok',
      public_url: 'https://app-2.ngrok-free.app',
      target_url: 'http://localhost:3000',
      points_here: false,
      managed: false,
    });
    // A tunnel to another port is not self-checked (it cannot reach this receiver).
    expect(list[1]?.listener).toEqual({ status: 'unchecked', error: null, checked_at: null });

    const stop = await t.api<ApiError>('DELETE', '/tunnels/ngrok');
    expect(stop.status).toBe(409);
    expect(stop.body.error).toMatchObject({ code: 'tunnel_not_managed' });
    expect(stop.body.error.message).toContain('not started by Hookscope');
    expect((await t.api<ApiError>('DELETE', '/tunnels/cloudflared')).status).toBe(404);
    expect((await t.api<ApiError>('DELETE', '/tunnels/frp')).status).toBe(400);
    // Only the tunnel that leads here was self-checked, and the check stayed on this machine.
    expect(checks.refused).toEqual(['https://hooks-1.ngrok-free.app/']);
  });

  it('reads a cloudflared quick tunnel from the metrics server the user named, with an unknown target', async () => {
    const metrics = await jsonServer((path) => (path === '/quicktunnel' ? { hostname: 'words-in-a-row.trycloudflare.com' } : undefined));
    const t = await startTestEngine({ tunnels: { env: { PATH: '' }, ...NO_AGENTS, cloudflaredMetrics: metrics.replace('http://', '') } });
    undo.push(() => t.stop());
    expect(await tunnels(t)).toEqual([
      expect.objectContaining({
        provider: 'cloudflared',
        public_url: 'https://words-in-a-row.trycloudflare.com',
        target_url: null,
        status: 'online',
        managed: false,
        points_here: false,
      }),
    ]);
    // Its target is unknown, so no self-check goes to the host a local port named (afterEach: no request left).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await tunnels(t))[0]?.listener).toEqual({ status: 'unchecked', error: null, checked_at: null });
  });

  it('finds a cloudflared on its default metrics address (127.0.0.1:20241-20245) without being told', async (context) => {
    const server: Server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(request.url === '/quicktunnel' ? { hostname: 'default-port.trycloudflare.com' } : {}));
    });
    let bound: number | null = null;
    for (const port of [20245, 20244, 20243, 20242, 20241]) {
      bound = await new Promise<number | null>((resolve) => {
        server.once('error', () => resolve(null));
        server.listen(port, '127.0.0.1', () => resolve(port));
      });
      if (bound !== null) break;
    }
    if (bound === null) context.skip(); // all five are taken on this machine
    undo.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const t = await startTestEngine({ tunnels: { env: { PATH: '' }, ngrokApi: 'http://127.0.0.1:9' } });
    undo.push(() => t.stop());
    expect((await tunnels(t)).map((tunnel) => tunnel.public_url)).toContain('https://default-port.trycloudflare.com');
  });

  it('reads Tailscale Funnel routes from `tailscale funnel status --json` (public ones only)', async () => {
    const bin = fakeBin([]);
    undo.push(() => bin.remove());
    const checks = localOnlyFetch();
    const t = await startTestEngine({ tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, selfCheckMs: 60_000, fetch: checks.fetch } });
    undo.push(() => t.stop());
    const port = Number(new URL(t.engine.receiverUrl).port);
    bin.tailscale({
      TCP: { '443': { HTTPS: true }, '8443': { HTTPS: true } },
      Web: {
        'box.tail1234.ts.net:443': { Handlers: { '/': { Proxy: `http://127.0.0.1:${port}` } } },
        'box.tail1234.ts.net:8443': { Handlers: { '/admin': { Proxy: 'http://127.0.0.1:9000' } } },
      },
      AllowFunnel: { 'box.tail1234.ts.net:443': true },
    });
    expect(await tunnels(t)).toEqual([
      expect.objectContaining({
        provider: 'tailscale',
        public_url: 'https://box.tail1234.ts.net',
        target_url: `http://127.0.0.1:${port}`,
        points_here: true,
        managed: false,
      }),
    ]);
    expect((await t.api<ApiError>('DELETE', '/tunnels/tailscale')).body.error.message).toContain('tailscale funnel reset');
    expect(checks.refused).toEqual(['https://box.tail1234.ts.net/']);
  });

  it('takes the agent addresses from HOOKSCOPE_NGROK_API / HOOKSCOPE_CLOUDFLARED_METRICS, and refuses a malformed one by name', async () => {
    const ngrokApi = await jsonServer((path) =>
      path === '/api/tunnels'
        ? {
            tunnels: [{ name: 'x', public_url: 'https://x.ngrok.app', proto: 'https', config: { addr: 'localhost:3000' } }],
            uri: '/api/tunnels',
          }
        : undefined,
    );
    const metrics = await jsonServer((path) => (path === '/quicktunnel' ? { hostname: 'env-words.trycloudflare.com' } : undefined));
    const t = await startTestEngine({
      tunnels: { env: { PATH: '', HOOKSCOPE_NGROK_API: ngrokApi, HOOKSCOPE_CLOUDFLARED_METRICS: metrics } },
    });
    undo.push(() => t.stop());
    expect((await tunnels(t)).map((tunnel) => tunnel.public_url).sort()).toEqual([
      'https://env-words.trycloudflare.com',
      'https://x.ngrok.app',
    ]);
    await expect(startTestEngine({ tunnels: { env: { PATH: '', HOOKSCOPE_NGROK_API: 'ws://nope' } } })).rejects.toThrow(
      /HOOKSCOPE_NGROK_API must be an http URL/,
    );
  });

  it('finds nothing when no agent runs', async () => {
    const t = await startTestEngine({ tunnels: { env: { PATH: '' }, ...NO_AGENTS } });
    undo.push(() => t.stop());
    expect(await t.api('GET', '/tunnels')).toEqual({ status: 200, body: { data: [] } });
  });
});

describe('polling', () => {
  it('runs while a live stream is connected or the API was asked recently, and stops otherwise', async () => {
    let asked = 0;
    const ngrokApi = await jsonServer((path) => {
      if (path === '/api/tunnels') asked += 1;
      return { tunnels: [], uri: '/api/tunnels' };
    });
    const t = await startTestEngine({ tunnels: { env: { PATH: '' }, ...NO_AGENTS, ngrokApi, pollMs: 50, idleMs: 800 } });
    undo.push(() => t.stop());
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(300);
    expect(asked).toBe(0); // nobody watched yet

    await t.api('GET', '/tunnels');
    await sleep(500);
    expect(asked).toBeGreaterThan(2); // polling after an API call
    await sleep(800);
    const settled = asked;
    await sleep(400);
    expect(asked).toBe(settled); // stopped once the API went quiet

    const controller = new AbortController();
    const stream = await fetch(`${t.engine.uiUrl}/api/stream`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    await sleep(1500);
    expect(asked).toBeGreaterThan(settled + 5); // a live stream keeps it going past the idle time
    controller.abort();
    await sleep(200);
    const afterStream = asked;
    await sleep(400);
    expect(asked).toBeLessThanOrEqual(afterStream + 1);
  });
});

describe("reading a tunnel binary's output", () => {
  it("takes cloudflared's URL from its box only, and ngrok's API address and URL from its log", async () => {
    const { OutputReader } = await import('../../../src/main/engine/tunnels/url-from-output');
    const failed = new OutputReader();
    failed.read('2026-01-01T00:00:00Z INF Requesting new quick Tunnel on trycloudflare.com...');
    failed.read(
      '2026-01-01T00:00:01Z ERR failed to request quick Tunnel: Post "https://api.trycloudflare.com/tunnel": dial tcp: lookup api.trycloudflare.com: no such host',
    );
    expect(failed.publicUrl).toBeNull();

    const cloudflared = new OutputReader();
    for (const line of [
      'INF +--------------------------------------------------------------------------------------------+',
      'INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |',
      'INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                                      |',
      'INF +--------------------------------------------------------------------------------------------+',
    ])
      cloudflared.read(`2026-01-01T00:00:02Z ${line}`);
    expect(cloudflared.publicUrl).toBe('https://seasonal-deck-organisms-sf.trycloudflare.com');

    const ngrok = new OutputReader();
    ngrok.read('t=2026-01-01T00:00:00+0000 lvl=info msg="starting web service" obj=web addr=127.0.0.1:4041 allow_hosts=[]');
    ngrok.read(
      't=2026-01-01T00:00:01+0000 lvl=info msg="started tunnel" obj=tunnels name=command_line addr=http://localhost:4700 url=https://1a2b-203-0-113-7.ngrok-free.app',
    );
    expect(ngrok).toMatchObject({ apiAddress: '127.0.0.1:4041', publicUrl: 'https://1a2b-203-0-113-7.ngrok-free.app' });
  });
});

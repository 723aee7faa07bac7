import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, Tunnel } from '../../../src/shared/api';
import { ApiError as EngineApiError } from '../../../src/main/engine/control/errors';
import { LiveHub } from '../../../src/main/engine/live-hub';
import { SelfCheckMark } from '../../../src/main/engine/tunnels/self-check-mark';
import { TunnelService } from '../../../src/main/engine/tunnels/tunnel-service';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';
import { fakeBin, jsonServer, localOnlyFetch, NO_AGENTS, type FakeBin } from './fake-tunnels';

const undo: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withBin(): FakeBin {
  const bin = fakeBin();
  undo.push(() => bin.remove());
  return bin;
}

const tunnels = async (t: TestEngine) => (await t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("a managed ngrok next to the user's own", () => {
  it('reports the URL of the ngrok it started, not the one of an agent already serving a tunnel to the same port', async () => {
    const bin = withBin();
    let receiverPort = 0;
    // The user's `ngrok http <port>`, already running on the agent API Hookscope watches.
    const userAgent = await jsonServer((path) =>
      path === '/api/tunnels'
        ? {
            tunnels: [
              {
                name: 'users',
                public_url: 'https://users-own.ngrok-free.app',
                proto: 'https',
                config: { addr: `http://localhost:${receiverPort}` },
              },
            ],
            uri: '/api/tunnels',
          }
        : undefined,
    );
    undo.push(userAgent.close);
    const checks = localOnlyFetch();
    const t = await startTestEngine({
      tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, ngrokApi: userAgent.url, pollMs: 100, selfCheckMs: 60_000, fetch: checks.fetch },
    });
    undo.push(() => t.stop());
    receiverPort = Number(new URL(t.engine.receiverUrl).port);
    expect((await tunnels(t)).map((tunnel) => tunnel.public_url)).toEqual(['https://users-own.ngrok-free.app']);

    const started = await t.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'ngrok' });
    expect(started.status).toBe(201);
    // The fake's public side is a local server; the user's URL is not it.
    expect(started.body.data).toMatchObject({ provider: 'ngrok', managed: true, status: 'online' });
    expect(started.body.data.public_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const list = await tunnels(t);
    expect(list.map((tunnel) => [tunnel.public_url, tunnel.managed])).toEqual([
      [started.body.data.public_url, true],
      ['https://users-own.ngrok-free.app', false],
    ]);
    // DELETE stops ours; the user's stays listed.
    expect((await t.api('DELETE', '/tunnels/ngrok')).status).toBe(200);
    expect((await tunnels(t)).map((tunnel) => [tunnel.public_url, tunnel.managed])).toEqual([['https://users-own.ngrok-free.app', false]]);
  });
});

describe('stopping a tunnel that is still starting', () => {
  it('DELETE cancels the start: the DELETE answers the tunnel, the pending POST 409 tunnel_stopped, and the process is gone', async () => {
    const bin = withBin();
    bin.setMode({ silent: true }); // cloudflared that never prints a URL
    const t = await startTestEngine({ tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, pollMs: 100, startTimeoutMs: 20_000 } });
    undo.push(() => t.stop());
    const pending = t.api<ApiError>('POST', '/tunnels', { provider: 'cloudflared' });
    await until(() => existsSync(join(bin.dir, 'cloudflared.argv.json')), 'cloudflared to start');
    expect((await tunnels(t))[0]).toMatchObject({ provider: 'cloudflared', status: 'starting', managed: true });

    const stopped = await t.api<{ data: Tunnel }>('DELETE', '/tunnels/cloudflared');
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ provider: 'cloudflared', status: 'offline', managed: true, error: null });
    const answer = await pending;
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('tunnel_stopped');
    expect(answer.body.error.message).toContain('stopped before it was ready');
    expect(await tunnels(t)).toEqual([]);
    const metrics = bin.argv('cloudflared')[4] as string;
    await expect(fetch(`http://${metrics}/quicktunnel`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });

  it('a stop or engine.close() during a start: nothing is spawned after it, and a spawned one is stopped', async () => {
    const bin = withBin();
    const service = () => {
      const tunnels = new TunnelService({
        live: new LiveHub(),
        dataDir: makeDataDir(),
        receiver: () => ({ host: '127.0.0.1', port: 9 }),
        mark: new SelfCheckMark(),
        options: { env: { PATH: bin.path }, ...NO_AGENTS, startTimeoutMs: 20_000 },
      });
      undo.push(() => tunnels.close());
      return tunnels;
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof EngineApiError ? [error.statusCode, error.code] : error),
      );

    // Stopped while cloudflared's metrics port is being chosen (before the spawn): no 404, nothing spawned.
    const stoppedEarly = service();
    const cancelled = refusal(stoppedEarly.start('cloudflared'));
    expect(await stoppedEarly.stop('cloudflared')).toMatchObject({ provider: 'cloudflared', status: 'offline', managed: true });
    expect(await cancelled).toEqual([409, 'tunnel_stopped']);

    // Closed at that moment.
    const early = service();
    const first = refusal(early.start('cloudflared'));
    await early.close();
    expect(await first).toEqual([503, 'shutting_down']);
    await sleep(500);
    expect(existsSync(join(bin.dir, 'cloudflared.argv.json')), 'cloudflared spawned after close').toBe(false);

    // Closed after the spawn, before the URL: the process is stopped, the start refused the same way.
    bin.setMode({ silent: true });
    const late = service();
    const second = refusal(late.start('cloudflared'));
    await until(() => existsSync(join(bin.dir, 'cloudflared.argv.json')), 'cloudflared to start');
    await late.close();
    expect(await second).toEqual([503, 'shutting_down']);
    const metrics = bin.argv('cloudflared')[4] as string;
    await expect(fetch(`http://${metrics}/quicktunnel`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });
});

describe('a receiver bound to one address', () => {
  it('is the target of a managed tunnel (not 127.0.0.1), which then reaches it', async (context) => {
    const bin = withBin();
    let t: TestEngine;
    try {
      t = await startTestEngine({
        receiverHost: '127.0.0.2',
        tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, pollMs: 100, selfCheckMs: 200 },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') return context.skip(); // only Linux routes all of 127/8
      throw error;
    }
    undo.push(() => t.stop());
    const port = Number(new URL(t.engine.receiverUrl).port);
    const started = await t.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(started.status).toBe(201);
    expect(bin.argv('cloudflared').slice(0, 3)).toEqual(['tunnel', '--url', `http://127.0.0.2:${port}`]);
    expect(started.body.data).toMatchObject({ target_url: `http://127.0.0.2:${port}`, points_here: true });
    await until(async () => (await tunnels(t))[0]?.listener.status === 'ok', 'the self-check through the tunnel');
  });
});

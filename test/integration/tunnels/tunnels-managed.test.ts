import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, LiveEvent, RequestPage, Tunnel } from '../../../src/shared/api';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';
import { collectLiveEvents } from '../../helpers/live-stream';
import { eventually, fakeBin, NO_AGENTS, type FakeBin } from './fake-tunnels';

const undo: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

/** An engine whose tunnels see only the fakes: PATH holds them, the ngrok agent API is a closed port. */
async function engineWithFakes(
  bin: FakeBin,
  options: { dataDir?: string; keepData?: boolean; startTimeoutMs?: number } = {},
): Promise<TestEngine> {
  const t = await startTestEngine({
    dataDir: options.dataDir,
    tunnels: { env: { PATH: bin.path }, ...NO_AGENTS, pollMs: 200, selfCheckMs: 200, startTimeoutMs: options.startTimeoutMs ?? 10_000 },
  });
  undo.push(() => t.stop({ keepData: options.keepData }));
  return t;
}

function withBin(): FakeBin {
  const bin = fakeBin();
  undo.push(() => bin.remove());
  return bin;
}

const tunnels = async (t: TestEngine) => (await t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;

describe('a cloudflared quick tunnel started from the API', () => {
  it('runs `cloudflared tunnel --url … --metrics …`, answers 201 with the public URL, checks the listener, and stops on DELETE', async () => {
    const bin = withBin();
    const t = await engineWithFakes(bin);
    const port = Number(new URL(t.engine.receiverUrl).port);

    const started = await t.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(started.status).toBe(201);
    const argv = bin.argv('cloudflared');
    expect(argv.slice(0, 4)).toEqual(['tunnel', '--url', `http://127.0.0.1:${port}`, '--metrics']);
    expect(argv[4]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(argv).toHaveLength(5);
    expect(started.body.data).toMatchObject({
      provider: 'cloudflared',
      status: 'online',
      managed: true,
      points_here: true,
      error: null,
      target_url: `http://127.0.0.1:${port}`,
    });
    const publicUrl = started.body.data.public_url as string;
    expect(publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.body.data.output.join('\n')).toContain('Your quick Tunnel has been created!');

    // The self-check goes through the public URL, reaches this receiver, and is not captured.
    const [checked] = await eventually(t, (list) => list[0]?.listener.status === 'ok');
    expect(checked?.listener).toMatchObject({ status: 'ok', error: null });
    expect(Date.parse(checked?.listener.checked_at as string)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.api<RequestPage>('GET', '/requests?limit=5')).body.total).toBe(0);

    // A request through the tunnel is captured with the URL the sender called.
    const through = await fetch(`${publicUrl}/hooks/stripe?x=1`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(through.status).toBe(200);
    const page = (await t.api<RequestPage>('GET', '/requests?limit=5')).body;
    expect(page.total).toBe(1);
    expect(page.data[0]?.public_url).toBe('https://fake-words-here.trycloudflare.com/hooks/stripe?x=1');

    const again = await t.api<ApiError>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'tunnel_running' });
    expect(again.body.error.message).toContain(publicUrl);

    const stopped = await t.api<{ data: Tunnel }>('DELETE', '/tunnels/cloudflared');
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ provider: 'cloudflared', status: 'offline', managed: true, error: null });
    expect(await tunnels(t)).toEqual([]);
    // The process is gone: its public side no longer answers.
    await expect(fetch(`${publicUrl}/`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    expect((await t.api<ApiError>('DELETE', '/tunnels/cloudflared')).status).toBe(404);
  });

  it('pushes tunnels-changed on the live stream while it starts and comes online', async () => {
    const bin = withBin();
    const t = await engineWithFakes(bin);
    const events = await collectLiveEvents(
      t.engine,
      (seen) => seen.some((event) => event.type === 'tunnels-changed' && event.data.some((tunnel) => tunnel.status === 'online')),
      async () => {
        expect((await t.api('POST', '/tunnels', { provider: 'cloudflared' })).status).toBe(201);
      },
    );
    const statuses = events.flatMap((event: LiveEvent) =>
      event.type === 'tunnels-changed' ? event.data.map((tunnel) => tunnel.status) : [],
    );
    expect(statuses).toContain('online');
  });

  it('reports a tunnel that exits as offline with its last output lines', async () => {
    const bin = withBin();
    bin.setMode({ exitAfterMs: 500 });
    const t = await engineWithFakes(bin);
    expect((await t.api('POST', '/tunnels', { provider: 'cloudflared' })).status).toBe(201);
    const [gone] = await eventually(t, (list) => list[0]?.status === 'offline');
    expect(gone).toMatchObject({ provider: 'cloudflared', managed: true, status: 'offline' });
    expect(gone?.error).toContain('cloudflared exited (code 3)');
    expect(gone?.error).toContain('ERR lost connection to the edge');
    expect(gone?.output.at(-1)).toContain('ERR lost connection to the edge');
    // An exited tunnel can be started again (no 409), and dismissed with DELETE.
    bin.setMode({});
    expect((await t.api('POST', '/tunnels', { provider: 'cloudflared' })).status).toBe(201);
    expect((await t.api('DELETE', '/tunnels/cloudflared')).status).toBe(200);
  });

  it('answers with what cloudflared printed when it fails to start, or prints no URL in time', async () => {
    const bin = withBin();
    bin.setMode({ fail: true });
    const t = await engineWithFakes(bin, { startTimeoutMs: 1500 });
    const failed = await t.api<ApiError>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(failed.status).toBe(502);
    expect(failed.body.error.code).toBe('tunnel_failed');
    expect(failed.body.error.message).toContain('429 Too Many Requests');
    expect((await tunnels(t))[0]).toMatchObject({ status: 'offline', managed: true });

    bin.setMode({ silent: true });
    const slow = await t.api<ApiError>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(slow.status).toBe(504);
    expect(slow.body.error.code).toBe('tunnel_timeout');
    expect(slow.body.error.message).toMatch(/no public URL within 2 s.*Starting metrics server/s);
  });

  it('is stopped when the engine closes', async () => {
    const bin = withBin();
    const t = await engineWithFakes(bin);
    const publicUrl = (await t.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'cloudflared' })).body.data.public_url as string;
    expect((await fetch(`${publicUrl}/`)).status).toBe(200);
    await t.engine.close();
    await expect(fetch(`${publicUrl}/`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  });

  it('reports the URL a provider had in the last session when the quick tunnel got a new one', async () => {
    const bin = withBin();
    const dataDir = makeDataDir();
    const first = await engineWithFakes(bin, { dataDir, keepData: true });
    const before = (await first.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'cloudflared' })).body.data;
    expect(before.previous_public_url).toBeNull();
    await first.engine.close();

    const second = await engineWithFakes(bin, { dataDir });
    const after = (await second.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'cloudflared' })).body.data;
    expect(after.public_url).not.toBe(before.public_url);
    expect(after.previous_public_url).toBe(before.public_url);
  });
});

describe('an ngrok tunnel started from the API', () => {
  it('runs `ngrok http <port>` and reads the URL from its agent API and log', async () => {
    const bin = withBin();
    const t = await engineWithFakes(bin);
    const port = Number(new URL(t.engine.receiverUrl).port);
    const started = await t.api<{ data: Tunnel }>('POST', '/tunnels', { provider: 'ngrok' });
    expect(started.status).toBe(201);
    expect(bin.argv('ngrok')).toEqual(['http', String(port), '--log', 'stdout', '--log-format', 'logfmt']);
    expect(started.body.data).toMatchObject({ provider: 'ngrok', status: 'online', managed: true, points_here: true });
    await eventually(t, (list) => list.length === 1 && list[0]?.listener.status === 'ok');
    expect((await t.api('DELETE', '/tunnels/ngrok')).status).toBe(200);
  });

  it("answers with ngrok's own error when it cannot start (no authtoken)", async () => {
    const bin = withBin();
    bin.setMode({ fail: true });
    const t = await engineWithFakes(bin);
    const failed = await t.api<ApiError>('POST', '/tunnels', { provider: 'ngrok' });
    expect(failed.status).toBe(502);
    expect(failed.body.error.message).toContain('ERR_NGROK_4018');
  });
});

describe('a missing tunnel binary', () => {
  it('is a 424 tunnel_unavailable with how to install it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'hookscope-empty-path-'));
    const t = await startTestEngine({ tunnels: { env: { PATH: empty }, ...NO_AGENTS } });
    undo.push(() => t.stop());
    for (const provider of ['cloudflared', 'ngrok'] as const) {
      const answer = await t.api<ApiError>('POST', '/tunnels', { provider });
      expect(answer.status).toBe(424);
      expect(answer.body.error.code).toBe('tunnel_unavailable');
      expect(answer.body.error.message).toContain(`No "${provider}" was found on PATH`);
      expect(answer.body.error.install).toMatchObject({
        provider,
        platform: process.platform,
        env_var: provider === 'ngrok' ? 'HOOKSCOPE_NGROK' : 'HOOKSCOPE_CLOUDFLARED',
      });
      expect(answer.body.error.install?.url).toMatch(/^https:\/\//);
    }
    const bad = await startTestEngine({ tunnels: { env: { PATH: empty, HOOKSCOPE_CLOUDFLARED: join(empty, 'nope') }, ...NO_AGENTS } });
    undo.push(() => bad.stop());
    const named = await bad.api<ApiError>('POST', '/tunnels', { provider: 'cloudflared' });
    expect(named.status).toBe(424);
    expect(named.body.error.message).toContain('HOOKSCOPE_CLOUDFLARED names');
    expect((await t.api<ApiError>('POST', '/tunnels', { provider: 'tailscale' })).status).toBe(400);
  });
});

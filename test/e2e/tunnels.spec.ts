import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Endpoint } from '../../src/shared/api';
import { startEngine, type RunningEngine } from './fixtures/engine';
import { test as base, expect, publishScreenshot, saveScreenshot } from './fixtures/test';
import { fakeBin, type FakeBin } from '../integration/tunnels/fake-tunnels';

/**
 * Tunnels in the UI (issue 15), against a real engine that sees only fakes: a fake ngrok agent API
 * on a free port, fake `cloudflared`/`ngrok` executables on its PATH (they really forward, adding
 * X-Forwarded-Host as the real ones do), and no cloudflared metrics server (port 9: discard).
 */

const SHOTS = '/tmp/shots-h6-tunnels-ui';
const NGROK_URL = 'https://7f3a-203-0-113-7.ngrok-free.app';

interface Tunnels {
  bin: FakeBin;
  /** What the fake ngrok agent lists; `{port}` is replaced by the receiver's port. */
  agentTunnels: Array<{ public_url: string; addr: string }>;
}

const test = base.extend<{ tunnels: Tunnels; engine: RunningEngine }>({
  tunnels: async ({}, use) => {
    const bin = fakeBin();
    try {
      await use({ bin, agentTunnels: [] });
    } finally {
      bin.remove();
    }
  },
  engine: async ({ tunnels }, use) => {
    let receiverPort = '0';
    const agent: Server = createServer((request, response) => {
      const list = tunnels.agentTunnels.map((tunnel, index) => ({
        name: `t${index}`,
        ID: String(index),
        uri: `/api/tunnels/t${index}`,
        public_url: tunnel.public_url,
        proto: 'https',
        config: { addr: tunnel.addr.replace('{port}', receiverPort), inspect: true },
        metrics: {},
      }));
      response.writeHead(request.url === '/api/tunnels' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ tunnels: list, uri: '/api/tunnels' }));
    });
    await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
    const engine = await startEngine({
      env: {
        PATH: tunnels.bin.path,
        HOOKSCOPE_NGROK_API: `http://127.0.0.1:${(agent.address() as AddressInfo).port}`,
        HOOKSCOPE_CLOUDFLARED_METRICS: '127.0.0.1:9',
      },
    });
    receiverPort = new URL(engine.receiver_url).port;
    try {
      await use(engine);
    } finally {
      await engine.stop();
      await new Promise((resolve) => agent.close(resolve));
    }
  },
});

/** Saves the page at both sizes in both themes (README-worthy ones also go to test-results). */
async function shoot(app: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['dark', 'light'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expect(app.locator('html')).toHaveAttribute('data-theme', scheme);
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await app.setViewportSize({ width, height });
      await app.screenshot({ path: `${SHOTS}/${name}-${width}x${height}-${scheme}.png` });
    }
  }
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.setViewportSize({ width: 1440, height: 900 });
}

test("a detected tunnel that points here: its public URL in the top bar, copied, and each endpoint's dashboard URL", async ({
  app,
  engine,
  tunnels,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(engine.ui_url).origin });
  const port = new URL(engine.receiver_url).port;
  tunnels.agentTunnels.push(
    { public_url: NGROK_URL, addr: 'http://localhost:{port}' },
    { public_url: 'https://app-2.ngrok-free.app', addr: 'http://localhost:3000' },
  );
  const stripe = (
    await engine.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 'Stripe',
      path: '/webhooks/stripe',
      scheme: 'stripe',
      secret: 'whsec_x',
    })
  ).data;

  // Detection polls every 3 s; the live stream brings the list without a reload.
  // An https URL shows as its host (the top bar is narrow); the title and Copy have all of it.
  await expect(app.getByTestId('topbar-public-url')).toHaveText('7f3a-203-0-113-7.ngrok-free.app', { timeout: 15_000 });
  await expect(app.getByTestId('topbar-public-url')).toHaveAttribute('data-url', NGROK_URL);
  await expect(app.getByTestId('topbar-receiver-url')).toHaveCount(0);
  await app.getByTestId('topbar-public-url-copy').click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(NGROK_URL);

  // No internet here: the self-check through the public URL fails, and the banner says so.
  const unreachable = app.locator('[data-testid="tunnel-banner"][data-kind="unreachable"]');
  await expect(unreachable).toContainText(`Hookscope is unreachable through ngrok's ${NGROK_URL}`, { timeout: 15_000 });
  // The tunnel to :3000 is not a problem while another one reaches Hookscope: no banner for it.
  await expect(app.locator('[data-testid="tunnel-banner"][data-kind="elsewhere"]')).toHaveCount(0);

  await app.getByTestId('nav-endpoints').click();
  await app.locator(`[data-testid="endpoint-item"][data-endpoint-id="${stripe.id}"]`).click();
  await expect(app.getByTestId('endpoint-public-url-value')).toHaveText(`${NGROK_URL}/webhooks/stripe`);
  await app.getByTestId('endpoint-public-url-copy').click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(`${NGROK_URL}/webhooks/stripe`);
  await shoot(app, 'endpoint-dashboard-url');

  // The dialog lists both, the one to :3000 with its warning, and the local receiver URL.
  await app.getByTestId('open-tunnels').click();
  const dialog = app.getByTestId('tunnels-dialog');
  await expect(dialog.getByTestId('tunnel-card')).toHaveCount(2);
  await expect(dialog.getByTestId('tunnels-receiver-url')).toHaveText(engine.receiver_url);
  await expect(dialog.getByTestId('tunnel-elsewhere')).toHaveText(
    `⚠ ngrok forwards to :3000, not to Hookscope's :${port}: webhooks sent to https://app-2.ngrok-free.app do not reach Hookscope.`,
  );
  await expect(dialog.locator('[data-testid="tunnel-listener"]')).toHaveAttribute('data-listener', 'unreachable');
  // Found running, not started here: nothing to stop.
  await expect(dialog.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await shoot(app, 'tunnels-dialog-detected');

  // The tunnel goes away: the top bar is back to the local receiver URL.
  tunnels.agentTunnels.length = 0;
  await dialog.getByTestId('tunnels-dialog-close').click();
  await expect(app.getByTestId('topbar-receiver-url')).toHaveText(engine.receiver_url, { timeout: 15_000 });
  await expect(app.getByTestId('tunnel-banner')).toHaveCount(0);
});

test('a tunnel that forwards to another port is a warning, in the banner and on the Tunnel button', async ({ app, engine, tunnels }) => {
  const port = new URL(engine.receiver_url).port;
  tunnels.agentTunnels.push({ public_url: 'https://app-2.ngrok-free.app', addr: 'http://localhost:3000' });
  const banner = app.locator('[data-testid="tunnel-banner"][data-kind="elsewhere"]');
  await expect(banner).toContainText(`ngrok forwards to :3000, not to Hookscope's :${port}`, { timeout: 15_000 });
  await expect(app.getByTestId('open-tunnels')).toHaveClass(/tunnelButtonWarn/);
  // Senders call the public URL, but it does not lead here: the top bar keeps the local one.
  await expect(app.getByTestId('topbar-receiver-url')).toHaveText(engine.receiver_url);
  await shoot(app, 'tunnel-elsewhere');
  await banner.getByTestId('tunnel-banner-dismiss').click();
  await expect(banner).toHaveCount(0);
});

test('Start cloudflared from the UI shows its URL, captures through it show the URL the sender called, Stop removes it', async ({
  app,
  engine,
  tunnels,
}) => {
  await app.getByTestId('open-tunnels').click();
  const dialog = app.getByTestId('tunnels-dialog');
  await expect(dialog.getByTestId('tunnels-empty')).toBeVisible();
  await dialog.getByTestId('start-tunnel-cloudflared').click();

  const card = dialog.locator('[data-testid="tunnel-card"][data-provider="cloudflared"]');
  await expect(card).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
  const publicUrl = (await card.getByTestId('tunnel-public-url').textContent()) as string;
  expect(publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(app.getByTestId('topbar-public-url')).toHaveText(publicUrl);
  await expect(card.getByTestId('tunnel-listener')).toHaveAttribute('data-listener', 'ok', { timeout: 15_000 });
  await card.getByText(/Last output/).click();
  await expect(card.getByTestId('tunnel-output')).toContainText('Your quick Tunnel has been created!');
  expect(tunnels.bin.argv('cloudflared').slice(0, 3)).toEqual(['tunnel', '--url', engine.receiver_url]);
  await expect(dialog.getByTestId('start-tunnel-cloudflared')).toBeDisabled();
  await shoot(app, 'tunnels-dialog-managed');
  await saveScreenshot(app, 'tunnels');
  await publishScreenshot('tunnels');

  // A webhook through the tunnel: the fake adds X-Forwarded-Host as cloudflared does.
  const sent = await fetch(`${publicUrl}/hooks/github?delivery=1`, {
    method: 'POST',
    body: '{"zen":"tunnels"}',
    headers: { 'content-type': 'application/json' },
  });
  expect(sent.status).toBe(200);
  await dialog.getByTestId('tunnels-dialog-close').click();
  await app.getByTestId('capture-row').first().click();
  await expect(app.getByTestId('overview')).toContainText('https://fake-words-here.trycloudflare.com/hooks/github?delivery=1');

  await app.getByTestId('open-tunnels').click();
  await dialog.getByTestId('stop-tunnel-cloudflared').click();
  await expect(dialog.getByTestId('tunnel-card')).toHaveCount(0);
  await expect(app.getByTestId('topbar-receiver-url')).toHaveText(engine.receiver_url);

  // A quick tunnel gets a new URL at every start: in the next session (Hookscope restarted), the
  // banner says the provider may still call the old one.
  await dialog.getByTestId('tunnels-dialog-close').click();
  const restarted = await engine.restart();
  try {
    await expect(app.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
    await app.getByTestId('open-tunnels').click();
    await dialog.getByTestId('start-tunnel-cloudflared').click();
    await expect(card).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
    await expect(card.getByTestId('tunnel-public-url')).not.toHaveText(publicUrl);
    await dialog.getByTestId('tunnels-dialog-close').click();
    const changed = app.locator('[data-testid="tunnel-banner"][data-kind="url-changed"]');
    await expect(changed).toContainText(`the provider may still point at ${publicUrl}`);
    await shoot(app, 'tunnel-url-changed');
  } finally {
    await restarted.stop();
  }
});

test('while a tunnel starts, its button spins (the URL can take up to 30 s), and Stop cancels it', async ({ app, tunnels }) => {
  tunnels.bin.setMode({ silent: true });
  await app.getByTestId('open-tunnels').click();
  const dialog = app.getByTestId('tunnels-dialog');
  await dialog.getByTestId('start-tunnel-cloudflared').click();
  const button = dialog.getByTestId('start-tunnel-cloudflared');
  await expect(button).toHaveText('Starting cloudflared…');
  await expect(button.getByTestId('spinner')).toBeVisible();
  await expect(button).toBeDisabled();
  await expect(dialog.getByTestId('start-tunnel-ngrok')).toBeDisabled();
  await expect(app.getByTestId('open-tunnels').getByTestId('spinner')).toBeVisible();
  const card = dialog.locator('[data-testid="tunnel-card"][data-provider="cloudflared"]');
  await expect(card).toHaveAttribute('data-status', 'starting');
  await shoot(app, 'tunnel-starting');
  await card.getByTestId('stop-tunnel-cloudflared').click();
  await expect(button).toHaveText('Start cloudflared');
  await expect(dialog.getByTestId('tunnel-card')).toHaveCount(0);
  // Stopped on purpose: the start's "exited" answer is no problem to report.
  await expect(dialog.getByTestId('tunnel-problem')).toHaveCount(0);
});

test('a missing binary: the start answers with the install instructions for this OS', async ({ app, tunnels }) => {
  tunnels.bin.remove();
  await app.getByTestId('open-tunnels').click();
  const dialog = app.getByTestId('tunnels-dialog');
  await dialog.getByTestId('start-tunnel-ngrok').click();
  const problem = dialog.getByTestId('tunnel-problem');
  await expect(problem).toContainText('Could not start ngrok: No "ngrok" was found on PATH.');
  await expect(problem.getByTestId('tunnel-install-url')).toHaveText('https://ngrok.com/download');
  await expect(problem).toContainText('Set HOOKSCOPE_NGROK to its full path');
  // The Start button is usable again (no spinner left behind).
  await expect(dialog.getByTestId('start-tunnel-ngrok')).toHaveText('Start ngrok');
  await shoot(app, 'tunnel-install-help');
});

test('a capture sent with X-Forwarded-Proto/Host shows the URL the sender called', async ({ app, engine }) => {
  const response = await fetch(`${engine.receiver_url}/hooks/twilio?a=1`, {
    method: 'POST',
    body: 'Body=hi',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'abc.trycloudflare.com',
    },
  });
  expect(response.status).toBe(200);
  const row = app.getByTestId('capture-row').first();
  await expect(row.getByTestId('cell-path')).toHaveAttribute(
    'title',
    '/hooks/twilio?a=1\nSent to https://abc.trycloudflare.com/hooks/twilio?a=1',
  );
  await row.click();
  const overview = app.getByTestId('overview');
  await expect(overview.getByTestId('overview-row').filter({ hasText: 'Sent to' })).toContainText(
    'https://abc.trycloudflare.com/hooks/twilio?a=1',
  );
  await expect(overview.getByTestId('overview-row').filter({ hasText: /^URL/ })).toContainText(`${engine.receiver_url}/hooks/twilio?a=1`);
});

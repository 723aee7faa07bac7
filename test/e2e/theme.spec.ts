import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import type { RunningEngine } from './fixtures/engine';
import { SCREENSHOT_DIR, expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook, signDcisionAI } from './fixtures/webhooks';

const SECRET = 'whsec_theme_screens';
// The palettes' --bg (styles/tokens.css) and the Monaco themes' editor.background (monaco/setup.ts).
const PAGE_BG = { dark: 'rgb(13, 17, 23)', light: 'rgb(255, 255, 255)' };
const EDITOR_BG = { dark: 'rgb(17, 21, 28)', light: 'rgb(251, 252, 253)' };

/** Records data-theme at DOMContentLoaded, before React or the app's theme store can have set it late. */
async function recordThemeAtDomContentLoaded(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { themeAtDcl: string | null }).themeAtDcl = document.documentElement.getAttribute('data-theme');
    });
  });
}

const themeAtDcl = (page: Page): Promise<string | null> =>
  page.evaluate(() => (window as unknown as { themeAtDcl: string | null }).themeAtDcl);

async function openApp(page: Page, engine: RunningEngine): Promise<void> {
  await page.goto(engine.launch_url);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
}

const pageBackground = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe('themes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the system's ${scheme} preference picks the ${scheme} theme before the first paint`, async ({ page, engine }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await recordThemeAtDomContentLoaded(page);
      await openApp(page, engine);
      expect(await themeAtDcl(page)).toBe(scheme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await pageBackground(page)).toBe(PAGE_BG[scheme]);
      // Native controls and scrollbars follow.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
      await expect(page.getByLabel('Theme')).toHaveValue('system');
    });
  }

  test('no flash: the page has its theme while the app bundle is still loading', async ({ page, engine }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    let release: () => void = () => {};
    const held = new Promise<void>((done) => (release = done));
    // Hold the app bundle back: whatever is painted meanwhile must already be light.
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(engine.launch_url, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body !== null);
    expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBe(0);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await pageBackground(page)).toBe(PAGE_BG.light);
    release();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  });

  test('following the system is live: an OS switch while the app runs re-themes it', async ({ page, engine }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page, engine);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await pageBackground(page)).toBe(PAGE_BG.light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the picker overrides the system, works from the keyboard and persists across reloads', async ({ page, engine }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await recordThemeAtDomContentLoaded(page);
    await openApp(page, engine);
    const picker = page.getByRole('combobox', { name: 'Theme' });
    await expect(picker).toHaveValue('system');

    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveValue('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await pageBackground(page)).toBe(PAGE_BG.light);

    // An explicit choice ignores later OS switches.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    expect(await themeAtDcl(page)).toBe('light');
    await expect(picker).toHaveValue('light');

    await picker.selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    expect(await themeAtDcl(page)).toBe('dark');

    // Back to System: follows the OS again, and nothing is left stored.
    await picker.selectOption('system');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => localStorage.getItem('hookscope.theme'))).toBeNull();
  });

  test("Monaco's editors follow the theme, including ones opened later", async ({ page, engine }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page, engine);
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', 'proj_theme'));
    await page.getByTestId('capture-row').first().click();
    const editorBg = page.getByTestId('capture-detail').locator('.monaco-editor-background').first();
    await expect(editorBg).toBeVisible();
    await expect(editorBg).toHaveCSS('background-color', EDITOR_BG.dark);

    await page.getByLabel('Theme').selectOption('light');
    await expect(editorBg).toHaveCSS('background-color', EDITOR_BG.light);

    // An editor mounted after the switch gets the light theme too, and does not switch the others back.
    await page.getByTestId('nav-compose').click();
    const composeBg = page.getByTestId('compose-editor').locator('.monaco-editor-background').first();
    await expect(composeBg).toHaveCSS('background-color', EDITOR_BG.light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(composeBg).toHaveCSS('background-color', EDITOR_BG.light);
  });
});

// ---------------------------------------------------------------------------------------------
// Every screen in both themes, for a human to look at (THEME_SHOTS_DIR, default under test-results).

const SHOTS_DIR = process.env.THEME_SHOTS_DIR ?? `${SCREENSHOT_DIR}/themes`;

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

/** Signed over pretty-printed JSON, sent compact: an invalid capture with a diagnosis. */
async function sendReserialized(receiverUrl: string): Promise<void> {
  const value = { event: 'model.completed', data: { id: 'model_reserialized', name: 'E2E Project' } };
  const timestamp = Math.floor(Date.now() / 1000);
  await fetch(`${receiverUrl}/webhooks/dcisionai`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-DcisionAI-Timestamp': String(timestamp),
      'X-DcisionAI-Signature': signDcisionAI(SECRET, timestamp, Buffer.from(JSON.stringify(value, null, 2))),
    },
    body: JSON.stringify(value),
  }).then((response) => response.arrayBuffer());
}

async function fill(engine: RunningEngine): Promise<void> {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  const events = ['project.created', 'model.completed', 'dataset.created', 'prediction.completed'];
  for (let i = 0; i < 8; i += 1) {
    const body = sampleEvent(events[i % events.length]!, `obj_${i}`);
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', i % 3 === 2 ? 'whsec_rotated_away' : SECRET, body);
  }
  await fetch(`${engine.receiver_url}/hooks/unsigned`, { method: 'GET' }).then((response) => response.arrayBuffer());
  await sendReserialized(engine.receiver_url);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`every screen in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('inspector, dialogs, pages, notices and banners', async ({ app, engine }) => {
      test.setTimeout(120_000);
      await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(app.getByTestId('empty-state')).toBeVisible();
      await shot(app, `${theme}-empty-state`);

      await fill(engine);
      const rows = app.getByTestId('capture-row');
      await expect(rows).toHaveCount(10);
      // The newest: re-serialized, with its diagnosis.
      await rows.first().click();
      await expect(app.getByTestId('diagnosis')).toBeVisible();
      await shot(app, `${theme}-inspector-diagnosis`);
      await app.getByTestId('signature-compare').scrollIntoViewIfNeeded();
      await shot(app, `${theme}-inspector-signature-compare`);
      // A valid one.
      await rows.nth(2).click();
      await expect(app.getByTestId('capture-detail').getByTestId('verdict-badge').first()).toHaveAttribute('data-verdict', 'valid');
      await shot(app, `${theme}-inspector-valid`);
      if (theme === 'light') {
        await saveScreenshot(app, 'inspector-light');
        await publishScreenshot('inspector-light');
      }
      await app.setViewportSize({ width: 1024, height: 700 });
      await shot(app, `${theme}-inspector-1024`);
      await app.setViewportSize({ width: 1440, height: 900 });

      await app.getByTestId('search-help').click();
      await expect(app.getByTestId('query-help')).toBeVisible();
      await shot(app, `${theme}-query-help`);
      await app.getByTestId('search-help').click();
      await app.getByTestId('search-input').pressSequentially('event:mo');
      await expect(app.getByTestId('query-suggestion').first()).toBeVisible();
      await shot(app, `${theme}-query-suggestions`);
      await app.getByTestId('search-input').press('Escape');
      await app.getByTestId('search-input').fill('');
      await app.getByTestId('search-input').press('Enter');
      await expect(app.getByTestId('capture-count')).toHaveText('10 captures');
      await app.getByTestId('history-settings').click();
      await expect(app.getByTestId('history-captures')).toBeVisible();
      await shot(app, `${theme}-history-settings`);
      await app.keyboard.press('Escape');
      await expect(app.getByTestId('history-captures')).toHaveCount(0);

      await rows.nth(2).click();
      await app.getByTestId('replay-open').click();
      const replay = app.getByTestId('replay-dialog');
      await replay.getByTestId('replay-mode-edited').check();
      await expect(replay.locator('.monaco-editor-background').first()).toBeVisible();
      await shot(app, `${theme}-replay`);
      await replay.getByTestId('replay-dialog-close').click();

      await rows.nth(2).click();
      await app.getByTestId('compare-mark').click();
      await rows.first().click();
      await app.getByTestId('compare-with').click();
      await expect(app.getByTestId('diff-dialog')).toBeVisible();
      await expect(app.getByTestId('diff-dialog').locator('.monaco-editor-background').first()).toBeVisible();
      await shot(app, `${theme}-compare`);
      await app.keyboard.press('Escape');
      await expect(app.getByTestId('diff-dialog')).toHaveCount(0);

      await app.getByTestId('nav-endpoints').click();
      await app.getByTestId('new-endpoint').click();
      await expect(app.getByTestId('endpoint-form')).toBeVisible();
      await shot(app, `${theme}-endpoints`);

      await app.getByTestId('nav-signature-lab').click();
      await expect(app.getByTestId('signature-lab')).toBeVisible();
      await shot(app, `${theme}-signature-lab`);

      await app.getByTestId('nav-compose').click();
      await expect(app.getByTestId('compose-page')).toBeVisible();
      await app.getByTestId('compose-endpoint-secret').selectOption(CATCH_ALL_ENDPOINT_ID);
      await app.getByTestId('compose-send').click();
      await expect(app.getByTestId('outcome-badge').first()).toBeVisible();
      await shot(app, `${theme}-compose`);

      await engine.api('PUT', '/settings', { retry: { max_attempts: 2, base_delay_ms: 50 } });
      await engine.api('POST', '/webhooks', {
        name: 'Own receiver',
        url: `${engine.receiver_url}/webhooks/dcisionai`,
        events: ['project.created'],
        secret: 'whsec_subscription',
      });
      await engine.api('POST', '/webhooks', {
        name: 'Nowhere',
        url: 'http://127.0.0.1:9/hooks',
        events: ['project.created'],
        secret: 'whsec_nowhere',
      });
      await app.getByTestId('nav-subscriptions').click();
      const detail = app.getByTestId('subscription-detail');
      await expect(detail).toBeVisible();
      await detail.getByTestId('emit-submit').click();
      await expect(detail.getByTestId('delivery').first()).toHaveAttribute('data-status', /succeeded|failed/, { timeout: 15_000 });
      await expect(detail.getByTestId('chart-bar').first()).toBeVisible();
      await shot(app, `${theme}-subscriptions`);
      await app.getByTestId('subscription-item').nth(1).click();
      await expect(detail.getByTestId('delivery').first()).toHaveAttribute('data-status', /succeeded|failed/, { timeout: 15_000 });
      await shot(app, `${theme}-subscriptions-second`);

      await app.getByTestId('nav-inspector').click();
      await app
        .getByTestId('import-har-file')
        .setInputFiles({ name: 'bad.har', mimeType: 'application/json', buffer: Buffer.from('not json') });
      await expect(app.getByTestId('notice')).toBeVisible();
      await shot(app, `${theme}-notice`);

      await engine.stop({ keepData: true });
      await expect(app.getByTestId('engine-unreachable')).toBeVisible({ timeout: 20_000 });
      await shot(app, `${theme}-banner-offline`);
    });
  });
}

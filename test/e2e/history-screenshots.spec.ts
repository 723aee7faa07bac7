import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint } from '../../src/shared/api';
import type { RunningEngine } from './fixtures/engine';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook, signDcisionAI } from './fixtures/webhooks';

const SECRET = 'whsec_history_screens';
const EVENTS = ['project.created', 'model.completed', 'dataset.created', 'prediction.completed'];

/** Signed over pretty-printed JSON but sent compact, as a framework that re-serializes the body would. */
async function sendReserialized(receiverUrl: string, path: string): Promise<void> {
  const value = { event: 'model.completed', data: { id: 'model_reserialized', name: 'E2E Project' } };
  const timestamp = Math.floor(Date.now() / 1000);
  const signedOver = Buffer.from(JSON.stringify(value, null, 2));
  await fetch(`${receiverUrl}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-DcisionAI-Timestamp': String(timestamp),
      'X-DcisionAI-Signature': signDcisionAI(SECRET, timestamp, signedOver),
    },
    body: JSON.stringify(value),
  }).then((response) => response.arrayBuffer());
}

/** A history worth filtering: three endpoints, four event types, valid and failing captures of several kinds. */
async function fillHistory(engine: RunningEngine): Promise<void> {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  for (const [name, path] of [
    ['Billing', '/webhooks/billing'],
    ['Models', '/webhooks/models'],
  ]) {
    await engine.api<{ data: Endpoint }>('POST', '/endpoints', { name, path, scheme: 'dcisionai', secret: SECRET });
  }
  const paths = ['/webhooks/billing/invoices', '/webhooks/models/runs', '/hooks/ci'];
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
  for (let i = 0; i < 36; i += 1) {
    const path = paths[i % paths.length]!;
    const body = sampleEvent(EVENTS[i % EVENTS.length]!, `obj_${i}`);
    if (i % 9 === 4) await sendSignedWebhook(engine.receiver_url, path, SECRET, body, anHourAgo);
    else if (i % 11 === 7) await sendSignedWebhook(engine.receiver_url, path, 'whsec_rotated_away', body);
    else await sendSignedWebhook(engine.receiver_url, path, SECRET, body);
  }
  await sendReserialized(engine.receiver_url, '/webhooks/models/runs');
  await fetch(`${engine.receiver_url}/webhooks/billing/unsigned`, { method: 'POST', body: '{"event":"project.created"}' });
}

async function shoot(app: Page, name: string, readme: boolean): Promise<void> {
  await saveScreenshot(app, name);
  if (readme) await publishScreenshot(name, name.replace(/-\d+$/, ''));
}

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
] as const) {
  test.describe(`the history at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('filtered and unfiltered', async ({ app, engine }) => {
      await fillHistory(engine);
      const rows = app.getByTestId('capture-row');
      await expect(app.getByTestId('capture-count')).toHaveText('38 captures');
      await expect(rows.first().getByTestId('verdict-badge')).toHaveText('no signature');
      await expect(rows.nth(1).getByTestId('verdict-badge')).toHaveText('re-serialized');
      await app.getByRole('button', { name: 'Pin capture #35' }).click();
      await app.getByRole('button', { name: 'Pin capture #31' }).click();
      await rows.nth(1).click();
      await expect(app.getByTestId('capture-detail')).toBeVisible();
      await shoot(app, `history-unfiltered-${width}`, width === 1440);

      await app.getByTestId('filter-chip').filter({ hasText: 'Invalid only' }).click();
      await expect(app.getByTestId('capture-count')).toHaveText(/^\d+ of 38$/);
      await expect(rows.getByTestId('verdict-badge').and(app.locator('[data-verdict="valid"]'))).toHaveCount(0);
      // Every control of the toolbar fits the window.
      for (const id of ['search-input', 'search-help', 'history-settings', 'import-har', 'export-all-har', 'clear-all', 'capture-count']) {
        const box = await app.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x + box!.width, id).toBeLessThanOrEqual(width);
        expect(box!.y + box!.height, id).toBeLessThanOrEqual(height);
      }
      await shoot(app, `history-filtered-${width}`, width === 1440);

      // Completions while typing, and the syntax help.
      await app.getByTestId('search-input').press('End');
      await app.getByTestId('search-input').pressSequentially(' event:mo');
      await expect(app.getByTestId('query-suggestion').first()).toBeVisible();
      await saveScreenshot(app, `history-suggestions-${width}`);
      await app.getByTestId('search-input').press('Escape');
      await app.getByTestId('search-help').click();
      await expect(app.getByTestId('query-help')).toBeVisible();
      await saveScreenshot(app, `history-help-${width}`);
      await app.getByTestId('search-help').click();
      await app.getByTestId('history-settings').click();
      await expect(app.getByTestId('history-captures')).toHaveText('38');
      await saveScreenshot(app, `history-settings-${width}`);
    });
  });
}

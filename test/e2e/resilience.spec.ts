import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_resilience';

test('an engine that goes away shows a banner, and the UI recovers when it returns', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  await sendSignedWebhook(engine.receiver_url, '/before-restart', SECRET, sampleEvent('project.created', 'proj_before'));
  await expect(app.getByTestId('capture-row')).toHaveCount(1);

  await engine.stop({ keepData: true });
  await expect(app.getByTestId('engine-unreachable')).toBeVisible();
  await expect(app.getByTestId('engine-unreachable')).toContainText('Engine unreachable — retrying');
  await saveScreenshot(app, 'engine-unreachable');

  // Same ports, token and data directory: the session cookie stays valid, history survives.
  const restarted = await engine.restart();
  try {
    await expect(app.getByTestId('engine-unreachable')).toHaveCount(0, { timeout: 15_000 });
    await expect(app.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await sendSignedWebhook(restarted.receiver_url, '/after-restart', SECRET, sampleEvent('project.updated', 'proj_after'));
    await expect(app.getByTestId('capture-row')).toHaveCount(2);
    await expect(app.getByTestId('capture-row').first()).toContainText('/after-restart');
  } finally {
    await restarted.stop({ keepData: true });
  }
});

test('thousands of live captures stay responsive: rows are virtualized and batched', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  await sendSignedWebhook(engine.receiver_url, '/warmup', SECRET, sampleEvent('project.created', 'proj_0'));
  await expect(app.getByTestId('capture-row')).toHaveCount(1);

  const TOTAL = 2_000;
  const CONCURRENCY = 50;
  for (let start = 1; start < TOTAL; start += CONCURRENCY) {
    const batch = [];
    for (let i = start; i < Math.min(start + CONCURRENCY, TOTAL); i += 1) {
      batch.push(sendSignedWebhook(engine.receiver_url, `/flood/${i}`, SECRET, sampleEvent('prediction.completed', `pred_${i}`)));
    }
    await Promise.all(batch);
  }

  // The counter is the exact size of the history (every live capture counted), with thousands separators.
  await expect(app.getByTestId('capture-count')).toHaveText(`${TOTAL.toLocaleString('en-US')} captures`, { timeout: 20_000 });
  // Only the visible rows (plus overscan) exist in the DOM.
  expect(await app.getByTestId('capture-row').count()).toBeLessThan(80);
  // The page still reacts promptly: selecting a row opens its detail.
  await app.getByTestId('capture-row').first().click();
  await expect(app.getByTestId('capture-detail')).toContainText(`/flood/${TOTAL - 1}`);
  // Scrolling to the end renders the oldest rows (the first page came live; older ones load on demand).
  await app.getByTestId('capture-list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(app.locator('[data-testid="capture-row"]', { hasText: '/warmup' })).toBeVisible();
});

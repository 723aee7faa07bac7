import type { Locator, Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';
import { closedPort, cutCellsWithoutTitle, expectApart, midWordBreaks, selectFitsChoice } from './fixtures/layout';

const WIDTH = 1024;
const HEIGHT = 700;
const SECRET = 'whsec_e2e_small_window';

/** Visible, and wholly inside the 1024x700 window (not pushed off the right edge or below the fold). */
async function expectInWindow(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, 'has a box').not.toBeNull();
  if (!box) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
  // Not squeezed to nothing (the event picker once shrank to 18 px).
  expect(box.width).toBeGreaterThan(24);
}

/** The top bar stays one line: nav items are not wrapped, Copy does not run into the connection status. */
async function expectTopBarFits(app: Page): Promise<void> {
  for (const page of ['inspector', 'endpoints', 'signature-lab', 'compose', 'subscriptions']) {
    const item = app.getByTestId(`nav-${page}`);
    await expectInWindow(item);
    expect((await item.boundingBox())!.height).toBeLessThan(40);
  }
  const copy = app.getByTestId('topbar-receiver').getByRole('button');
  await expectInWindow(copy);
  const status = app.getByTestId('connection-status');
  await expectInWindow(status);
  expect((await copy.boundingBox())!.x + (await copy.boundingBox())!.width).toBeLessThanOrEqual((await status.boundingBox())!.x);
}

test.describe('a 1024x700 window', () => {
  test.use({ viewport: { width: WIDTH, height: HEIGHT } });

  test('every page keeps its key controls on screen', async ({ app, engine }) => {
    // First run: the generated secret's controls and the sample command's copy button, no scrolling.
    for (const id of ['empty-secret-value-reveal', 'empty-secret-value-copy', 'change-secret', 'copy-sample-command']) {
      await expectInWindow(app.getByTestId(id));
    }
    expect(await cutCellsWithoutTitle(app.getByTestId('sample-command'))).toEqual([]);
    await saveScreenshot(app, 'small-empty-state');

    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    for (const id of ['proj_small_1', 'proj_small_2']) {
      expect(
        await sendSignedWebhook(
          engine.receiver_url,
          '/webhooks/dcisionai/with/a/fairly/long/path',
          SECRET,
          sampleEvent('project.created', id),
        ),
      ).toBe(200);
    }

    // Inspector, with a capture selected and another one marked for compare (the widest header).
    const rows = app.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);
    await rows.nth(1).click();
    await app.getByTestId('compare-mark').click();
    await rows.nth(0).click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '2');
    await expectTopBarFits(app);
    for (const id of [
      'import-har',
      'export-all-har',
      'clear-all',
      'replay-open',
      'compare-with',
      'copy-curl',
      'export-har',
      'export-json',
      'delete-capture',
    ]) {
      await expectInWindow(app.getByTestId(id));
    }
    await expectInWindow(rows.nth(0).getByTestId('verdict-badge'));
    await saveScreenshot(app, 'small-inspector');

    // Compose.
    await app.getByTestId('nav-compose').click();
    await expect(app.getByTestId('compose-event-type')).toBeVisible();
    for (const id of [
      'compose-url',
      'compose-send',
      'compose-emit',
      'body-mode-event',
      'compose-event-type',
      'compose-fresh-template',
      'compose-format',
      'tab-result',
      'tab-sent',
    ]) {
      await expectInWindow(app.getByTestId(id));
    }
    expect((await app.getByTestId('compose-event-type').boundingBox())!.width).toBeGreaterThanOrEqual(120);
    // Format is not under the result pane.
    const format = (await app.getByTestId('compose-format').boundingBox())!;
    const result = (await app.getByTestId('tab-result').boundingBox())!;
    expect(format.x + format.width).toBeLessThanOrEqual(result.x);
    await expectTopBarFits(app);
    await saveScreenshot(app, 'small-compose');

    // Signature Lab.
    await app.getByTestId('nav-signature-lab').click();
    await expect(app.getByTestId('signature-lab')).toBeVisible();
    for (const id of ['lab-scratch', 'lab-compute']) await expectInWindow(app.getByTestId(id));
    await expectTopBarFits(app);
    await saveScreenshot(app, 'small-lab');

    // Subscriptions, with one subscription.
    await engine.api('POST', '/webhooks', { name: 'My app', url: `${engine.receiver_url}/webhooks/platform`, events: ['project.created'] });
    await app.getByTestId('nav-subscriptions').click();
    await expect(app.getByTestId('subscription-detail')).toBeVisible();
    for (const id of ['new-subscription', 'edit-subscription', 'toggle-subscription', 'delete-subscription']) {
      await expectInWindow(app.getByTestId(id));
    }
    await expectTopBarFits(app);
    await saveScreenshot(app, 'small-subscriptions');

    // Endpoints.
    await app.getByTestId('nav-endpoints').click();
    await expectTopBarFits(app);
    await saveScreenshot(app, 'small-endpoints');
  });
});

/** Long paths, events and header names: what a narrow window cuts, wraps or overlaps first. */
for (const [width, height] of [
  [WIDTH, HEIGHT],
  [1440, 900],
] as const) {
  test.describe(`nothing cut without a title, overlapping or broken mid-word at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('capture list, Compose result and Sent list, Replay result', async ({ app, engine }) => {
      await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
      const path = '/webhooks/dcisionai/projects/with/a/rather/long/path/that/never/fits';
      expect(await sendSignedWebhook(engine.receiver_url, `${path}?attempt=1`, SECRET, sampleEvent('prediction.completed', 'p_1'))).toBe(
        200,
      );
      expect(await sendSignedWebhook(engine.receiver_url, path, 'wrong', sampleEvent('project.created', 'p_2'))).toBe(200);

      // Capture list: every cell that does not fit has its full value on hover.
      const rows = app.getByTestId('capture-row');
      await expect(rows).toHaveCount(2);
      expect(await cutCellsWithoutTitle(rows.locator(':scope > span'))).toEqual([]);
      await expect(rows.first().getByTestId('cell-path')).toHaveAttribute('title', path);
      await expect(rows.nth(1).getByTestId('cell-event')).toHaveAttribute('title', 'prediction.completed');
      // The header's names fit too, or say themselves on hover.
      expect(await cutCellsWithoutTitle(app.getByTestId('capture-list-header').locator('> span'))).toEqual([]);

      // The capture's own headers break at hyphens only.
      await rows.first().click();
      const captureHeaders = app.getByTestId('capture-detail').getByTestId('headers-table').locator('th');
      await expect(captureHeaders.filter({ hasText: 'X-DcisionAI-Timestamp' })).toHaveCount(1);
      expect(await midWordBreaks(captureHeaders)).toEqual([]);

      // Replay: the dialog's result headers too.
      await app.getByTestId('replay-open').click();
      const dialog = app.getByTestId('replay-dialog');
      await dialog.getByTestId('replay-send').click();
      await expect(dialog.getByTestId('sent-result')).toBeVisible();
      expect(await midWordBreaks(dialog.getByTestId('headers-table').locator('th'))).toEqual([]);
      await dialog.getByTestId('replay-dialog-close').click();

      // Compose: a send with long header names, then a refused one.
      await app.getByTestId('nav-compose').click();
      const picker = app.getByTestId('compose-event-type');
      await picker.selectOption('prediction.completed');
      const fit = await selectFitsChoice(picker);
      expect(fit.width, 'the event picker shows its whole choice').toBeGreaterThanOrEqual(fit.needed);
      await app.getByTestId('compose-headers').fill('X-Custom-Trace-Identifier: abc\nAuthorization-Extended-Header: value');
      await app.getByTestId('compose-send').click();
      const result = app.getByTestId('sent-result');
      await expect(result.getByTestId('outcome-badge').first()).toHaveText('200');
      const headerNames = result.getByTestId('headers-table').locator('th');
      await expect(headerNames.filter({ hasText: 'X-Custom-Trace-Identifier' })).toHaveCount(1);
      expect(await midWordBreaks(headerNames)).toEqual([]);
      // A name that fits stays on one line: as tall as a one-word name.
      const oneLine = (await headerNames.filter({ hasText: /^Host$/ }).boundingBox())!.height;
      expect(
        (await headerNames
          .filter({ hasText: /^Connection$/ })
          .first()
          .boundingBox())!.height,
      ).toBeLessThanOrEqual(oneLine + 1);

      await app.getByTestId('compose-url').fill(`http://127.0.0.1:${await closedPort()}/hook`);
      await app.getByTestId('compose-send').click();
      await expect(app.getByTestId('sent-error')).toHaveAttribute('data-code', 'connection_refused');
      await app.getByTestId('tab-sent').click();
      const refusedRow = app.getByTestId('sent-row').first();
      const pill = refusedRow.getByTestId('outcome-badge');
      await expect(pill).toHaveText('refused');
      const method = refusedRow.getByTestId('method');
      const event = refusedRow.getByTestId('sent-row-event');
      await expectApart(pill, method);
      await expectApart(method, event);
      // Each keeps its text whole; only an event too long for its line may be cut, with a title.
      for (const part of [pill, method]) {
        expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), await part.innerText()).toBe(true);
      }
      expect((await event.boundingBox())!.width).toBeGreaterThan(40);
      expect(await cutCellsWithoutTitle(app.locator('[data-testid="sent-row-event"], [data-testid="sent-row-url"]'))).toEqual([]);
      await saveScreenshot(app, `layout-compose-sent-${width}`);
    });
  });
}

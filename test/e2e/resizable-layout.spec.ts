import type { Locator, Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_resizable';
const LONG_PATH = '/webhooks/dcisionai/projects/with/a/rather/long/path';

async function box(locator: Locator) {
  const value = await locator.boundingBox();
  expect(value, 'has a box').not.toBeNull();
  return value!;
}

/** Presses the mouse on the element's centre, moves by dx in steps (as a hand would), releases. */
async function drag(app: Page, handle: Locator, dx: number): Promise<void> {
  const from = await box(handle);
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x + dx, y, { steps: 8 });
  await app.mouse.up();
}

const headerCell = (app: Page, column: string) => app.getByTestId('capture-list-header').locator(`[data-column="${column}"]`);
const pathCell = (app: Page) => app.getByTestId('capture-row').first().getByTestId('cell-path');

test.describe('resizable list columns and split, at 1024x700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test.beforeEach(async ({ app, engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    expect(await sendSignedWebhook(engine.receiver_url, LONG_PATH, SECRET, sampleEvent('project.created', 'proj_resize'))).toBe(200);
    await expect(app.getByTestId('capture-row')).toHaveCount(1);
  });

  test('a column dragged wider shows more of the path, survives a reload, and double-click resets it', async ({ app }) => {
    const path = pathCell(app);
    // Truncated at first, with the whole path on hover.
    await expect(path).toHaveAttribute('title', LONG_PATH);
    expect(await path.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The event column first (it is on screen now): wider.
    const eventBefore = (await box(headerCell(app, 'event'))).width;
    await drag(app, app.getByTestId('col-resizer-event'), 60);
    const eventAfter = (await box(headerCell(app, 'event'))).width;
    expect(eventAfter).toBeGreaterThan(eventBefore + 50);

    const before = (await box(headerCell(app, 'path'))).width;

    await drag(app, app.getByTestId('col-resizer-path'), 340);
    const after = (await box(headerCell(app, 'path'))).width;
    expect(after).toBeGreaterThan(before + 320);
    expect(Math.abs((await box(path)).width - after)).toBeLessThan(2); // rows follow the header
    expect(await path.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
    // The list scrolls sideways rather than squeezing the verdict out.
    const list = app.getByTestId('capture-list');
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    await app.reload();
    await expect(app.getByTestId('capture-row')).toHaveCount(1);
    expect(Math.abs((await box(headerCell(app, 'path'))).width - after)).toBeLessThan(2);
    expect(Math.abs((await box(headerCell(app, 'event'))).width - eventAfter)).toBeLessThan(2);

    await app.getByTestId('col-resizer-path').dblclick();
    expect(Math.abs((await box(headerCell(app, 'path'))).width - before)).toBeLessThan(2);
    await app.reload();
    await expect(app.getByTestId('capture-row')).toHaveCount(1);
    expect(Math.abs((await box(headerCell(app, 'path'))).width - before)).toBeLessThan(2);
  });

  test('the list/detail split drags, moves with the arrow keys, persists, and resets on double-click', async ({ app }) => {
    await app.getByTestId('capture-row').first().click();
    const separator = app.getByRole('separator', { name: 'Width of the capture list' });
    const pane = app.getByTestId('list-pane');
    const initial = (await box(pane)).width;
    await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(initial)));

    await drag(app, separator, -140);
    const dragged = (await box(pane)).width;
    expect(dragged).toBeLessThan(initial - 120);
    await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(dragged)));
    // The detail keeps its minimum: dragging far right stops short of squeezing it away.
    await drag(app, separator, 600);
    expect((await box(app.getByRole('region', { name: 'Capture detail' }))).width).toBeGreaterThanOrEqual(435);
    await saveScreenshot(app, 'resized-split');

    await separator.focus();
    const wide = Number(await separator.getAttribute('aria-valuenow'));
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.press('ArrowLeft');
    await expect(separator).toHaveAttribute('aria-valuenow', String(wide - 32));
    await app.keyboard.press('Shift+ArrowLeft');
    await expect(separator).toHaveAttribute('aria-valuenow', String(wide - 96));
    expect(Math.round((await box(pane)).width)).toBe(wide - 96);

    await app.reload();
    await expect(app.getByTestId('capture-row')).toHaveCount(1);
    await expect(separator).toHaveAttribute('aria-valuenow', String(wide - 96));

    await separator.dblclick();
    await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(initial)));
    await app.reload();
    await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(initial)));
  });
});

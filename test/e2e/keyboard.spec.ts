import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { SHORTCUTS } from '../../src/renderer/src/lib/shortcuts';
import type { RunningEngine } from './fixtures/engine';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_keyboard';

/** Sends `count` signed captures (ids 1..count, so the list shows count..1) and waits for the list. */
async function seed(app: Page, engine: RunningEngine, count: number): Promise<void> {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  for (let index = 1; index <= count; index += 1) {
    expect(await sendSignedWebhook(engine.receiver_url, `/hooks/${index}`, SECRET, sampleEvent('project.created', `proj_${index}`))).toBe(
      200,
    );
  }
  await expect(app.getByTestId('capture-count')).toHaveText(count === 1 ? '1 capture' : `${count} captures`);
}

const selectedId = (app: Page) => app.getByTestId('capture-detail');
const activeId = (app: Page) => app.evaluate(() => document.activeElement?.id ?? '');

test('j/k, arrows, Home and End move the selection and keep it in view', async ({ app, engine }) => {
  await seed(app, engine, 40);
  // Nothing selected: the first key starts at the top.
  await app.keyboard.press('j');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '40');
  await app.keyboard.press('j');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '39');
  await app.keyboard.press('ArrowDown');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '38');
  await app.keyboard.press('k');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '39');
  await app.keyboard.press('ArrowUp');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '40');
  await app.keyboard.press('k'); // already at the top: stays
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '40');

  // End: the last row, scrolled into the virtualized list's view.
  await app.keyboard.press('End');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1');
  const list = (await app.getByTestId('capture-list').boundingBox())!;
  const last = app.locator('[data-testid="capture-row"][data-capture-id="1"]');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  const row = (await last.boundingBox())!;
  expect(row.y).toBeGreaterThanOrEqual(list.y);
  expect(row.y + row.height).toBeLessThanOrEqual(list.y + list.height + 1);
  await app.keyboard.press('Home');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '40');
  await expect(app.locator('[data-testid="capture-row"][data-capture-id="40"]')).toBeInViewport();

  // Modifiers are not shortcuts: Alt+J and Ctrl+J leave the selection alone.
  await app.keyboard.press('Alt+j');
  await app.keyboard.press('Control+j');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '40');
});

test('Enter focuses the detail, where arrows scroll it; Escape goes back to the list', async ({ app, engine }) => {
  await seed(app, engine, 3);
  await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  await app.keyboard.press('Enter');
  expect(await activeId(app)).toBe('capture-detail-scroll');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('End');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  // j still moves (it is not a scrolling key), and the focus stays in the detail.
  await app.keyboard.press('j');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1');
  expect(await activeId(app)).toBe('capture-detail-scroll');
  await app.keyboard.press('Escape');
  expect(await activeId(app)).toBe('capture-list');
  await app.keyboard.press('ArrowUp');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
});

test('/ and Ctrl+K focus the search; typing there, or in an editor, fires no shortcut', async ({ app, engine }) => {
  await seed(app, engine, 3);
  await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
  const search = app.getByTestId('search-input');

  await app.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(''); // the slash did not land in the box
  await app.keyboard.type('jkpr?c');
  await app.keyboard.press('Delete');
  await expect(search).toHaveValue('jkpr?c');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  await expect(app.getByTestId('capture-detail').getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await expect(app.getByTestId('replay-dialog')).toHaveCount(0);
  // The typed text searched (it matches nothing); emptied, the list is whole: nothing was deleted.
  await search.fill('');
  await expect(app.getByTestId('capture-row')).toHaveCount(3);
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  await search.press('Escape');
  await expect(search).not.toBeFocused();

  await app.getByTestId('capture-list').focus();
  await app.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await search.press('Escape');

  // Inside the body's (read-only) Monaco editor: keys belong to the editor.
  await app.getByTestId('body-editor').locator('.view-lines').click();
  // Monaco's input is a textarea (.inputarea) or, where Chromium has EditContext, a div: either way inside .monaco-editor.
  await expect.poll(() => app.evaluate(() => document.activeElement?.closest('#detail-pane .monaco-editor') != null)).toBe(true);
  for (const key of ['j', 'k', 'p', 'r', 'Delete', 'Escape', '?']) await app.keyboard.press(key);
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  await expect(app.getByTestId('capture-detail').getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(app.getByTestId('capture-row')).toHaveCount(3);
  await expect(app.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await expect(app.getByTestId('replay-dialog')).toHaveCount(0);

  // An editable Monaco editor (Compose): `?` is typed into the body, the shortcut list stays shut.
  await app.getByTestId('nav-compose').click();
  const editor = app.getByTestId('compose-editor');
  await expect(editor).toContainText('"event"');
  await editor.locator('.view-lines').click();
  await app.keyboard.press('ControlOrMeta+End');
  await app.keyboard.type('?');
  await expect(editor.locator('.view-lines')).toContainText('?');
  await expect(app.getByTestId('shortcuts-dialog')).toHaveCount(0);
});

test('r opens replay, c copies as cURL, p toggles the pin', async ({ app, engine }) => {
  await seed(app, engine, 2);
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.locator('[data-testid="capture-row"][data-capture-id="1"]').click();
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1');

  await app.keyboard.press('r');
  await expect(app.getByTestId('replay-dialog')).toBeVisible();
  await expect(app.getByTestId('replay-dialog')).toContainText('Replay capture #1');
  // Under a dialog the list keys do nothing; Escape closes the dialog first.
  await app.keyboard.press('j');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('replay-dialog')).toHaveCount(0);
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1');

  await app.keyboard.press('c');
  await expect(app.getByTestId('notice').filter({ hasText: 'Copied capture #1 as a cURL command' })).toBeVisible();
  const copied = await app.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl -sS --http1\.1 /);
  expect(copied).toContain('--data-binary');
  expect(copied).toContain('/hooks/1');
  expect(copied).toContain('proj_1');

  const pin = app.getByTestId('capture-detail').getByTestId('pin-toggle');
  await app.keyboard.press('p');
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await engine.listRequests()).data.find((row) => row.id === 1)?.pinned).toBe(true);
  await app.keyboard.press('p');
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await engine.listRequests()).data.find((row) => row.id === 1)?.pinned).toBe(false);
});

test('Delete hides the capture, selects the next one and offers Undo; Undo restores it, and without Undo it is deleted when the window ends', async ({
  app,
  engine,
}) => {
  await seed(app, engine, 3);
  await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');

  await app.keyboard.press('Delete');
  await expect(app.locator('[data-testid="capture-row"][data-capture-id="2"]')).toHaveCount(0);
  await expect(app.getByTestId('capture-count')).toHaveText('2 captures');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1'); // the next (older) one
  const notice = app.getByTestId('notice').filter({ hasText: 'Capture #2 deleted' });
  await expect(notice).toBeVisible();
  if (process.env.KEYBOARD_SHOTS_DIR) await app.screenshot({ path: `${process.env.KEYBOARD_SHOTS_DIR}/undo-notice.png` });
  // Still stored: the engine is asked only when the Undo window ends.
  expect((await engine.listRequests()).data.map((row) => row.id)).toEqual([3, 2, 1]);

  await notice.getByTestId('notice-action').click();
  await expect(notice).toHaveCount(0);
  await expect(app.getByTestId('capture-row')).toHaveCount(3);
  await expect(app.getByTestId('capture-count')).toHaveText('3 captures');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  // Past the window, an undone delete is never sent.
  await app.waitForTimeout(6_500);
  expect((await engine.listRequests()).data.map((row) => row.id)).toEqual([3, 2, 1]);

  // The last row: the selection moves up. Backspace works as Delete (macOS keyboards).
  await app.keyboard.press('End');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '1');
  await app.keyboard.press('Backspace');
  await expect(selectedId(app)).toHaveAttribute('data-capture-id', '2');
  await expect(app.getByTestId('capture-count')).toHaveText('2 captures');
  await expect.poll(async () => (await engine.listRequests()).data.map((row) => row.id), { timeout: 12_000 }).toEqual([3, 2]);
  await expect(app.getByTestId('notice').filter({ hasText: 'Capture #1 deleted' })).toHaveCount(0);
  await expect(app.getByTestId('capture-count')).toHaveText('2 captures');
  await expect(app.getByTestId('capture-row')).toHaveCount(2);

  // The counters stay right after a reload from the engine.
  await app.reload();
  await expect(app.getByTestId('capture-count')).toHaveText('2 captures');
});

test('a reload within the Undo window keeps the capture and says so', async ({ app, engine }) => {
  await seed(app, engine, 2);
  await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
  await app.keyboard.press('Delete');
  await expect(app.getByTestId('capture-count')).toHaveText('1 capture');
  await app.reload();
  await expect(app.getByTestId('notice').filter({ hasText: 'Capture #2 was not deleted' })).toBeVisible();
  await expect(app.getByTestId('capture-count')).toHaveText('2 captures');
  await app.waitForTimeout(6_500);
  expect((await engine.listRequests()).data.map((row) => row.id)).toEqual([2, 1]);
});

test('? lists every shortcut, from the same table the keys use', async ({ app, engine }) => {
  await seed(app, engine, 1);
  await app.keyboard.press('?');
  const dialog = app.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('shortcut-row')).toHaveCount(SHORTCUTS.length);
  for (const shortcut of SHORTCUTS) {
    const row = dialog.locator(`[data-shortcut="${shortcut.id}"]`);
    await expect(row).toContainText(shortcut.description);
    for (const label of shortcut.labels) await expect(row.locator('kbd', { hasText: label }).first()).toBeVisible();
  }
  for (const text of ['Ctrl+K', 'Delete', 'Undo', 'Esc', 'J', 'K']) await expect(dialog).toContainText(text);
  if (process.env.KEYBOARD_SHOTS_DIR) await app.screenshot({ path: `${process.env.KEYBOARD_SHOTS_DIR}/shortcuts-dialog.png` });
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // On another page too.
  await app.getByTestId('nav-endpoints').click();
  await app.locator('body').press('?');
  await expect(dialog).toBeVisible();
});

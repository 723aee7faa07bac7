import { expect, saveScreenshot, test } from './fixtures/test';

test('an error toast goes away on its own, and only the toast takes the pointer', async ({ app }) => {
  await app
    .getByTestId('import-har-file')
    .setInputFiles({ name: 'bad.har', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  const notice = app.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await expect(notice).toContainText('“bad.har” is not a HAR file');
  await expect(notice.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await saveScreenshot(app, 'notice-error');

  // The stack's empty space lets clicks through to what is under it.
  expect(await app.getByTestId('notices').evaluate((element) => getComputedStyle(element).pointerEvents)).toBe('none');
  expect(await notice.evaluate((element) => getComputedStyle(element).pointerEvents)).toBe('auto');

  // Errors stay about 10 s (long enough to read), then go.
  await app.waitForTimeout(6_000);
  await expect(notice).toBeVisible();
  await expect(notice).toHaveCount(0, { timeout: 8_000 });
});

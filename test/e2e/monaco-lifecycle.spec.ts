// Monaco installs a global hover-delegate factory per editor and leaves it bound to a disposed
// one (microsoft/monaco-editor#4612): after the compare dialog's diff editor closed, the next
// editor threw "InstantiationService has been disposed" and the whole page went blank.
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

test('after the compare dialog closes, the next editors open and the page keeps working', async ({ app, engine }) => {
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: 'whsec_lifecycle' });
  for (const id of ['a', 'b', 'c'])
    await sendSignedWebhook(engine.receiver_url, '/hooks/lifecycle', 'whsec_lifecycle', sampleEvent('project.created', id));
  const rows = app.getByTestId('capture-row');
  await expect(rows).toHaveCount(3);

  await rows.nth(2).click();
  await app.getByTestId('compare-mark').click();
  await rows.first().click();
  await app.getByTestId('compare-with').click();
  await expect(app.getByTestId('diff-dialog').locator('.monaco-editor-background').first()).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('diff-dialog')).toHaveCount(0);

  // A page whose editor is created after the diff editor went.
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  await expect(app.getByTestId('endpoint-form')).toBeVisible();
  await app.getByTestId('nav-inspector').click();
  await rows.nth(1).click();
  await expect(app.getByTestId('body-editor').locator('.view-line').first()).toBeVisible();
  expect(errors).toEqual([]);
});

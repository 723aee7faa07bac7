import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_delete';

test('delete one capture, then clear all after confirming', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  for (const id of ['one', 'two', 'three']) {
    await sendSignedWebhook(engine.receiver_url, `/hooks/${id}`, SECRET, sampleEvent('dataset.created', id));
  }
  await expect(app.getByTestId('capture-row')).toHaveCount(3);

  await app.locator('[data-testid="capture-row"]', { hasText: '/hooks/two' }).click();
  await expect(app.getByTestId('capture-detail')).toContainText('/hooks/two');
  await app.getByTestId('delete-capture').click();
  await expect(app.getByTestId('capture-row')).toHaveCount(2);
  await expect(app.locator('[data-testid="capture-row"]', { hasText: '/hooks/two' })).toHaveCount(0);
  // The button deletes as the Delete key does: Undo is offered first, then the engine deletes.
  await expect(app.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect((await engine.listRequests()).data).toHaveLength(3);
  await expect
    .poll(async () => (await engine.listRequests()).data.map((row) => row.path).sort(), { timeout: 15_000 })
    .toEqual(['/hooks/one', '/hooks/three']);

  // Declining the confirmation keeps everything.
  app.once('dialog', (dialog) => void dialog.dismiss());
  await app.getByTestId('clear-all').click();
  await expect(app.getByTestId('capture-row')).toHaveCount(2);

  app.once('dialog', (dialog) => void dialog.accept());
  await app.getByTestId('clear-all').click();
  await expect(app.getByTestId('empty-state')).toBeVisible();
  expect((await engine.listRequests()).data).toHaveLength(0);
});

import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_result_per_view';

/** Replays the newest capture as-is, then sends that replay again from the dialog; returns both sent ids. */
async function replayTwice(app: Page): Promise<[string, string]> {
  await app.getByTestId('nav-inspector').click();
  await app.getByTestId('capture-row').last().click();
  await app.getByTestId('replay-open').click();
  const dialog = app.getByTestId('replay-dialog');
  await dialog.getByTestId('replay-mode-as-is').check();
  await dialog.getByTestId('replay-send').click();
  const result = dialog.getByTestId('sent-result');
  await expect(result.getByTestId('outcome-badge').first()).toHaveText('200');
  const first = (await result.getAttribute('data-sent-id')) as string;
  // "Send again" inside the dialog answers inside the dialog.
  await result.getByTestId('sent-again').click();
  await expect(result).not.toHaveAttribute('data-sent-id', first);
  const second = (await result.getAttribute('data-sent-id')) as string;
  await dialog.getByTestId('replay-dialog-close').click();
  return [first, second];
}

test('Compose and the Replay dialog each keep their own result', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  expect(await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', 'proj_views'))).toBe(
    200,
  );
  await expect(app.getByTestId('capture-row')).toHaveCount(1);

  // A replay before Compose was ever used: Compose opens with no result, not the replay's.
  const [replayA, replayB] = await replayTwice(app);
  await app.getByTestId('nav-compose').click();
  await expect(app.getByTestId('compose-page')).toBeVisible();
  await expect(app.getByTestId('sent-result')).toHaveCount(0);
  // The history still has both.
  await app.getByTestId('tab-sent').click();
  await expect(app.getByTestId('sent-row')).toHaveCount(2);
  await app.getByTestId('tab-result').click();

  // Compose's own send shows in Compose.
  await app.getByTestId('compose-send').click();
  const composeResult = app.getByTestId('sent-result');
  await expect(composeResult.getByTestId('outcome-badge').first()).toHaveText('200');
  const own = (await composeResult.getAttribute('data-sent-id')) as string;
  expect([replayA, replayB]).not.toContain(own);

  // Another replay (and its resend) leaves Compose's result alone.
  await replayTwice(app);
  await app.getByTestId('nav-compose').click();
  await expect(app.getByTestId('sent-result')).toHaveAttribute('data-sent-id', own);
  await app.getByTestId('tab-sent').click();
  await expect(app.getByTestId('sent-row')).toHaveCount(5);
});

import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_catch_all_secret';
const OTHER_SECRET = 'whsec_someone_elses_secret';

test.describe('live capture list', () => {
  test.beforeEach(async ({ engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  });

  test('a correctly signed request appears live with a valid badge', async ({ app, engine }) => {
    const status = await sendSignedWebhook(
      engine.receiver_url,
      '/webhooks/dcisionai',
      SECRET,
      sampleEvent('project.created', 'proj_valid'),
    );
    expect(status).toBe(200);

    const row = app.getByTestId('capture-row').first();
    await expect(row).toContainText('project.created');
    await expect(row).toContainText('/webhooks/dcisionai');
    await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await expect(row.getByTestId('verdict-badge')).toHaveText('valid');
  });

  test('a request signed with another secret shows invalid, with the reason', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', OTHER_SECRET, sampleEvent('model.trained', 'model_bad'));

    const row = app.getByTestId('capture-row').first();
    await expect(row).toContainText('model.trained');
    const badge = row.getByTestId('verdict-badge');
    await expect(badge).toHaveAttribute('data-verdict', 'invalid');
    await expect(badge).toHaveAttribute('data-reason', 'signature_mismatch');

    // The detail explains why: the two signatures side by side, and what was signed.
    await row.click();
    const verification = app.getByTestId('verification');
    await expect(verification.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'invalid');
    await expect(app.getByTestId('verification-reason')).toContainText('signature_mismatch');
    await expect(app.getByTestId('signed-content')).toContainText('"event":"model.trained"');
    await expect(app.getByTestId('timestamp-age')).toContainText('tolerance 300 s');
    await expect(app.getByTestId('sig-diff').first()).toBeVisible();
    await saveScreenshot(app, 'invalid-signature-detail');
  });

  test('editing the endpoint secret in the UI flips the verdict live', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.updated', 'proj_flip'));
    const row = app.getByTestId('capture-row').first();
    await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await row.click();
    await expect(app.getByTestId('capture-detail')).toBeVisible();

    // Change the catch-all's secret through the settings form.
    await app.getByTestId('nav-endpoints').click();
    await app.locator(`[data-testid="endpoint-item"][data-endpoint-id="${CATCH_ALL_ENDPOINT_ID}"]`).click();
    await expect(app.getByTestId('endpoint-path')).toBeDisabled(); // the catch-all cannot move
    await expect(app.getByTestId('delete-endpoint')).toHaveCount(0); // nor be deleted
    await app.getByTestId('endpoint-secret').fill(OTHER_SECRET);
    await app.getByTestId('save-endpoint').click();
    await expect(app.getByTestId('endpoint-form-error')).toHaveCount(0);
    await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
    await saveScreenshot(app, 'endpoint-settings');

    // Back in the inspector, the stored capture was re-verified with the new secret.
    await app.getByTestId('nav-inspector').click();
    await expect(app.getByTestId('capture-row').first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'invalid');
    await expect(app.getByTestId('verification').getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'invalid');

    // And back: restoring the secret makes it valid again, without reloading the page.
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
    await expect(app.getByTestId('capture-row').first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  });

  test('validation errors from the engine show inline in the endpoint form', async ({ app }) => {
    await app.getByTestId('nav-endpoints').click();
    await app.getByTestId('new-endpoint').click();
    await app.getByTestId('endpoint-name').fill('Duplicate of the catch-all');
    await app.getByTestId('endpoint-path').fill('/');
    await app.getByTestId('save-endpoint').click();
    await expect(app.getByTestId('endpoint-form-error')).toBeVisible();
    await expect(app.getByTestId('endpoint-form-error')).not.toBeEmpty();
  });
});

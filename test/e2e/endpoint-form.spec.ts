import { expect, saveScreenshot, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';

test('the endpoint form explains tolerance per scheme and starts a new endpoint without a path', async ({ app }) => {
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  const form = app.getByTestId('endpoint-form');

  // No "/" pre-filled (it always belongs to the catch-all): a placeholder suggests a path.
  await expect(form.getByTestId('endpoint-path')).toHaveValue('');
  await expect(form.getByTestId('endpoint-path')).toHaveAttribute('placeholder', /^\/webhooks\//);
  await pickScheme(form.getByTestId('endpoint-scheme'), 'stripe');
  await expect(form.getByTestId('endpoint-path')).toHaveAttribute('placeholder', '/webhooks/stripe');
  // A new endpoint has no stored captures to re-verify.
  await expect(form).not.toContainText('re-verifies');

  // Stripe only rejects old timestamps.
  await expect(form.getByTestId('endpoint-tolerance')).toBeEnabled();
  await expect(form.getByTestId('endpoint-tolerance-hint')).toContainText('older requests fail');
  await expect(form.getByTestId('endpoint-tolerance-hint')).not.toContainText('both directions');

  // Standard Webhooks checks both directions.
  await pickScheme(form.getByTestId('endpoint-scheme'), 'standard-webhooks');
  await expect(form.getByTestId('endpoint-tolerance-hint')).toContainText('both directions');

  // GitHub signs no timestamp: the field is off and says why.
  await pickScheme(form.getByTestId('endpoint-scheme'), 'github');
  await expect(form.getByTestId('endpoint-tolerance')).toBeDisabled();
  await expect(form.getByTestId('endpoint-tolerance-hint')).toContainText('has no timestamp');
  await saveScreenshot(app, 'endpoint-form-github');

  // Saving without a path says what to do, before any round trip.
  await form.getByTestId('endpoint-name').fill('GitHub');
  await form.getByTestId('save-endpoint').click();
  await expect(form.getByTestId('field-error-endpoint-path')).toContainText('path prefix');
  await form.getByTestId('endpoint-path').fill('/github');
  await form.getByTestId('save-endpoint').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();

  // An existing endpoint mentions re-verification.
  await expect(app.getByTestId('endpoint-form')).toContainText('re-verifies');
});

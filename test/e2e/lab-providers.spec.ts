import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';

// The Signature Lab with the batch-A providers that sign differently: Mailgun (the signature in
// the body), GitLab (a token, never printed) and HubSpot (the method and URL signed).

async function openLabWith(app: Page, scheme: string): Promise<void> {
  await app.getByTestId('nav-signature-lab').click();
  await pickScheme(app.getByTestId('lab-scheme'), scheme);
}

async function computeAndApply(app: Page): Promise<void> {
  await app.getByTestId('lab-compute').click();
  await expect(app.getByTestId('lab-signed')).toBeVisible();
  await app.getByTestId('lab-apply-signed').click();
}

test('Mailgun: computing a signature puts it in the body, and the request then verifies', async ({ app }) => {
  await openLabWith(app, 'mailgun');
  await app.getByTestId('lab-secret').fill('mailgun-signing-key');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await computeAndApply(app);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(app.getByTestId('lab-curl-command')).toContainText('"signature":{"timestamp"');
  // Using the signed body in the request does not make the signature stale.
  await expect(app.getByTestId('lab-signed')).not.toContainText('The inputs changed');
  await saveScreenshot(app, 'lab-mailgun');
});

test('GitLab: a wrong token is "token differs" without the secret; the computed header verifies', async ({ app }) => {
  const secret = 'gitlab-secret-token-xyz';
  await openLabWith(app, 'gitlab');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('the header carries the secret token itself');
  await app.getByTestId('lab-secret').fill(secret);
  await app.getByTestId('lab-paste-toggle').click();
  await app
    .getByTestId('lab-paste-text')
    .fill('POST /hooks/gitlab HTTP/1.1\nX-Gitlab-Token: not-it\nX-Gitlab-Event: Push Hook\n\n{"object_kind":"push"}');
  await app.getByTestId('lab-paste-apply').click();
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  const item = app.locator('[data-testid="diagnosis-item"][data-code="token_mismatch"]');
  await expect(item).toContainText('differs');
  await expect(app.getByTestId('lab-verdict')).not.toContainText(secret);
  await saveScreenshot(app, 'lab-gitlab');
  await computeAndApply(app);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
});

test('HubSpot: the scheme shows {method} in its signed content; a computed signature verifies', async ({ app }) => {
  await openLabWith(app, 'hubspot');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('{method}{url}{body}{timestamp}');
  await app.getByTestId('lab-secret').fill('hubspot-client-secret');
  await app.getByTestId('lab-url').fill('https://hooks.example.com/hubspot?portal=1');
  await computeAndApply(app);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await saveScreenshot(app, 'lab-hubspot');
  await app.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(app, 'lab-hubspot-1024');
});

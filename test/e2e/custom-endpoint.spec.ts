import { createHmac } from 'node:crypto';
import { expect, saveScreenshot, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';

// An endpoint configured in the UI with a user-defined scheme verifies real requests with it.
test('an endpoint with a custom scheme, set up in the form, verifies captures with it', async ({ app, engine }) => {
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  await app.getByTestId('endpoint-name').fill('Acme orders');
  await app.getByTestId('endpoint-path').fill('/acme');
  await pickScheme(app.getByTestId('endpoint-scheme'), 'custom');

  // Without a signature header the form says what is missing before any round trip.
  await app.getByTestId('endpoint-custom-signature_header').fill('');
  await app.getByTestId('save-endpoint').click();
  await expect(app.getByTestId('endpoint-custom-error')).toContainText('header that carries the signature');

  await app.getByTestId('endpoint-custom-signature_header').fill('X-Acme-Signature');
  await app.getByTestId('endpoint-custom-signature_prefix').fill('v1=');
  await app.getByTestId('endpoint-custom-timestamp_header').fill('X-Acme-Time');
  await app.getByTestId('endpoint-custom-signed_content').fill('{timestamp}|{body}');
  await app.locator('#endpoint-custom-encoding').selectOption('base64');
  await app.getByTestId('endpoint-secret').fill('acme-secret');
  await app.getByTestId('save-endpoint').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
  await saveScreenshot(app, 'endpoint-custom-scheme');

  const body = '{"order":42,"note":"caf\u00e9"}';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const mac = createHmac('sha256', 'acme-secret').update(`${timestamp}|${body}`).digest('base64');
  const sent = await fetch(`${engine.receiver_url}/acme/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Acme-Time': timestamp, 'X-Acme-Signature': `v1=${mac}` },
    body,
  });
  expect(sent.status).toBe(200);

  await app.getByTestId('nav-inspector').click();
  const badge = app.getByTestId('capture-row').first().getByTestId('verdict-badge');
  await expect(badge).toHaveAttribute('data-verdict', 'valid');

  // The saved endpoint reopens with its configuration.
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('endpoint-item').filter({ hasText: 'Acme orders' }).click();
  await expect(app.getByTestId('endpoint-custom-signed_content')).toHaveValue('{timestamp}|{body}');
});

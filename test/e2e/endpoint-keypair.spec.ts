import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type SignatureKeyPair, type SignatureSignResult } from '../../src/shared/api';
import { pickScheme } from './fixtures/scheme-picker';
import { expect, test } from './fixtures/test';

/** Endpoints of key-pair schemes: a public key field, a generated pair, key-pair wording in verdicts. */

const SHOTS = '/tmp/shots-keypair-ui';

async function shoot(app: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width, height });
    await app.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
  }
  await app.setViewportSize({ width: 1440, height: 900 });
}

async function sendSigned(receiverUrl: string, path: string, headers: Record<string, string>, body: string): Promise<void> {
  const response = await fetch(`${receiverUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  await response.arrayBuffer();
}

test('a Discord endpoint takes a public key: the format is checked on save, a generated pair shows the private key once, and it signs requests the endpoint verifies', async ({
  app,
  engine,
}) => {
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  const form = app.getByTestId('endpoint-form');
  await form.getByTestId('endpoint-name').fill('Discord bot');
  await form.getByTestId('endpoint-path').fill('/interactions');
  await pickScheme(form.getByTestId('endpoint-scheme'), 'discord');

  await expect(form.locator('label[for="endpoint-secret-input"]')).toHaveText('Public key');
  await expect(form.getByTestId('endpoint-key-hint')).toContainText('64-hex-character Ed25519 public key');
  // No whsec_ secret generator for a scheme that verifies with a public key.
  await expect(form.getByTestId('endpoint-secret-generate')).toHaveCount(0);

  // A key in the wrong format is refused, with the engine's message naming the format, under the field.
  await form.getByTestId('endpoint-secret').fill('whsec_0123456789abcdef');
  await form.getByTestId('save-endpoint').click();
  await expect(form.getByTestId('field-error-endpoint-secret-input')).toContainText(
    'The public key must be a 64-hex-character Ed25519 public key',
  );
  await expect(form.getByTestId('endpoint-form-error')).toHaveCount(0);

  await form.getByTestId('endpoint-generate-keypair').click();
  await expect(form.getByTestId('endpoint-secret')).toHaveValue(/^[0-9a-f]{64}$/);
  await expect(form.getByTestId('field-error-endpoint-secret-input')).toHaveCount(0);
  const panel = form.getByTestId('endpoint-private-key');
  await expect(panel).toContainText('it is not stored');
  await expect(form.getByTestId('endpoint-private-key-value')).toHaveText(/^[0-9a-f]{128}$/);
  await expect(form.getByTestId('endpoint-private-key-copy')).toBeVisible();
  const privateKey = (await form.getByTestId('endpoint-private-key-value').textContent()) ?? '';
  const publicKey = await form.getByTestId('endpoint-secret').inputValue();
  await panel.scrollIntoViewIfNeeded();
  await shoot(app, 'endpoint-discord-generated');

  await form.getByTestId('save-endpoint').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
  const saved = (await engine.api<{ data: Endpoint[] }>('GET', '/endpoints')).data.find((endpoint) => endpoint.path === '/interactions');
  expect(saved?.scheme).toBe('discord');
  expect(saved?.secret).toBe(publicKey);
  // Only the public key is stored; the private key is nowhere in the endpoint.
  expect(JSON.stringify(saved)).not.toContain(privateKey);
  await expect(app.locator(`[data-testid="endpoint-item"][data-endpoint-id="${saved?.id}"]`)).toContainText('discord · public key set');

  // The shown private key signs requests the endpoint verifies; another pair's do not.
  const body = '{"type":2,"id":"1170000000000000001","data":{"name":"weather"}}';
  const signed = await engine.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
    scheme: 'discord',
    secret: privateKey,
    body_base64: Buffer.from(body).toString('base64'),
  });
  await sendSigned(engine.receiver_url, '/interactions', signed.data.headers, body);
  const other = await engine.api<{ data: SignatureKeyPair }>('POST', '/signatures/keypair?scheme=discord');
  const forged = await engine.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
    scheme: 'discord',
    secret: other.data.private_key,
    body_base64: Buffer.from(body).toString('base64'),
  });
  await sendSigned(engine.receiver_url, '/interactions', forged.data.headers, body);
  await expect
    .poll(async () => (await engine.listRequests()).data.map((request) => request.verification.verdict))
    .toEqual(['invalid', 'valid']);

  // The detail of the forged one speaks of the public key, and says why no signature is expected.
  await app.getByTestId('nav-inspector').click();
  await app.getByTestId('capture-row').first().click();
  await expect(app.getByTestId('detail-summary-headline')).toContainText('does not verify with this public key');
  await expect(app.getByTestId('verification-reason')).toContainText('does not verify with this public key');
  await expect(app.getByTestId('signature-expected')).toHaveText('— (an Ed25519 signature can only be made with the private key)');
  await shoot(app, 'detail-discord-wrong-key');
  await app.getByTestId('signature-expected').scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SHOTS}/detail-discord-wrong-key-verification-1440x900.png` });
});

test('Standard Webhooks endpoints take a whsec_ secret or a whpk_ public key, never the whsk_ private key', async ({ app }) => {
  await app.getByTestId('nav-endpoints').click();
  await app.getByTestId('new-endpoint').click();
  const form = app.getByTestId('endpoint-form');
  await form.getByTestId('endpoint-name').fill('Standard');
  await form.getByTestId('endpoint-path').fill('/standard');
  await pickScheme(form.getByTestId('endpoint-scheme'), 'standard-webhooks');
  await expect(form.locator('label[for="endpoint-secret-input"]')).toHaveText('Secret or public key');
  await expect(form.getByTestId('endpoint-key-hint')).toContainText('whpk_');

  await form.getByTestId('endpoint-secret-generate').click();
  await expect(form.getByTestId('endpoint-secret')).toHaveValue(/^whsec_[A-Za-z0-9+/]+=*$/);
  await form.getByTestId('endpoint-generate-keypair').click();
  await expect(form.getByTestId('endpoint-secret')).toHaveValue(/^whpk_/);
  await expect(form.getByTestId('endpoint-private-key-value')).toHaveText(/^whsk_/);
  const privateKey = (await form.getByTestId('endpoint-private-key-value').textContent()) ?? '';

  // The private key pasted where the public one belongs: the engine names it and gives the public key.
  await form.getByTestId('endpoint-secret').fill(privateKey);
  await form.getByTestId('save-endpoint').click();
  await expect(form.getByTestId('field-error-endpoint-secret-input')).toContainText('This is a private key (whsk_)');
  await expect(form.getByTestId('field-error-endpoint-secret-input')).toContainText('Its public key is whpk_');
  await form.getByTestId('endpoint-secret').scrollIntoViewIfNeeded();
  await shoot(app, 'endpoint-standard-private-key-refused');
});

test("the first-run screen shows a key-pair endpoint's public key and says how to sign a sample", async ({ app, engine }) => {
  const pair = await engine.api<{ data: SignatureKeyPair }>('POST', '/signatures/keypair?scheme=sendgrid');
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'sendgrid', secret: pair.data.public_key });
  const emptyState = app.getByTestId('empty-state');
  await expect(emptyState.getByTestId('sample-needs-private-key')).toContainText('signing a sample needs the matching private key');
  await expect(emptyState).toContainText('with this public key (SendGrid)');
  // The HMAC sample command would be signed with the public key: it is not offered.
  await expect(emptyState.getByTestId('sample-command')).toHaveCount(0);
  await emptyState.getByTestId('empty-secret-value-reveal').click();
  await expect(emptyState.getByTestId('empty-secret-value')).toHaveText(pair.data.public_key);
  await shoot(app, 'empty-state-sendgrid');
});

test('the Lab names base64 secrets as base64 and lists the schemes with snippets', async ({ app }) => {
  await app.getByTestId('nav-signature-lab').click();
  await pickScheme(app.getByTestId('lab-scheme'), 'airtable');
  await expect(app.getByTestId('lab-scheme-secret-format')).toHaveText('base64 of the key (no prefix)');
  await pickScheme(app.getByTestId('lab-scheme'), 'svix');
  await expect(app.getByTestId('lab-scheme-secret-format')).toHaveText('whsec_ + base64 of the key');
  await pickScheme(app.getByTestId('lab-scheme'), 'discord');
  await expect(app.getByTestId('lab-no-snippets')).toContainText('No verification snippets for key-pair schemes yet; they exist for');
  await expect(app.getByTestId('lab-no-snippets')).toContainText('Stripe');
  await expect(app.getByTestId('lab-no-snippets')).toContainText('Brex');
  // Without a public key the Lab's verdict asks for one, not for a secret.
  await expect(app.getByTestId('verification-reason')).toHaveText('no_secret — No public key is set, so the signature cannot be checked.');
  await expect(app.locator('[data-testid="diagnosis-item"][data-code="no_secret"]')).toContainText('No public key is configured');
  await expect(app.getByTestId('lab-result').getByTestId('verdict-badge')).toHaveText('no key');
  await shoot(app, 'lab-discord-no-snippets');
});

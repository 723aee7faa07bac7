import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type SignatureKeyPair, type SignatureSignResult } from '../../src/shared/api';
import { expect, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';

/** The Signature Lab with key-pair schemes: the public key verifies, the private key signs. */

const SHOTS = '/tmp/shots-keypair';

async function openLab(app: Page): Promise<void> {
  await app.getByTestId('nav-signature-lab').click();
  await expect(app.getByTestId('signature-lab')).toBeVisible();
  await expect(app.getByTestId('lab-scheme')).toBeVisible();
}

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

test('Discord from scratch: a generated key pair signs in the Lab and the public key verifies it', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'discord');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('Ed25519 signature over {timestamp}{body}, hex');
  await expect(app.getByTestId('lab-scheme-keys')).toContainText('the public key verifies, the private key signs');
  await expect(app.locator('label[for="lab-secret"]')).toHaveText('Public key');

  // Without a public key there is nothing to verify with; without a private key nothing to sign with.
  await app.getByTestId('lab-secret').fill('');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'unverifiable');
  await app.getByTestId('lab-compute').click();
  await expect(app.getByTestId('lab-sign-error')).toContainText('Enter the private key to sign with');

  await app.getByTestId('lab-generate-keypair').click();
  await expect(app.getByTestId('lab-secret')).toHaveValue(/^[0-9a-f]{64}$/);
  await expect(app.getByTestId('lab-private-key')).toHaveValue(/^[0-9a-f]{128}$/);
  await expect(app.getByTestId('lab-private-key')).toHaveAttribute('type', 'password');

  await app.getByTestId('lab-compute').click();
  await expect(app.getByTestId('lab-signed-headers')).toContainText(/X-Signature-Ed25519: [0-9a-f]{128}/);
  await expect(app.getByTestId('lab-signed-headers')).toContainText(/X-Signature-Timestamp: \d{10}/);
  await app.getByTestId('lab-apply-signed').click();
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await shoot(app, 'lab-discord-generated');

  // A key in the wrong format is named with the format expected.
  await app.getByTestId('lab-secret').fill('not-a-public-key');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await expect(app.locator('[data-testid="diagnosis-item"][data-code="key_format"]')).toContainText('64-hex-character Ed25519 public key');
});

test('a captured Discord request: paste its public key in the Lab and it verifies; another key does not', async ({ app, engine }) => {
  const pair = await engine.api<{ data: SignatureKeyPair }>('POST', '/signatures/keypair?scheme=discord');
  const other = await engine.api<{ data: SignatureKeyPair }>('POST', '/signatures/keypair?scheme=discord');
  // The endpoint knows the scheme but no key yet: the capture is unverifiable until one is given.
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'discord', secret: '' });
  const body = '{"type":2,"id":"1170000000000000001","data":{"name":"weather","options":[{"name":"city","value":"Paris"}]}}';
  const signed = await engine.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
    scheme: 'discord',
    secret: pair.data.private_key,
    body_base64: Buffer.from(body).toString('base64'),
  });
  const response = await fetch(`${engine.receiver_url}/interactions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...signed.data.headers },
    body,
  });
  await response.arrayBuffer();

  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('APPLICATION_COMMAND');
  await row.click();
  await app.getByTestId('open-in-lab').click();
  await expect(app.getByTestId('lab-scheme')).toHaveAttribute('data-value', 'discord');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'unverifiable');

  await app.getByTestId('lab-secret').fill(pair.data.public_key);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await app.getByTestId('lab-secret').fill(other.data.public_key);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-reason', 'signature_mismatch');
  await expect(app.locator('[data-testid="diagnosis-item"][data-code="signature_mismatch"]')).toContainText(
    'does not verify with the configured public key',
  );
  await shoot(app, 'lab-discord-capture-wrong-key');
  await app.getByTestId('lab-secret').fill(pair.data.public_key);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
});

test('Standard Webhooks: a whpk_ key verifies v1a, and the private key field appears with it', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'standard-webhooks');
  await expect(app.locator('label[for="lab-secret"]')).toHaveText('Secret or public key');
  await expect(app.getByTestId('lab-private-key')).toHaveCount(0);
  await app.getByTestId('lab-generate-keypair').click();
  await expect(app.getByTestId('lab-secret')).toHaveValue(/^whpk_/);
  await expect(app.getByTestId('lab-private-key')).toHaveValue(/^whsk_/);
  await app.getByTestId('lab-compute').click();
  await expect(app.getByTestId('lab-signed-headers')).toContainText(/webhook-signature: v1a,/);
  await app.getByTestId('lab-apply-signed').click();
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await shoot(app, 'lab-standard-webhooks-v1a');
});

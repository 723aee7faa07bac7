import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type RequestPage } from '../../src/shared/api';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { hasCommand } from './fixtures/shell';
import { pickScheme } from './fixtures/scheme-picker';
import { sampleEvent, sendSignedWebhook, signDcisionAI } from './fixtures/webhooks';
import type { HeaderPairs } from '../../src/shared/http-headers';

const SECRET = 'whsec_lab_e2e_secret';

async function openLab(app: Page): Promise<void> {
  await app.getByTestId('nav-signature-lab').click();
  await expect(app.getByTestId('signature-lab')).toBeVisible();
  // Schemes come from GET /api/schemes; until they arrive the picker shows the bare id.
  await expect(app.getByTestId('lab-scheme-input')).toHaveValue('DcisionAI');
}

/** Pastes a request as text (headers, blank line, body) into the Lab's headers section. */
async function pasteRequest(app: Page, headers: HeaderPairs, body: string): Promise<void> {
  await app.getByTestId('lab-paste-toggle').click();
  await app
    .getByTestId('lab-paste-text')
    .fill(`POST /webhooks/dcisionai HTTP/1.1\n${headers.map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${body}`);
  await app.getByTestId('lab-paste-apply').click();
  await expect(app.getByTestId('lab-paste')).toHaveCount(0);
}

test('from scratch: a body signed over re-serialized JSON gets the body_reserialized diagnosis and its fix', async ({ app }) => {
  await openLab(app);
  await expect(app.getByTestId('lab-source')).toHaveAttribute('data-kind', 'scratch');

  // The guide's Express bug: the sender signed JSON.stringify(payload), but the bytes on the wire
  // are Python-style (`json.dumps`, with spaces after ':' and ',').
  const payload = { event: 'project.created', data: { id: 'proj_lab', name: 'Lab Project', created_at: '2023-01-01T00:00:00Z' } };
  const sentBody = JSON.stringify(payload).replace(/":/g, '": ').replace(/,"/g, ', "');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = signDcisionAI(SECRET, timestamp, Buffer.from(JSON.stringify(payload)));

  await app.getByTestId('lab-secret').fill(SECRET);
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['X-DcisionAI-Timestamp', String(timestamp)],
      ['X-DcisionAI-Signature', signature],
    ],
    sentBody,
  );

  await expect(app.getByTestId('lab-header-row')).toHaveCount(3);
  await expect(app.getByTestId('lab-body-size')).toContainText(`${Buffer.byteLength(sentBody)} bytes`);
  await expect(app.getByTestId('lab-body-editor').locator('.view-lines')).toContainText('"event": "project.created"');

  const verdict = app.getByTestId('lab-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(verdict).toHaveAttribute('data-reason', 'signature_mismatch');
  const item = app.locator('[data-testid="diagnosis-item"][data-code="body_reserialized"]');
  await expect(item).toBeVisible();
  await expect(item).toContainText('express.raw()');
  await expect(app.getByTestId('signature-received')).toContainText(signature.slice(-8));
  await expect(app.getByTestId('lab-result').getByTestId('sig-diff').first()).toBeVisible();
  await expect(app.getByTestId('signed-content')).toContainText(`${timestamp}.{"event": "project.created"`);

  // The verification code for the scheme in use, highlighted, copyable.
  await expect(app.getByTestId('lab-snippet-tab-javascript')).toBeVisible();
  await expect(app.getByTestId('lab-snippet-editor').locator('.view-lines')).toContainText("require('node:crypto')");
  await app.getByTestId('lab-snippet-tab-python').click();
  await expect(app.getByTestId('lab-snippet-editor')).toHaveAttribute('data-language', 'python');
  await expect(app.getByTestId('lab-snippet-editor').locator('.view-lines')).toContainText('import hmac');
  // A tokenizer ran: the code is split into several token classes, not one plain run.
  await expect
    .poll(
      async () =>
        new Set(
          await app
            .locator('[data-testid="lab-snippet-editor"] .view-lines span span')
            .evaluateAll((spans) => spans.map((span) => span.className)),
        ).size,
    )
    .toBeGreaterThan(2);
  await app.getByTestId('lab-snippet-tab-javascript').click();

  // Re-verification follows the typing: the right secret alone does not help, a wrong one adds nothing.
  await app.getByTestId('lab-secret').fill('whsec_wrong');
  await expect(app.locator('[data-testid="diagnosis-item"][data-code="body_reserialized"]')).toHaveCount(0);
  await app.getByTestId('lab-secret').fill(SECRET);
  await expect(item).toBeVisible();

  await saveScreenshot(app, 'signature-lab-diagnosis');
  await publishScreenshot('signature-lab-diagnosis', 'signature-lab');
});

test('from scratch: a Stripe request signed with a trailing newline is diagnosed as such', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'stripe');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('Stripe-Signature');

  const body = '{"id":"evt_lab","object":"event","type":"payment_intent.succeeded"}';
  const timestamp = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', 'whsec_stripe_lab').update(`${timestamp}.${body}\n`).digest('hex');
  await app.getByTestId('lab-secret').fill('whsec_stripe_lab');
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['Stripe-Signature', `t=${timestamp},v1=${v1}`],
    ],
    body,
  );

  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  const item = app.locator('[data-testid="diagnosis-item"][data-code="body_trailing_newline"]');
  await expect(item).toBeVisible();
  await expect(item).toContainText('trailing newline');
  await expect(app.getByTestId('lab-snippets')).toContainText('Stripe');

  // A BOM added in front of the signed bytes: diagnosed, and the editor (which would drop the
  // BOM) shows the body read-only so the bytes stay exactly as pasted.
  const plain = createHmac('sha256', 'whsec_stripe_lab').update(`${timestamp}.${body}`).digest('hex');
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['Stripe-Signature', `t=${timestamp},v1=${plain}`],
    ],
    `\uFEFF${body}`,
  );
  await expect(app.getByTestId('lab-body-size')).toContainText(`${Buffer.byteLength(body) + 3} bytes`);
  await expect(app.getByTestId('lab-body-readonly')).toContainText('BOM');
  await expect(app.locator('[data-testid="diagnosis-item"][data-code="body_bom"]')).toBeVisible();
  await expect(app.getByTestId('signed-content')).toContainText('\\uFEFF (BOM)');
});

test('a captured request opens in the Lab; what-if with another secret flips the verdict, the stored one stays', async ({
  app,
  engine,
}) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  // First a request whose sender signed the body plus a trailing newline: the Inspector's
  // verification panel lists the diagnosis with its fix.
  const body = sampleEvent('model.trained', 'model_newline');
  const timestamp = Math.floor(Date.now() / 1000);
  await fetch(`${engine.receiver_url}/webhooks/dcisionai`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-DcisionAI-Timestamp': String(timestamp),
      'X-DcisionAI-Signature': signDcisionAI(SECRET, timestamp, Buffer.concat([body, Buffer.from('\n')])),
    },
    body: new Uint8Array(body),
  }).then((response) => response.arrayBuffer());
  await app.getByTestId('capture-row').first().click();
  const diagnosis = app.locator('[data-testid="verification"] [data-testid="diagnosis-item"][data-code="body_trailing_newline"]');
  await expect(diagnosis).toBeVisible();
  await expect(diagnosis).toContainText('trailing newline');
  await expect(app.getByTestId('verification').getByTestId('open-in-lab')).toBeVisible();

  expect(await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('model.deployed', 'model_lab'))).toBe(200);
  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('model.deployed');
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  await row.click();
  await expect(app.getByTestId('capture-detail')).toContainText('model_lab');
  await app.getByTestId('open-in-lab').click();

  await expect(app.getByTestId('signature-lab')).toBeVisible();
  await expect(app.getByTestId('lab-source')).toHaveAttribute('data-kind', 'capture');
  await expect(app.getByTestId('lab-mode-what-if')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('what-if-banner')).toContainText('Nothing stored changes');
  await expect(app.getByTestId('lab-scheme')).toHaveAttribute('data-value', 'dcisionai');
  await expect(app.getByTestId('lab-secret')).toHaveValue(SECRET);
  await expect(app.getByTestId('lab-header-name').first()).toBeDisabled();
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');

  await app.getByTestId('lab-secret').fill('whsec_what_if_another_secret');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-reason', 'signature_mismatch');
  await expect(app.locator('[data-testid="what-if-banner"] [data-testid="verdict-badge"]')).toHaveAttribute('data-verdict', 'valid');

  // Another clock: an hour later the same request is expired.
  await app.getByTestId('lab-secret').fill(SECRET);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  const clock = Number(await app.getByTestId('lab-clock').inputValue());
  await app.getByTestId('lab-clock').fill(String(clock + 3600));
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-reason', 'timestamp_expired');
  await app.getByTestId('lab-tolerance').fill('7200');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await app.getByTestId('lab-secret').fill('whsec_what_if_another_secret');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await saveScreenshot(app, 'signature-lab-what-if');

  // Nothing stored changed: the Inspector and the API still say valid.
  await app.getByTestId('nav-inspector').click();
  await expect(app.getByTestId('verification').getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  await expect(app.getByTestId('capture-row').first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  const page = await engine.api<RequestPage>('GET', '/requests?limit=10');
  expect(page.data[0]?.verification.verdict).toBe('valid');
});

test('compute a signature and send it with the copied curl command: the receiver captures it as valid', async ({
  app,
  engine,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(engine.ui_url).origin });
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  await openLab(app);

  await app.getByTestId('lab-secret').fill(SECRET);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  await app.getByTestId('lab-compute').click();

  const signed = app.getByTestId('lab-signed-headers');
  await expect(signed).toContainText('X-DcisionAI-Signature: ');
  await expect(signed).toContainText('X-DcisionAI-Timestamp: ');
  const curl = app.getByTestId('lab-curl-command');
  await expect(curl).toContainText('--data-binary');
  await expect(curl).toContainText(`${engine.receiver_url}/webhooks/dcisionai`);

  // Putting the signed headers into the request makes the Lab's own verdict valid.
  await app.getByTestId('lab-apply-signed').click();
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await saveScreenshot(app, 'signature-lab-sign');

  const command = await curl.innerText();
  expect(command).not.toMatch(/(^|\s)(-d|--data|--data-raw)\s/);
  await app.getByTestId('lab-copy-curl').click();
  await expect(app.getByTestId('lab-copy-curl')).toHaveText('Copied');
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(command);

  test.skip(!hasCommand('curl'), 'curl is not installed: cannot run the copied command');
  execFileSync('bash', ['-c', command], { stdio: 'pipe', timeout: 15_000 });
  await app.getByTestId('nav-inspector').click();
  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('project.created');
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
});

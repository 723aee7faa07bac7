import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';
import type { HeaderPairs } from '../../src/shared/http-headers';

/**
 * Two batch-B providers in the Signature Lab, as a user meets them: Trello signs the callback URL
 * (the Lab asks for it), DocuSign sends one signature header per Connect key.
 */
async function openLab(app: Page): Promise<void> {
  await app.getByTestId('nav-signature-lab').click();
  await expect(app.getByTestId('signature-lab')).toBeVisible();
}

async function pasteRequest(app: Page, headers: HeaderPairs, body: string): Promise<void> {
  await app.getByTestId('lab-paste-toggle').click();
  await app
    .getByTestId('lab-paste-text')
    .fill(`POST /webhooks/in HTTP/1.1\n${headers.map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${body}`);
  await app.getByTestId('lab-paste-apply').click();
  await expect(app.getByTestId('lab-paste')).toHaveCount(0);
}

test('Trello in the Lab: valid with the registered callback URL; a trailing slash is diagnosed', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'trello');
  await expect(app.getByTestId('lab-scheme-facts')).toContainText('X-Trello-Webhook');

  const secret = 'trello-app-secret-e2e';
  const callback = 'https://boards.example.com/trello/hook';
  const body = '{"action":{"type":"updateCard","data":{"card":{"name":"Ship it"}}},"model":{"id":"b1"}}';
  const signature = createHmac('sha1', secret)
    .update(body + callback)
    .digest('base64');
  await app.getByTestId('lab-secret').fill(secret);
  await app.getByTestId('lab-url').fill(callback);
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['X-Trello-Webhook', signature],
    ],
    body,
  );
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');

  await app.getByTestId('lab-url').fill(`${callback}/`);
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'invalid');
  const item = app.locator('[data-testid="diagnosis-item"][data-code="signed_content"]');
  await expect(item).toContainText(`Trello signed the callback URL ${callback}`);

  await app.setViewportSize({ width: 1440, height: 900 });
  await saveScreenshot(app, 'lab-trello-1440');
  await app.setViewportSize({ width: 1024, height: 700 });
  await saveScreenshot(app, 'lab-trello-1024');
});

test('DocuSign in the Lab: the key matches the second of two signature headers', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'docusign');
  const body = '{"event":"envelope-completed","data":{"envelopeId":"93be49ab"}}';
  const sign = (key: string) => createHmac('sha256', key).update(body).digest('base64');
  await app.getByTestId('lab-secret').fill('connect-key-2');
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['X-DocuSign-Signature-1', sign('connect-key-1')],
      ['X-DocuSign-Signature-2', sign('connect-key-2')],
    ],
    body,
  );
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');
  await app.getByTestId('lab-secret').fill('connect-key-3');
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-reason', 'signature_mismatch');
  await saveScreenshot(app, 'lab-docusign-1440');
});

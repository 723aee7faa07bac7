import { createHmac } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';
import type { HeaderPairs } from '../../src/shared/http-headers';

/**
 * The Signature Lab with header values that carry whitespace around them (RFC 9110 5.5: not part
 * of the value), and a body whose signature covers Python's sorted-keys re-serialization: the
 * verdict and the diagnosis render as for any other request.
 */

const SHOTS = '/tmp/shots-diag';

async function openLab(app: Page): Promise<void> {
  await app.getByTestId('nav-signature-lab').click();
  await expect(app.getByTestId('signature-lab')).toBeVisible();
}

async function pasteRequest(app: Page, headers: HeaderPairs, body: string): Promise<void> {
  await app.getByTestId('lab-paste-toggle').click();
  await app
    .getByTestId('lab-paste-text')
    .fill(`POST /hooks HTTP/1.1\n${headers.map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${body}`);
  await app.getByTestId('lab-paste-apply').click();
  await expect(app.getByTestId('lab-paste')).toHaveCount(0);
}

/** Types a value into the Lab's row for `name`, exactly as given (spaces and tabs kept). */
async function setHeader(app: Page, name: string, value: string): Promise<void> {
  const row = app.getByTestId('lab-header-row').filter({ has: app.locator(`[data-testid="lab-header-name"][value="${name}"]`) });
  await row.getByTestId('lab-header-value').fill(value);
}

async function shoot(app: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width, height });
    await app.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
  }
}

test('padded Slack headers verify in the Lab, and the received signature shows', async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'slack');
  const body = '{"type":"event_callback","event":{"type":"app_mention","text":"hi"}}';
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', 'slack_lab_secret').update(`v0:${timestamp}:${body}`).digest('hex')}`;
  await app.getByTestId('lab-secret').fill('slack_lab_secret');
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['X-Slack-Request-Timestamp', String(timestamp)],
      ['X-Slack-Signature', signature],
    ],
    body,
  );
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-verdict', 'valid');

  await setHeader(app, 'X-Slack-Signature', `   ${signature}\t`);
  await setHeader(app, 'X-Slack-Request-Timestamp', `\t${timestamp}  `);
  await expect(app.getByTestId('lab-header-value').last()).toHaveValue(`   ${signature}\t`);
  const verdict = app.getByTestId('lab-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'valid');
  await expect(verdict).toHaveAttribute('data-reason', 'ok');
  // The comparison reads the value as verification does: no prefix complaint, no shifted digits.
  await expect(app.getByTestId('signature-padding-note')).toBeVisible();
  await expect(app.getByTestId('signature-prefix-note')).toHaveCount(0);
  await expect(app.getByTestId('signature-compare').getByTestId('sig-diff')).toHaveCount(0);
  await expect(app.getByTestId('signature-received')).toContainText(signature.slice(-12));
  await shoot(app, 'lab-padded-valid');
  await expect(app.getByTestId('signature-padding-note')).toBeVisible();

  // Padding does not hide a wrong secret.
  await app.getByTestId('lab-secret').fill('another_secret');
  await expect(verdict).toHaveAttribute('data-reason', 'signature_mismatch');
});

test("a body signed as Python's json.dumps(sort_keys=True) is diagnosed by name", async ({ app }) => {
  await openLab(app);
  await pickScheme(app.getByTestId('lab-scheme'), 'github');
  const body = '{"action":"opened","number":7,"pull_request":{"title":"Café","id":1}}';
  // CPython 3.11: json.dumps(json.loads(body), sort_keys=True)
  const signed = '{"action": "opened", "number": 7, "pull_request": {"id": 1, "title": "Caf\\u00e9"}}';
  const signature = `sha256=${createHmac('sha256', 'gh_lab_secret').update(signed).digest('hex')}`;
  await app.getByTestId('lab-secret').fill('gh_lab_secret');
  await pasteRequest(
    app,
    [
      ['Content-Type', 'application/json'],
      ['X-Hub-Signature-256', ` ${signature} `],
    ],
    body,
  );
  await expect(app.getByTestId('lab-verdict')).toHaveAttribute('data-reason', 'signature_mismatch');
  const item = app.locator('[data-testid="diagnosis-item"][data-code="body_reserialized"]');
  await expect(item).toBeVisible();
  await expect(item).toContainText('json.dumps(payload, sort_keys=True)');
  await expect(item).toContainText('keys sorted');
  await item.scrollIntoViewIfNeeded();
  await shoot(app, 'lab-sorted-keys-diagnosis');
});

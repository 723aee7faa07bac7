import { execFileSync } from 'node:child_process';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint } from '../../src/shared/api';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { hasCommand } from './fixtures/shell';

const needsShellTools = () =>
  test.skip(
    !hasCommand('openssl') || !hasCommand('curl'),
    'openssl or curl is not installed, so the sample command cannot run (.ci/run installs both; the command text itself is unit-tested in sample-command.test.ts)',
  );

test('first run: the generated secret is shown masked, and the sample command the UI shows produces a valid capture', async ({
  app,
  engine,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(engine.ui_url).origin });
  const emptyState = app.getByTestId('empty-state');
  await expect(emptyState).toBeVisible();
  await expect(app.getByTestId('empty-receiver-url')).toHaveText(engine.receiver_url);

  // No detour: a fresh data directory's catch-all already has a secret, so the command is there at once.
  await expect(app.getByTestId('sample-needs-secret')).toHaveCount(0);
  const secret = (await engine.api<{ data: Endpoint }>('GET', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`)).data.secret;
  expect(secret).toMatch(/^webhook_secret_[0-9a-f]{32}$/);

  // Masked on screen (screens get shared), in the secret line and inside the command alike.
  const value = app.getByTestId('empty-secret-value');
  const command = app.getByTestId('sample-command');
  await expect(value).toHaveAttribute('data-revealed', 'false');
  await expect(value).not.toContainText(secret);
  await expect(command).toBeVisible();
  await expect(command).not.toContainText(secret);
  await saveScreenshot(app, 'empty-state');
  await publishScreenshot('empty-state', 'first-run');

  await app.getByTestId('empty-secret-value-reveal').click();
  await expect(value).toHaveText(secret);
  await expect(command).toContainText(secret);
  await expect(command).toContainText('--data-binary');
  await expect(command).toContainText(engine.receiver_url);

  // The copy buttons copy the real values, masked or not.
  await app.getByTestId('empty-secret-value-copy').click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const script = await command.innerText();
  await app.getByTestId('copy-sample-command').click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(script);

  needsShellTools();
  execFileSync('bash', ['-c', script], { stdio: 'pipe', timeout: 15_000 });
  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('project.created');
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
});

test('without a secret the UI says so; a secret set from anywhere brings the command, quoting intact', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: '' });
  await expect(app.getByTestId('sample-needs-secret')).toBeVisible();
  await expect(app.getByTestId('sample-command')).toHaveCount(0);

  // Setting a secret (from anywhere) updates the page live through the event stream.
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: 'whsec_it\'s "quoted" $HOME' });
  const command = app.getByTestId('sample-command');
  await expect(command).toBeVisible();
  await expect(command).toContainText('openssl dgst -sha256 -hmac');
  await app.getByTestId('empty-secret-value-reveal').click();

  needsShellTools();
  execFileSync('bash', ['-c', await command.innerText()], { stdio: 'pipe', timeout: 15_000 });
  await expect(app.getByTestId('capture-row').first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
});

test('“Set a secret” opens the endpoint with its secret field focused', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: '' });
  await app.getByTestId('sample-needs-secret').getByTestId('set-secret').click();
  await expect(app.getByTestId('endpoint-form')).toBeVisible();
  await expect(app.getByTestId('endpoint-secret')).toBeFocused();
});

test('“Change…” next to the generated secret opens the endpoint with its secret field focused', async ({ app }) => {
  await app.getByTestId('empty-secret').getByTestId('change-secret').click();
  await expect(app.getByTestId('endpoint-form')).toBeVisible();
  await expect(app.getByTestId('endpoint-secret')).toBeFocused();
});

import { execFileSync, spawnSync } from 'node:child_process';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';

function hasCommand(name: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

test('the empty state shows the receiver URL and a sample command that produces a valid capture', async ({ app, engine }) => {
  const emptyState = app.getByTestId('empty-state');
  await expect(emptyState).toBeVisible();
  await expect(app.getByTestId('empty-receiver-url')).toHaveText(engine.receiver_url);

  // Without a secret the command cannot be signed; the UI says so instead of showing one.
  await expect(app.getByTestId('sample-needs-secret')).toBeVisible();

  // Setting a secret (from anywhere) updates the page live through the event stream.
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: "whsec_it's \"quoted\" $HOME" });
  const command = app.getByTestId('sample-command');
  await expect(command).toBeVisible();
  await expect(command).toContainText('--data-binary');
  await expect(command).toContainText('openssl dgst -sha256 -hmac');
  await expect(command).toContainText(engine.receiver_url);
  await saveScreenshot(app, 'empty-state');

  test.skip(!hasCommand('openssl') || !hasCommand('curl'), 'openssl or curl is not installed: cannot run the sample command');
  const script = await command.innerText();
  execFileSync('bash', ['-c', script], { stdio: 'pipe', timeout: 15_000 });

  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('project.created');
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
});

test('“Set a secret” opens the endpoint with its secret field focused', async ({ app }) => {
  await app.getByTestId('sample-needs-secret').getByTestId('set-secret').click();
  await expect(app.getByTestId('endpoint-form')).toBeVisible();
  await expect(app.getByTestId('endpoint-secret')).toBeFocused();
});

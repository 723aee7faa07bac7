import { CATCH_ALL_ENDPOINT_ID, type RequestDetail } from '../../src/shared/api';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { replaceEditorText } from './fixtures/monaco';

const SECRET = 'whsec_e2e_compose_secret';

// A model.trained payload as the guide shows it, written by hand: the body must arrive byte for byte.
const MODEL_TRAINED = `{
  "event": "model.trained",
  "data": {
    "id": "model_7700112233",
    "project_id": "proj_1234567890",
    "name": "E2E Churn Model",
    "status": "trained",
    "metrics": { "accuracy": 0.95, "precision": 0.94, "recall": 0.93, "f1": 0.935 },
    "created_at": "2023-01-01T00:00:00Z",
    "updated_at": "2023-01-01T01:00:00Z"
  }
}`;

test.describe('compose and send', () => {
  test.beforeEach(async ({ engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  });

  test('a model.trained event composed in Monaco arrives at the own receiver, valid and byte for byte', async ({ app, engine }) => {
    await app.getByTestId('nav-compose').click();
    await expect(app.getByTestId('compose-page')).toBeVisible();

    // Target defaults to this app's receiver; the catalog lists all 16 event types with descriptions.
    await expect(app.getByTestId('compose-url')).toHaveValue(`${engine.receiver_url}/webhooks/dcisionai`);
    const picker = app.getByTestId('compose-event-type');
    await expect(picker.locator('option')).toHaveCount(16);
    await picker.selectOption('project.created');
    await expect(app.getByTestId('compose-editor')).toContainText('project.created');
    await picker.selectOption('model.trained');
    await expect(app.getByTestId('compose-event-description')).toContainText('A model has completed training');
    await expect(app.getByTestId('compose-editor')).toContainText('"model.trained"');

    // Sign with the receiving endpoint's secret.
    await app.getByTestId('compose-endpoint-secret').selectOption(CATCH_ALL_ENDPOINT_ID);
    await expect(app.getByTestId('compose-secret')).toHaveValue(SECRET);
    await expect(app.getByTestId('compose-scheme')).toHaveAttribute('data-value', 'dcisionai');

    await replaceEditorText(app, app.getByTestId('compose-editor'), MODEL_TRAINED);
    await expect(app.getByTestId('compose-problems')).toHaveAttribute('data-count', '0');

    await app.getByTestId('compose-send').click();
    const result = app.getByTestId('sent-result');
    await expect(result.getByTestId('outcome-badge').first()).toHaveText('200');
    await expect(result.getByTestId('sent-request-body')).toContainText('E2E Churn Model');
    await expect(result.getByTestId('sent-request-headers')).toContainText('X-DcisionAI-Signature');
    await expect(result.getByTestId('sent-response-body')).toContainText('received');
    await saveScreenshot(app, 'compose');

    // Captured as valid, with exactly the edited bytes.
    const page = await engine.listRequests();
    const newest = page.data[0];
    expect(newest?.event).toBe('model.trained');
    expect(newest?.verification.verdict).toBe('valid');
    const detail = (await engine.api<{ data: RequestDetail }>('GET', `/requests/${newest?.id}`)).data;
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').toString('utf8')).toBe(MODEL_TRAINED);

    await app.getByTestId('nav-inspector').click();
    const row = app.getByTestId('capture-row').first();
    await expect(row).toContainText('model.trained');
    await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await row.click();
    await expect(app.getByTestId('conformance-badge')).toHaveAttribute('data-ok', 'true');
  });

  test('a schema violation shows a marker in the editor and conformance issues in the Inspector', async ({ app }) => {
    await app.getByTestId('nav-compose').click();
    await expect(app.getByTestId('compose-editor')).toContainText('"model.trained"');
    const broken = MODEL_TRAINED.replace('"accuracy": 0.95', '"accuracy": "high"').replace('    "project_id": "proj_1234567890",\n', '');
    await replaceEditorText(app, app.getByTestId('compose-editor'), broken);

    const problems = app.getByTestId('compose-problems');
    await expect(problems.getByTestId('problem').first()).toBeVisible();
    await expect(problems).toContainText('project_id');
    await expect(problems).toContainText('number');
    await expect(app.getByTestId('compose-editor').locator('.squiggly-error').first()).toBeAttached();
    await saveScreenshot(app, 'compose-schema-violation');

    // Sent anyway (testing a receiver with bad data is legitimate): the Inspector names the issues.
    await app.getByTestId('compose-send').click();
    await expect(app.getByTestId('sent-result').getByTestId('outcome-badge').first()).toHaveText('200');
    await app.getByTestId('nav-inspector').click();
    await app.getByTestId('capture-row').first().click();
    await expect(app.getByTestId('conformance-badge')).toHaveAttribute('data-ok', 'false');
    const issues = app.getByTestId('conformance-issues');
    await expect(issues).toContainText('data.project_id');
    await expect(issues).toContainText('data.metrics.accuracy');
  });

  test('a timestamp in the past is rejected by the receiver’s tolerance; the history sends again', async ({ app, engine }) => {
    await app.getByTestId('nav-compose').click();
    await expect(app.getByTestId('compose-editor')).toContainText('"model.trained"');
    await app.getByTestId('compose-timestamp-mode').selectOption('past');
    await app.getByTestId('compose-timestamp-value').fill('900');
    await app.getByTestId('compose-send').click();
    await expect(app.getByTestId('sent-result').getByTestId('outcome-badge').first()).toHaveText('200');
    await expect.poll(async () => (await engine.listRequests()).data[0]?.verification.reason).toBe('timestamp_expired');

    await app.getByTestId('tab-sent').click();
    await expect(app.getByTestId('sent-row')).toHaveCount(1);
    await app.getByTestId('sent-row-again').first().click();
    await expect(app.getByTestId('sent-result')).toBeVisible();
    await app.getByTestId('tab-sent').click();
    await expect(app.getByTestId('sent-row')).toHaveCount(2);
    await expect(app.getByTestId('sent-row').first()).toContainText('again: sent #');

    await saveScreenshot(app, 'sent-history');
    // The history can be pruned: one row, then (after a confirmation) all of it.
    const resendId = await app.getByTestId('sent-row').first().getAttribute('data-sent-id');
    await app.getByTestId('sent-row-delete').first().click();
    await expect(app.getByTestId('sent-row')).toHaveCount(1);
    await expect(app.locator(`[data-testid="sent-row"][data-sent-id="${resendId}"]`)).toHaveCount(0);
    app.once('dialog', (dialog) => void dialog.dismiss());
    await app.getByTestId('sent-clear').click();
    await expect(app.getByTestId('sent-row')).toHaveCount(1);
    app.once('dialog', (dialog) => void dialog.accept());
    await app.getByTestId('sent-clear').click();
    await expect(app.getByTestId('sent-empty')).toContainText('Nothing sent yet');
    await expect(app.getByTestId('tab-sent')).toHaveText('Sent');
  });

  test('a send to a closed port says what failed in words', async ({ app }) => {
    await app.getByTestId('nav-compose').click();
    await app.getByTestId('compose-url').fill('http://127.0.0.1:9/hooks');
    await app.getByTestId('compose-send').click();
    const failure = app.getByTestId('sent-error');
    await expect(failure).toHaveAttribute('data-code', 'connection_refused');
    await expect(failure).not.toBeEmpty();
    await expect(app.getByTestId('sent-result').getByTestId('outcome-badge').first()).toHaveAttribute('data-tone', 'bad');
  });
});

test.afterAll(async () => {
  await publishScreenshot('compose');
});

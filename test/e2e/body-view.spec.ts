import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_body_view';

test('the body shows in Monaco: pretty JSON view and the exact raw bytes', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  // A few captures of different kinds, so the list (and the screenshot) looks like real use.
  const events: Array<[string, string, string]> = [
    ['dataset.processed', 'ds_42', SECRET],
    ['model.deployed', 'model_7', SECRET],
    ['prediction.completed', 'pred_9', 'wrong-secret'],
    ['model.trained', 'model_3', SECRET],
  ];
  for (const [event, id, secret] of events) {
    await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', secret, sampleEvent(event, id));
  }
  await sendSignedWebhook(engine.receiver_url, '/webhooks/dcisionai', SECRET, sampleEvent('project.created', 'proj_monaco_body'));
  await expect(app.getByTestId('capture-row')).toHaveCount(5);

  const row = app.getByTestId('capture-row').first();
  await expect(row).toContainText('project.created');
  await row.click();

  const editor = app.getByTestId('body-editor');
  await expect(editor).toHaveAttribute('data-tab', 'pretty');
  const lines = editor.locator('.monaco-editor .view-lines');
  await expect(lines).toContainText('proj_monaco_body');
  // Pretty view: one key per line.
  await expect(lines).toContainText('"event"');

  await app.getByTestId('body-tab-raw').click();
  await expect(editor).toHaveAttribute('data-tab', 'raw');
  await expect(lines).toContainText('{"event":"project.created"');

  await app.getByTestId('body-tab-hex').click();
  await expect(lines).toContainText('00000000');

  await app.getByTestId('body-tab-pretty').click();
  await expect(lines).toContainText('proj_monaco_body');
  await expect(app.getByTestId('headers')).toContainText('X-DcisionAI-Signature');

  await saveScreenshot(app, 'inspector');
  await publishScreenshot('inspector');
});

test('binary bodies open in Hex, and invisible characters in the signed content are made visible', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  // Windows line endings, a tab and a trailing space: the classic ways a "same" body differs.
  const textBody = Buffer.from('{"event":"model.updated",\r\n\t"data":{"id":"m1"}} ', 'utf8');
  await sendSignedWebhook(engine.receiver_url, '/text', SECRET, textBody);
  await expect(app.getByTestId('capture-row')).toHaveCount(1);
  await app.getByTestId('capture-row').first().click();
  // A valid capture's verification starts folded (the summary line says "valid"): unfold it.
  await expect(app.getByTestId('verification')).toHaveAttribute('data-open', 'false');
  await app.getByTestId('verification-toggle').click();
  const signed = app.getByTestId('signed-content');
  await expect(signed).toContainText('\\r');
  await expect(signed).toContainText('\\n');
  await expect(signed).toContainText('\\t');
  await expect(signed.getByTestId('invisible-char')).toHaveCount(4); // \r, \n, \t, trailing space

  const binaryBody = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x41, 0x42, 0x43]);
  await sendSignedWebhook(engine.receiver_url, '/binary', SECRET, binaryBody);
  await expect(app.getByTestId('capture-row')).toHaveCount(2);
  await app.getByTestId('capture-row').first().click();
  const editor = app.getByTestId('body-editor');
  await expect(editor).toHaveAttribute('data-tab', 'hex');
  await expect(app.getByTestId('body-tab-pretty')).toBeDisabled();
  await expect(editor.locator('.monaco-editor .view-lines')).toContainText('00 ff fe 10');
});

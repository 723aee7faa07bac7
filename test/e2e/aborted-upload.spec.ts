import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import { expect, saveScreenshot, test } from './fixtures/test';
import { sampleEvent, sendCutUpload } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_aborted_secret';

test('an upload the sender cut short is listed as aborted, with the bytes that arrived and no response', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  const body = sampleEvent('project.created', 'proj_cut');
  await sendCutUpload(engine.receiver_url, '/webhooks/dcisionai', SECRET, body, 40);

  const row = app.getByTestId('capture-row').first();
  await expect(row.getByTestId('aborted-flag')).toHaveText('aborted');
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-reason', 'signature_mismatch');
  await row.click();

  await expect(app.getByTestId('aborted-note')).toContainText('sent no response');
  const overview = app.getByTestId('overview');
  await expect(overview).toContainText('not sent: the sender closed the connection (the endpoint would have answered 200)');
  await expect(overview).toContainText('40 bytes) — incomplete: the upload was cut short');
  // The diagnosis names the cut first, not a wrong secret.
  await expect(app.getByTestId('diagnosis-item').first()).toHaveAttribute('data-code', 'body_incomplete');
  await expect(app.getByTestId('diagnosis-item').first()).toContainText(
    `after 40 bytes of the body, of the ${body.length} its Content-Length announced`,
  );
  await saveScreenshot(app, 'aborted-upload');
});

import { readFile } from 'node:fs/promises';
import { expect, saveScreenshot, test } from './fixtures/test';

/** A multi-MB compact JSON event, as an export webhook sends it. */
function bigJson(targetBytes: number): Buffer {
  const records: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i += 1) {
    const record = JSON.stringify({ id: `rec_${String(i).padStart(7, '0')}`, score: i % 97, note: 'café ✓ — exact bytes' });
    records.push(record);
    size += record.length + 1;
  }
  return Buffer.from(`{"event":"dataset.processed","data":{"id":"ds_large","records":[${records.join(',')}]}}`, 'utf8');
}

async function send(receiverUrl: string, path: string, body: Buffer, contentType: string): Promise<void> {
  const response = await fetch(`${receiverUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: new Uint8Array(body),
  });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
}

test('a 5 MB body opens in the windowed view: Pretty, Raw and Hex, Save gives the exact bytes, Copy the text', async ({ app, engine }) => {
  const body = bigJson(5 * 1024 * 1024);
  await send(engine.receiver_url, '/webhooks/export', body, 'application/json');
  await expect(app.getByTestId('capture-row')).toHaveCount(1);
  await app.getByTestId('capture-row').first().click();

  const view = app.getByTestId('body-editor');
  await expect(view).toHaveAttribute('data-view', 'windowed');
  await expect(view).toHaveAttribute('data-tab', 'pretty');
  const windowed = app.getByTestId('body-windowed');
  await expect(windowed).toHaveAttribute('data-ready', 'true');
  // The first screen: one key per line, literals exactly as sent.
  await expect(windowed).toContainText('"event": "dataset.processed",');
  await expect(windowed).toContainText('"id": "rec_0000000",');
  await expect(app.getByTestId('body-windowed-note')).toContainText('Large body');

  // Scrolling to the end shows the last record and the closing brackets, the rows asked of the worker on demand.
  await windowed.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(windowed).toContainText('"note": "café ✓ — exact bytes"');
  await expect(windowed.getByTestId('windowed-row').last()).toContainText('}');

  await app.getByTestId('body-tab-raw').click();
  await expect(view).toHaveAttribute('data-tab', 'raw');
  await expect(app.getByTestId('body-windowed')).toContainText('{"event":"dataset.processed","data":{"id":"ds_large"');

  await app.getByTestId('body-tab-hex').click();
  await expect(view).toHaveAttribute('data-tab', 'hex');
  await expect(app.getByTestId('body-windowed')).toContainText(
    '00000000  7b 22 65 76 65 6e 74 22  3a 22 64 61 74 61 73 65  |{"event":"datase|',
  );

  await app.getByTestId('body-tab-pretty').click();
  await expect(app.getByTestId('body-windowed')).toContainText('"event": "dataset.processed",');
  await saveScreenshot(app, 'large-body');

  // Save: the exact bytes, under a name with the capture's id.
  const downloadStarted = app.waitForEvent('download');
  await app.getByTestId('body-save').click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^capture-\d+-body\.json$/);
  const saved = await readFile(await download.path());
  expect(saved.equals(body)).toBe(true);

  // Copy: the whole body as text.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = app.getByTestId('body-copy');
  await expect(copy).toHaveAttribute('title', /as text/);
  await copy.click();
  await expect(copy).toHaveText('Copied');
  const copied = await app.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBe(body.toString('utf8').length);
  expect(copied === body.toString('utf8')).toBe(true);
});

test('a small binary body: Save gives the exact bytes, Copy gives base64 and says so', async ({ app, engine }) => {
  const body = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x41, 0x42, 0x43, 0x0d, 0x0a]);
  await send(engine.receiver_url, '/binary', body, 'application/octet-stream');
  await app.getByTestId('capture-row').first().click();
  await expect(app.getByTestId('body-editor')).toHaveAttribute('data-view', 'editor');
  await expect(app.getByTestId('body-editor')).toHaveAttribute('data-tab', 'hex');

  const downloadStarted = app.waitForEvent('download');
  await app.getByTestId('body-save').click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^capture-\d+-body\.bin$/);
  expect((await readFile(await download.path())).equals(body)).toBe(true);

  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = app.getByTestId('body-copy');
  await expect(copy).toHaveText('Copy base64');
  await expect(copy).toHaveAttribute('title', /base64/);
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(body.toString('base64'));
});

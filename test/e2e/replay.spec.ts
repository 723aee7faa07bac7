import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type RequestDetail } from '../../src/shared/api';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { replaceEditorText } from './fixtures/monaco';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const SECRET = 'whsec_e2e_replay_secret';
const PATH = '/webhooks/dcisionai';

const EDITED = `{
  "event": "project.created",
  "data": {
    "id": "proj_5550001111",
    "name": "Edited in Monaco",
    "description": null,
    "created_at": "2023-01-01T00:00:00Z",
    "updated_at": "2023-01-01T00:00:00Z"
  }
}`;

test.describe('replay, compare, export', () => {
  test.beforeEach(async ({ engine }) => {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  });

  test('a capture edited in Monaco and re-signed arrives as a new valid capture with the edited body', async ({ app, engine }) => {
    expect(await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('project.created', 'proj_original'))).toBe(200);
    await app.getByTestId('capture-row').first().click();
    await expect(app.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', '1');

    await app.getByTestId('replay-open').click();
    const dialog = app.getByTestId('replay-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('replay-mode-edited').check();
    await expect(dialog.getByTestId('replay-editor')).toContainText('proj_original');
    await replaceEditorText(app, dialog.getByTestId('replay-editor'), EDITED);
    await expect(dialog.getByTestId('replay-problems')).toHaveAttribute('data-count', '0');
    await expect(dialog.getByTestId('replay-target-own')).toBeChecked();

    await dialog.getByTestId('replay-send').click();
    const result = dialog.getByTestId('replay-result');
    await expect(result.getByTestId('outcome-badge').first()).toHaveText('200');
    await expect(result.getByTestId('sent-request-body')).toContainText('Edited in Monaco');
    await saveScreenshot(app, 'replay');

    // The new capture shows live behind the dialog.
    await dialog.getByTestId('replay-dialog-close').click();
    await expect(app.getByTestId('capture-row')).toHaveCount(2);
    const newest = app.getByTestId('capture-row').first();
    await expect(newest).toHaveAttribute('data-capture-id', '2');
    await expect(newest.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await newest.click();
    await expect(app.getByTestId('body')).toContainText('Edited in Monaco');
    const detail = (await engine.api<{ data: RequestDetail }>('GET', '/requests/2')).data;
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').toString('utf8')).toBe(EDITED);
    expect(detail.verification.verdict).toBe('valid');
  });

  test('as-is replays the original bytes and old signature; the Sent history lists it', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('model.trained', 'model_asis'));
    await app.getByTestId('capture-row').first().click();
    await app.getByTestId('replay-open').click();
    const dialog = app.getByTestId('replay-dialog');
    await dialog.getByTestId('replay-mode-as-is').check();
    await dialog.getByTestId('replay-send').click();
    await expect(dialog.getByTestId('replay-result').getByTestId('outcome-badge').first()).toHaveText('200');
    // It carries the capture's signature: not "unsigned".
    await expect(dialog.getByTestId('replay-result').getByTestId('sent-signing')).toHaveText('original signature kept');
    // Another mode starts without the previous mode's result.
    await dialog.getByTestId('replay-mode-resign').check();
    await expect(dialog.getByTestId('replay-result')).toHaveCount(0);
    await dialog.getByTestId('replay-dialog-close').click();

    const [original, replayed] = await Promise.all([
      engine.api<{ data: RequestDetail }>('GET', '/requests/1'),
      engine.api<{ data: RequestDetail }>('GET', '/requests/2'),
    ]);
    expect(replayed.data.body_base64).toBe(original.data.body_base64);
    const signature = (detail: RequestDetail) => detail.headers.find(([name]) => name.toLowerCase() === 'x-dcisionai-signature')?.[1];
    expect(signature(replayed.data)).toBe(signature(original.data));

    await app.getByTestId('nav-compose').click();
    await app.getByTestId('tab-sent').click();
    await expect(app.getByTestId('sent-row').first()).toContainText('replay as-is of #1');
  });

  test('two captures compare in Monaco’s diff editor', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('dataset.created', 'ds_left'));
    await sendSignedWebhook(engine.receiver_url, `${PATH}?attempt=2`, 'another-secret', sampleEvent('dataset.updated', 'ds_right'));
    await expect(app.getByTestId('capture-row')).toHaveCount(2);

    await app.locator('[data-testid="capture-row"][data-capture-id="1"]').click();
    await app.getByTestId('compare-mark').click();
    await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
    await app.getByTestId('compare-with').click();

    const dialog = app.getByTestId('diff-dialog');
    await expect(dialog).toContainText('Capture #1 ↔ Capture #2');
    const editor = dialog.getByTestId('diff-editor');
    await expect(editor.locator('.monaco-diff-editor')).toBeVisible();
    await expect(editor.locator('.char-insert, .line-insert').first()).toBeAttached();
    await expect(editor).toContainText('ds_right');
    await saveScreenshot(app, 'diff');
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('copy as cURL, export HAR, import HAR', async ({ app, engine }, testInfo) => {
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('prediction.completed', 'pred_export'));
    await app.getByTestId('capture-row').first().click();

    await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.getByTestId('copy-curl').click();
    await expect(app.getByTestId('notice').filter({ hasText: 'cURL' })).toBeVisible();
    const command = await app.evaluate(() => navigator.clipboard.readText());
    expect(command).toContain('--data-binary');
    expect(command).toContain('pred_export');

    const downloadPromise = app.waitForEvent('download');
    await app.getByTestId('export-har').click();
    const download = await downloadPromise;
    const harPath = testInfo.outputPath('capture.har');
    await download.saveAs(harPath);
    const har = JSON.parse(await readFile(harPath, 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(1);

    await app.getByTestId('import-har-file').setInputFiles(harPath);
    await expect(app.getByTestId('notice').filter({ hasText: 'Imported 1 request' })).toBeVisible();
    await expect(app.getByTestId('capture-row')).toHaveCount(2);
  });

  test('compare puts the older capture left whichever was marked first; the chip clears the mark', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('dataset.created', 'ds_old'));
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('dataset.updated', 'ds_new'));
    await expect(app.getByTestId('capture-row')).toHaveCount(2);

    // Mark the newer one first.
    await app.locator('[data-testid="capture-row"][data-capture-id="2"]').click();
    await app.getByTestId('compare-mark').click();
    await app.locator('[data-testid="capture-row"][data-capture-id="1"]').click();
    await expect(app.getByTestId('compare-with')).toHaveText('⇄ capture #2');
    await app.getByTestId('compare-with').click();
    const dialog = app.getByTestId('diff-dialog');
    await expect(dialog).toContainText('Capture #1 ↔ Capture #2');
    await expect(dialog.getByTestId('diff-sides')).toContainText('Left (older): Capture #1');
    await expect(dialog.getByTestId('diff-sides')).toContainText('right (newer): Capture #2');
    await app.keyboard.press('Escape');

    await app.getByTestId('compare-clear').click();
    await expect(app.getByTestId('compare-with')).toHaveCount(0);
    await expect(app.getByTestId('compare-mark')).toHaveText('Compare…');
  });

  test('an imported capture from another day shows its date and an imported tag', async ({ app, engine }) => {
    await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('prediction.completed', 'pred_old'));
    const response = await fetch(`${engine.ui_url.replace(/\/$/, '')}/api/requests/export.har?ids=1`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    expect(response.status).toBe(200);
    const har = (await response.json()) as { log: { entries: Array<{ startedDateTime: string }> } };
    for (const entry of har.log.entries) entry.startedDateTime = '2024-01-05T10:00:00.000Z';
    await engine.api('POST', '/requests/import', har);

    await expect(app.getByTestId('capture-row')).toHaveCount(2);
    const imported = app.locator('[data-testid="capture-row"][data-capture-id="2"]');
    await expect(imported.getByTestId('cell-time')).toHaveText(/^01-0[45] \d\d:\d\d:\d\d$/);
    await imported.click();
    await expect(app.getByTestId('detail-imported-tag')).toBeVisible();
    await expect(app.getByTestId('imported-note')).toContainText('HAR file');
    await expect(app.getByTestId('overview')).toContainText('Imported');
    await saveScreenshot(app, 'imported-capture');
  });

  test('a forwarding endpoint shows both sides: the capture and the target’s answer', async ({ app, engine }) => {
    const target: Server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ handled_by: 'dev-server', path: request.url }));
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const port = (target.address() as AddressInfo).port;
    try {
      await app.getByTestId('nav-endpoints').click();
      await app.locator(`[data-testid="endpoint-item"][data-endpoint-id="${CATCH_ALL_ENDPOINT_ID}"]`).click();
      await app.getByTestId('endpoint-forward-to').fill(`http://127.0.0.1:${port}/dev`);
      await expect(app.getByTestId('endpoint-forward-timeout')).toHaveValue('30');
      await app.getByTestId('endpoint-forward-timeout').fill('later');
      await app.getByTestId('save-endpoint').click();
      await expect(app.getByText('The forwarding timeout is a number of seconds from 0.001 to 300.')).toBeVisible();
      await saveScreenshot(app, 'endpoint-forward-timeout-error');
      await app.getByTestId('endpoint-forward-timeout').fill('2.5');
      await app.getByTestId('save-endpoint').click();
      await expect(app.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
      const saved = await engine.api<{ data: Endpoint }>('GET', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`);
      expect(saved.data).toMatchObject({ forward_to: `http://127.0.0.1:${port}/dev`, forward_timeout_ms: 2500 });

      expect(await sendSignedWebhook(engine.receiver_url, PATH, SECRET, sampleEvent('model.deployed', 'model_fwd'))).toBe(201);
      await app.getByTestId('nav-inspector').click();
      await app.getByTestId('capture-row').first().click();
      const forward = app.getByTestId('forward');
      await expect(forward.getByTestId('forward-url')).toHaveText(`http://127.0.0.1:${port}/dev${PATH}`);
      await expect(forward.getByTestId('outcome-badge')).toHaveText('201');
      await expect(forward.getByTestId('forward-response-body')).toContainText('dev-server');
      await saveScreenshot(app, 'forward');
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

test.afterAll(async () => {
  await publishScreenshot('replay');
});

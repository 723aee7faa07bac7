import { createHmac } from 'node:crypto';
import { expect, saveScreenshot, test } from './fixtures/test';

test('a signature sent without its sha256= prefix lines up with the expected one and wraps', async ({ app, engine }) => {
  await app.setViewportSize({ width: 1024, height: 700 });
  const secret = 'gh-secret';
  await engine.api('POST', '/endpoints', {
    name: 'GitHub',
    path: '/github',
    scheme: 'github',
    secret,
    tolerance_seconds: 300,
    enforce: false,
    response: { status: 200, headers: {}, body: '', delay_ms: 0 },
    forward_to: null,
  });
  const body = '{"zen":"Keep it logically awesome."}';
  const digest = createHmac('sha256', secret).update(body).digest('hex');
  const sent = await fetch(`${engine.receiver_url}/github/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Hub-Signature-256': digest, 'X-GitHub-Event': 'ping' },
    body,
  });
  expect(sent.status).toBe(200);

  await app.getByTestId('capture-row').first().click();
  const compare = app.getByTestId('signature-compare');
  await expect(compare).toBeVisible();
  // Only the prefix differs: not one digest character is marked.
  await expect(compare.getByTestId('signature-prefix-note')).toContainText('lacks the “sha256=” prefix');
  await expect(compare.getByTestId('sig-diff')).toHaveCount(0);
  await expect(compare.getByTestId('signature-received')).toContainText(digest);
  // Wrapped, not clipped or scrolled sideways.
  const overflow = await compare.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const diagnosis = app.getByTestId('diagnosis');
  expect(await diagnosis.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  await app.getByTestId('verification').scrollIntoViewIfNeeded();
  await saveScreenshot(app, 'signature-compare-prefix');
});

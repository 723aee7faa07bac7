import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import type { Endpoint } from '../../src/shared/api';
import { startEngine } from './fixtures/engine';
import { expect, test } from './fixtures/test';
import { pickScheme } from './fixtures/scheme-picker';

const SHOTS = '/tmp/shots-handshakes';
const CHALLENGE = '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P';
const ARN = 'arn:aws:sns:us-east-1:123456789012:Orders:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55';

test('a handshake is answered, labelled in the list and explained in the detail; the switch turns it off; SNS is confirmed on click', async ({
  page,
}) => {
  // A fake SNS on loopback, which the engine may visit only because of HOOKSCOPE_SNS_ALLOW_LOCAL.
  const visits: string[] = [];
  const sns = createServer((req, res) => {
    visits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<ConfirmSubscriptionResponse><ConfirmSubscriptionResult><SubscriptionArn>${ARN}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
    );
  });
  await new Promise<void>((resolve) => sns.listen(0, '127.0.0.1', resolve));
  const engine = await startEngine({ env: { HOOKSCOPE_SNS_ALLOW_LOCAL: '1' } });
  try {
    await mkdir(SHOTS, { recursive: true });
    const slack = (
      await engine.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Slack', path: '/slack', scheme: 'slack', secret: 'slack-secret' })
    ).data;
    const verification = JSON.stringify({ token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl', challenge: CHALLENGE, type: 'url_verification' });
    // Signed as Slack signs it, so the capture is also valid.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signed = {
      'content-type': 'application/json',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${createHmac('sha256', 'slack-secret').update(`v0:${timestamp}:${verification}`).digest('hex')}`,
    };
    const answered = await fetch(`${engine.receiver_url}/slack/events`, { method: 'POST', headers: signed, body: verification });
    expect(await answered.text()).toBe(CHALLENGE);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(engine.launch_url);
    const row = page.getByTestId('capture-row').first();
    await expect(row.getByTestId('handshake-flag')).toHaveText('handshake');
    await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await row.click();
    await expect(page.getByTestId('handshake-name')).toHaveText('Slack url_verification');
    await expect(page.getByTestId('handshake-status')).toContainText('200');
    await expect(page.getByTestId('handshake-body')).toContainText(CHALLENGE);
    await expect(page.getByTestId('handshake-unsigned')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/handshake-detail-1440.png` });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: `${SHOTS}/handshake-detail-1024.png` });

    // The search finds handshakes by their flag.
    await page.getByTestId('search-input').fill('is:handshake');
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('capture-row')).toHaveCount(1);
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('search-input').press('Enter');

    // Switched off in the endpoint form, the same request gets the configured response.
    await page.getByTestId('nav-endpoints').click();
    await page.locator(`[data-testid="endpoint-item"][data-endpoint-id="${slack.id}"]`).click();
    const form = page.getByTestId('endpoint-form');
    await expect(form.getByTestId('endpoint-answer-handshakes')).toBeChecked();
    await pickScheme(form.getByTestId('endpoint-scheme'), 'meta');
    await expect(form.getByTestId('endpoint-verify-token')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/endpoint-form-1024.png` });
    await pickScheme(form.getByTestId('endpoint-scheme'), 'slack');
    await form.getByTestId('endpoint-answer-handshakes').uncheck();
    await form.getByTestId('save-endpoint').click();
    await expect(page.getByTestId('notice').filter({ hasText: 'Saved endpoint' })).toBeVisible();
    expect((await engine.api<{ data: Endpoint }>('GET', `/endpoints/${slack.id}`)).data.answer_handshakes).toBe(false);
    const plain = await fetch(`${engine.receiver_url}/slack/events`, { method: 'POST', headers: signed, body: verification });
    expect(await plain.text()).toBe('{"received": true}');

    // SNS: the confirmation is shown with a button; nothing is visited before the click.
    const subscribeUrl = `http://127.0.0.1:${(sns.address() as AddressInfo).port}/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:Orders&Token=2336412f37fb687f`;
    await fetch(`${engine.receiver_url}/sns`, {
      method: 'POST',
      headers: { 'x-amz-sns-message-type': 'SubscriptionConfirmation', 'content-type': 'text/plain; charset=UTF-8' },
      body: JSON.stringify({
        Type: 'SubscriptionConfirmation',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:Orders',
        Message: 'You have chosen to subscribe.',
        SubscribeURL: subscribeUrl,
      }),
    });
    await page.getByTestId('nav-inspector').click();
    const snsRow = page.getByTestId('capture-row').first();
    await expect(snsRow).toContainText('/sns');
    await expect(page.getByTestId('capture-row').nth(1).getByTestId('handshake-flag')).toHaveCount(0);
    await snsRow.click();
    await expect(page.getByTestId('sns-subscribe-url')).toHaveText(subscribeUrl);
    expect(visits).toEqual([]);
    await page.getByTestId('sns-confirm-button').click();
    await expect(page.getByTestId('sns-confirm-result')).toContainText(`Confirmed: AWS answered 200 with ${ARN}`);
    expect(visits).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}/sns-confirm-1024.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${SHOTS}/sns-confirm-1440.png` });
  } finally {
    await engine.stop();
    sns.close();
  }
});

test("Asana's X-Hook-Secret is echoed, and one click makes it the endpoint's secret", async ({ app, engine }) => {
  const asana = (await engine.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Asana', path: '/asana', scheme: 'asana' })).data;
  const secret = 'b537207f20cbfa02357cf448134da559';
  const answered = await fetch(`${engine.receiver_url}/asana`, { method: 'POST', headers: { 'X-Hook-Secret': secret } });
  expect(answered.headers.get('x-hook-secret')).toBe(secret);
  // The first event, signed with that secret, cannot be verified yet.
  const event = '{"events":[{"action":"changed","resource":{"gid":"1199","resource_type":"task"}}]}';
  await fetch(`${engine.receiver_url}/asana`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Hook-Signature': createHmac('sha256', secret).update(event).digest('hex') },
    body: event,
  });
  await expect(app.getByTestId('capture-row').first().getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'unverifiable');

  await app.getByTestId('capture-row').nth(1).click();
  await expect(app.getByTestId('handshake-secret')).toHaveText(secret);
  await app.getByTestId('handshake-use-secret').click();
  await expect(app.getByTestId('notice').filter({ hasText: 'now verifies with Asana' })).toBeVisible();
  await expect(app.getByTestId('handshake-use-secret')).toHaveCount(0);
  // Verified with the secret now, the handshake itself is found unsigned, as Asana sends it.
  await expect(app.getByTestId('handshake-unsigned')).toContainText('not signed');
  expect((await engine.api<{ data: Endpoint }>('GET', `/endpoints/${asana.id}`)).data.secret).toBe(secret);
  // Stored captures were re-verified with it: the event is valid now.
  await app.getByTestId('capture-row').first().click();
  await expect(app.getByTestId('detail-summary').getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  await app.getByTestId('capture-row').nth(1).click();
  await app.screenshot({ path: `${SHOTS}/asana-secret-1440.png` });
});

// Compose's provider samples, end to end: chosen in the UI, sent by the real engine to its own
// receiver, verified there by an endpoint set up as that provider; each provider's SDK (where one
// is installed) checks the captured request too.
import { createHmac } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import type { Page } from '@playwright/test';
import Stripe from 'stripe';
import { CATCH_ALL_ENDPOINT_ID, type RequestDetail } from '../../src/shared/api';
import { findProviderSample } from '../../src/shared/provider-samples';
import type { RunningEngine } from './fixtures/engine';
import { expect, saveScreenshot, test } from './fixtures/test';

const stripe = new Stripe('sk_test_oracle_only');
const header = (detail: RequestDetail, name: string) => detail.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
const bodyOf = (detail: RequestDetail) => Buffer.from(detail.body_base64 ?? '', 'base64');

async function openCompose(app: Page): Promise<void> {
  await app.getByTestId('nav-compose').click();
  await expect(app.getByTestId('compose-editor')).toContainText('"model.trained"');
}

/** Chooses a provider sample in the Sample mode and waits for “Sign as” to follow it. */
async function chooseSample(app: Page, name: string, scheme: string): Promise<void> {
  await app.getByTestId('body-mode-sample').click();
  await app.getByTestId('compose-sample').selectOption(name);
  await expect(app.getByTestId('compose-scheme')).toHaveAttribute('data-value', scheme);
}

/** Sends the draft and returns the capture it made, after the Inspector row shows `event` and `verdict`. */
async function sendAndCapture(app: Page, engine: RunningEngine, event: string | null): Promise<RequestDetail> {
  await app.getByTestId('compose-send').click();
  await expect(app.getByTestId('sent-result').getByTestId('outcome-badge').first()).toHaveText('200');
  const newest = (await engine.listRequests()).data[0];
  expect(newest?.verification.verdict, `reason: ${newest?.verification.reason}`).toBe('valid');
  expect(newest?.event ?? null).toBe(event);
  await app.getByTestId('nav-inspector').click();
  const row = app.getByTestId('capture-row').first();
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
  if (event) await expect(row).toContainText(event);
  return (await engine.api<{ data: RequestDetail }>('GET', `/requests/${newest?.id}`)).data;
}

test("the Stripe sample, signed with the secret typed before, is valid at an endpoint set up as Stripe and passes Stripe's SDK", async ({
  app,
  engine,
}) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'stripe', secret: 'whsec_compose_samples' });
  await openCompose(app);
  await app.getByTestId('compose-secret').fill('whsec_compose_samples');

  await app.getByTestId('body-mode-sample').click();
  await expect(app.getByTestId('compose-sample')).toHaveValue('stripe:payment_intent.succeeded');
  await expect(app.getByTestId('compose-scheme')).toHaveAttribute('data-value', 'stripe');
  await expect(app.getByTestId('compose-secret')).toHaveValue('whsec_compose_samples');
  await expect(app.getByTestId('compose-headers')).toHaveValue(
    'Content-Type: application/json; charset=utf-8\nUser-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  );
  await expect(app.getByTestId('compose-sample-description')).toContainText('A PaymentIntent was paid.');
  await expect(app.getByTestId('compose-editor')).toContainText('"payment_intent.succeeded"');
  await expect(app.getByTestId('compose-problems')).toHaveAttribute('data-count', '0');
  await expect(app.getByTestId('compose-emit')).toHaveCount(0);

  const detail = await sendAndCapture(app, engine, 'payment_intent.succeeded');
  const sample = findProviderSample('stripe', 'payment_intent.succeeded');
  expect(bodyOf(detail).toString('utf8')).toBe(sample?.body);
  expect(header(detail, 'content-type')).toBe('application/json; charset=utf-8');
  expect(header(detail, 'user-agent')).toMatch(/^Stripe\//);
  const event = stripe.webhooks.constructEvent(bodyOf(detail), header(detail, 'stripe-signature'), 'whsec_compose_samples');
  expect(event.type).toBe('payment_intent.succeeded');
  expect(() => stripe.webhooks.constructEvent(bodyOf(detail), header(detail, 'stripe-signature'), 'whsec_other')).toThrow();
});

test('the GitHub pull_request sample carries X-GitHub-Event and a fresh delivery id, valid here and for @octokit/webhooks-methods', async ({
  app,
  engine,
}) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'github', secret: 'gh-compose-samples' });
  await openCompose(app);
  await chooseSample(app, 'github:pull_request.opened', 'github');
  await expect(app.getByTestId('compose-headers')).toHaveValue(/X-GitHub-Event: pull_request\n/);
  const delivery = async () => /X-GitHub-Delivery: (\S+)/.exec(await app.getByTestId('compose-headers').inputValue())?.[1];
  const first = await delivery();
  await app.getByTestId('compose-fresh-sample').click();
  expect(await delivery()).not.toBe(first);
  await app.getByTestId('compose-secret').fill('gh-compose-samples');
  await saveScreenshot(app, 'compose-sample-github');
  const sentDelivery = await delivery();

  const detail = await sendAndCapture(app, engine, 'pull_request.opened');
  expect(header(detail, 'x-github-event')).toBe('pull_request');
  expect(header(detail, 'x-github-delivery')).toBe(sentDelivery);
  expect(await octokitVerify('gh-compose-samples', bodyOf(detail).toString('utf8'), header(detail, 'x-hub-signature-256'))).toBe(true);
  expect(await octokitVerify('gh-other', bodyOf(detail).toString('utf8'), header(detail, 'x-hub-signature-256'))).toBe(false);
});

test('the Discord sample signs with a generated key pair: the endpoint holding its public key finds it valid, and so does discord-interactions', async ({
  app,
  engine,
}) => {
  await openCompose(app);
  await app.getByTestId('compose-secret').fill('an-hmac-secret');
  await chooseSample(app, 'discord:APPLICATION_COMMAND', 'discord');
  // An HMAC secret cannot sign Ed25519: it is dropped, and sending without a key says what to do.
  await expect(app.getByTestId('compose-secret')).toHaveValue('');
  await app.getByTestId('compose-send').click();
  await expect(app.getByTestId('compose-page')).toContainText('Enter the secret to sign with');

  await app.getByTestId('compose-generate-keypair').click();
  const publicKey = app.getByTestId('compose-public-key');
  await expect(publicKey).toHaveValue(/^[0-9a-f]{64}$/);
  await expect(app.getByTestId('compose-secret')).toHaveValue(/^[0-9a-f]{64,128}$/);
  const publicHex = await publicKey.inputValue();
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'discord', secret: publicHex });
  await saveScreenshot(app, 'compose-sample-discord');

  const detail = await sendAndCapture(app, engine, 'APPLICATION_COMMAND');
  const signature = header(detail, 'x-signature-ed25519');
  const timestamp = header(detail, 'x-signature-timestamp');
  expect(await verifyKey(bodyOf(detail), signature, timestamp, publicHex)).toBe(true);
  expect(await verifyKey(Buffer.concat([bodyOf(detail), Buffer.from(' ')]), signature, timestamp, publicHex)).toBe(false);
});

test('the Twilio sample is a form signed over the target URL, valid through the own receiver', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'twilio', secret: 'twilio-auth-token' });
  await openCompose(app);
  await chooseSample(app, 'twilio:incoming-sms', 'twilio');
  await expect(app.getByTestId('compose-signs-url')).toContainText('signs the full target URL');
  await expect(app.getByTestId('compose-headers')).toHaveValue(/^Content-Type: application\/x-www-form-urlencoded\n/);
  await app.getByTestId('compose-secret').fill('twilio-auth-token');
  const url = `${engine.receiver_url}/webhooks/dcisionai?source=sms`;
  await app.getByTestId('compose-url').fill(url);

  const detail = await sendAndCapture(app, engine, null);
  // Twilio's documented algorithm, computed here: base64 HMAC-SHA1 of the URL and the sorted parameters.
  const params = [...new URLSearchParams(bodyOf(detail).toString('utf8'))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expected = createHmac('sha1', 'twilio-auth-token')
    .update(url + params.map(([key, value]) => key + value).join(''))
    .digest('base64');
  expect(header(detail, 'x-twilio-signature')).toBe(expected);
  expect(bodyOf(detail).toString('utf8')).toBe(findProviderSample('twilio', 'incoming-sms')?.body);
});

test('the Shopify, Slack and Standard Webhooks samples are valid at endpoints set up as those providers, with their event types', async ({
  app,
  engine,
}) => {
  const standardSecret = `whsec_${Buffer.from('compose-samples-standard').toString('base64')}`;
  const cases = [
    {
      sample: 'shopify:orders/create',
      scheme: 'shopify',
      secret: 'shpss_compose_samples',
      event: 'orders/create',
      header: ['x-shopify-topic', 'orders/create'],
    },
    {
      sample: 'slack:app_mention',
      scheme: 'slack',
      secret: 'slack-signing-secret',
      event: 'app_mention',
      header: ['user-agent', 'Slackbot 1.0 (+https://api.slack.com/robots)'],
    },
    {
      sample: 'standard-webhooks:invoice.paid',
      scheme: 'standard-webhooks',
      secret: standardSecret,
      event: 'invoice.paid',
      header: ['content-type', 'application/json'],
    },
  ] as const;
  for (const item of cases) {
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: item.scheme, secret: item.secret });
    await app.getByTestId('nav-compose').click();
    await chooseSample(app, item.sample, item.scheme);
    await app.getByTestId('compose-secret').fill(item.secret);
    const detail = await sendAndCapture(app, engine, item.event);
    expect(header(detail, item.header[0]), item.sample).toBe(item.header[1]);
    const [provider, event] = item.sample.split(':') as [string, string];
    expect(bodyOf(detail).toString('utf8')).toBe(findProviderSample(provider, event)?.body);
  }
});

test('the sample chooser fits beside the body modes at 1440x900 and 1024x700, dark and light', async ({ app, engine }) => {
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { scheme: 'stripe', secret: 'whsec_compose_samples' });
  await openCompose(app);
  await app.getByTestId('body-mode-sample').click();
  await app.getByTestId('compose-secret').fill('whsec_compose_samples');
  await app.getByTestId('compose-send').click();
  await expect(app.getByTestId('sent-result').getByTestId('outcome-badge').first()).toHaveText('200');
  for (const theme of ['dark', 'light'] as const) {
    await app.getByTestId('theme-picker').selectOption(theme);
    await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ] as const) {
      await app.setViewportSize({ width, height });
      await app.getByTestId('compose-sample').selectOption('stripe:customer.subscription.created');
      // The chooser, Reset and Format stay inside the body pane.
      const pane = await app.getByTestId('compose-payload').boundingBox();
      for (const id of ['compose-sample', 'compose-fresh-sample', 'compose-format']) {
        const box = await app.getByTestId(id).boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0), id).toBeLessThanOrEqual((pane?.x ?? 0) + (pane?.width ?? 0) + 1);
      }
      await app.screenshot({ path: `/tmp/shots-compose-samples/stripe-${theme}-${width}x${height}.png` });
      await app.getByTestId('compose-sample').selectOption('discord:PING');
      await app.getByTestId('compose-generate-keypair').click();
      await expect(app.getByTestId('compose-public-key')).toHaveValue(/^[0-9a-f]{64}$/);
      await app.screenshot({ path: `/tmp/shots-compose-samples/discord-${theme}-${width}x${height}.png` });
      await app.getByTestId('compose-sample').selectOption('twilio:incoming-sms');
      await app.screenshot({ path: `/tmp/shots-compose-samples/twilio-${theme}-${width}x${height}.png` });
    }
  }
});

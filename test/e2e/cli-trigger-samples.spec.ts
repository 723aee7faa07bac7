// `hookscope trigger provider:event`: a provider's sample event, signed with its scheme, sent by
// the launcher (a child process) to a real sink; each provider's official SDK is the judge.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import { expect, test } from '@playwright/test';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { header, startHttpSink, type HttpSink } from '../helpers/http-sink';
import { hookscope, jsonLines } from './fixtures/cli';
import type { HeaderPairs } from '../../src/shared/http-headers';

const stripe = new Stripe('sk_test_oracle_only');

let sink: HttpSink;
test.beforeEach(async () => {
  sink = await startHttpSink();
});
test.afterEach(() => sink.close());

const headerObject = (headers: HeaderPairs) => Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value]));

test("stripe:payment_intent.succeeded is signed so that Stripe's SDK constructs the event", async () => {
  const run = await hookscope([
    'trigger',
    'stripe:payment_intent.succeeded',
    '--to',
    `${sink.url}/webhooks/stripe`,
    '--secret',
    'whsec_samples',
  ]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(
    /^POST http:\/\/127\.0\.0\.1:\d+\/webhooks\/stripe stripe:payment_intent\.succeeded \(signed stripe, t=\d+\) → 200 OK/,
  );
  const seen = sink.last();
  expect(seen.url).toBe('/webhooks/stripe');
  const event = stripe.webhooks.constructEvent(seen.body, header(seen.headers, 'stripe-signature') ?? '', 'whsec_samples');
  expect(event.type).toBe('payment_intent.succeeded');
  expect((event.data.object as { object: string }).object).toBe('payment_intent');
  expect(header(seen.headers, 'content-type')).toBe('application/json; charset=utf-8');
  expect(header(seen.headers, 'user-agent')).toMatch(/^Stripe\//);
  // A wrong secret is Stripe's verdict too.
  expect(() => stripe.webhooks.constructEvent(seen.body, header(seen.headers, 'stripe-signature') ?? '', 'whsec_other')).toThrow();
});

test("github:push and github:pull_request.opened carry GitHub's headers and verify with @octokit/webhooks-methods", async () => {
  for (const [name, event, action] of [
    ['github:push', 'push', undefined],
    ['github:pull_request.opened', 'pull_request', 'opened'],
  ] as const) {
    const run = await hookscope(['trigger', name, '--to', sink.url, '--secret', 'gh-samples', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ type: 'delivery', ok: true, event: name, signature: { scheme: 'github' } });
    const seen = sink.last();
    expect(await octokitVerify('gh-samples', seen.body.toString('utf8'), header(seen.headers, 'x-hub-signature-256') ?? '')).toBe(true);
    expect(await octokitVerify('gh-other', seen.body.toString('utf8'), header(seen.headers, 'x-hub-signature-256') ?? '')).toBe(false);
    expect(header(seen.headers, 'x-github-event')).toBe(event);
    expect(header(seen.headers, 'x-github-delivery')).toMatch(/^[0-9a-f-]{36}$/);
    expect((JSON.parse(seen.body.toString('utf8')) as { action?: string }).action).toBe(action);
  }
  // Every send is a new delivery.
  expect(header(sink.seen[0]?.headers ?? [], 'x-github-delivery')).not.toBe(header(sink.seen[1]?.headers ?? [], 'x-github-delivery'));
});

test('standard-webhooks:invoice.paid verifies with svix; twilio:incoming-sms is a form signed over the URL', async () => {
  const secret = `whsec_${Buffer.from('samples-standard-secret').toString('base64')}`;
  const run = await hookscope(['trigger', 'standard-webhooks:invoice.paid', '--to', sink.url, '--secret', secret]);
  expect(run.code, run.stderr).toBe(0);
  const seen = sink.last();
  // svix's verify throws on a bad signature and returns nothing.
  expect(() => new SvixWebhook(secret).verify(seen.body.toString('utf8'), headerObject(seen.headers))).not.toThrow();
  expect(() =>
    new SvixWebhook(`whsec_${Buffer.from('another-secret').toString('base64')}`).verify(
      seen.body.toString('utf8'),
      headerObject(seen.headers),
    ),
  ).toThrow();
  expect(JSON.parse(seen.body.toString('utf8'))).toMatchObject({ type: 'invoice.paid' });

  const to = `${sink.url}/sms?account=1`;
  const sms = await hookscope(['trigger', 'twilio:incoming-sms', '--to', to, '--secret', 'twilio-token']);
  expect(sms.code, sms.stderr).toBe(0);
  const form = sink.last();
  expect(header(form.headers, 'content-type')).toBe('application/x-www-form-urlencoded');
  // Twilio's documented algorithm: base64 HMAC-SHA1 over the URL and the sorted parameters.
  const params = [...new URLSearchParams(form.body.toString('utf8'))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expected = createHmac('sha1', 'twilio-token')
    .update(to + params.map(([key, value]) => key + value).join(''))
    .digest('base64');
  expect(header(form.headers, 'x-twilio-signature')).toBe(expected);
});

test('a Discord sample signed with an Ed25519 private key verifies with discord-interactions; a public key cannot sign; unknown samples are exit 2', async () => {
  const pair = generateKeyPairSync('ed25519');
  const hex = (base64url: string | undefined) => Buffer.from(base64url ?? '', 'base64url').toString('hex');
  const publicHex = hex(pair.publicKey.export({ format: 'jwk' }).x);
  // Discord's tools (tweetnacl) write a private key as the 32-byte seed followed by the public key.
  const privateHex = hex(pair.privateKey.export({ format: 'jwk' }).d) + publicHex;
  const signed = await hookscope(['trigger', 'discord:PING', '--to', sink.url, '--secret', privateHex]);
  expect(signed.code, signed.stderr).toBe(0);
  expect(signed.stdout).toContain('(signed discord, t=');
  const ping = sink.last();
  expect(
    await verifyKey(
      ping.body,
      header(ping.headers, 'x-signature-ed25519') ?? '',
      header(ping.headers, 'x-signature-timestamp') ?? '',
      publicHex,
    ),
  ).toBe(true);
  expect(
    await verifyKey(
      Buffer.concat([ping.body, Buffer.from(' ')]),
      header(ping.headers, 'x-signature-ed25519') ?? '',
      header(ping.headers, 'x-signature-timestamp') ?? '',
      publicHex,
    ),
  ).toBe(false);
  sink.seen.length = 0;

  const withPublicKey = await hookscope(['trigger', 'discord:PING', '--to', sink.url, '--secret', publicHex]);
  expect(withPublicKey.code).toBe(2);
  expect(withPublicKey.stderr).toMatch(/private key/i);
  expect(sink.seen).toHaveLength(0);

  const unsigned = await hookscope(['trigger', 'discord:PING', '--to', sink.url]);
  expect(unsigned.code, unsigned.stderr).toBe(0);
  expect(unsigned.stdout).toContain('discord:PING (unsigned) → 200 OK');
  expect(JSON.parse(sink.last().body.toString('utf8'))).toMatchObject({ type: 1 });

  const cases: Array<[string[], RegExp]> = [
    [
      ['trigger', 'stripe:charge.nope', '--to', sink.url],
      /"stripe:charge\.nope" is not a Stripe sample; use one of stripe:payment_intent\.succeeded, stripe:checkout\.session\.completed, stripe:customer\.subscription\.created\./,
    ],
    [
      ['trigger', 'paypal:payment', '--to', sink.url],
      /"paypal" is not a provider with samples; use one of stripe:payment_intent\.succeeded/,
    ],
  ];
  for (const [args, message] of cases) {
    const run = await hookscope(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  }
});

test("--scheme overrides the sample's provider scheme; --data replaces the sample's body", async () => {
  const run = await hookscope([
    'trigger',
    'shopify:orders/create',
    '--to',
    sink.url,
    '--scheme',
    'github',
    '--secret',
    'gh',
    '--data',
    '{"id":1}',
  ]);
  expect(run.code, run.stderr).toBe(0);
  const seen = sink.last();
  expect(seen.body.toString('utf8')).toBe('{"id":1}');
  expect(header(seen.headers, 'x-shopify-topic')).toBe('orders/create');
  expect(await octokitVerify('gh', '{"id":1}', header(seen.headers, 'x-hub-signature-256') ?? '')).toBe(true);
});

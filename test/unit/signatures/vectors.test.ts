import { describe, expect, it } from 'vitest';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import Stripe from 'stripe';
import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import { scheme, verify } from './helpers';

/** Provider-published vectors, and the providers' own npm packages used as oracles only. */

describe('GitHub', () => {
  // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
  it('verifies the docs example "Hello, World!" / "It\'s a Secret to Everybody"', () => {
    const result = verify(
      'github',
      { 'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' },
      'Hello, World!',
      { secret: "It's a Secret to Everybody" },
    );
    expect(result.verdict).toBe('valid');
    expect(
      scheme('github').sign({ secret: "It's a Secret to Everybody", body: Buffer.from('Hello, World!'), timestampSeconds: 0 }).headers[
        'X-Hub-Signature-256'
      ],
    ).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('falls back to the legacy sha1 header when X-Hub-Signature-256 is absent', () => {
    const signed = scheme('github').sign({ secret: 's3cret', body: Buffer.from('{"zen":"x"}'), timestampSeconds: 0 });
    const legacyOnly = { 'X-Hub-Signature': signed.headers['X-Hub-Signature'] as string };
    expect(verify('github', legacyOnly, '{"zen":"x"}', { secret: 's3cret' }).verdict).toBe('valid');
    expect(verify('github', legacyOnly, '{"zen":"y"}', { secret: 's3cret' }).verdict).toBe('invalid');
  });

  it('agrees with @octokit/webhooks-methods both ways', async () => {
    const body = '{"action":"opened","number":1,"title":"Ünïcode ✓"}';
    const header = await octokitSign('octo-secret', body);
    expect(verify('github', { 'X-Hub-Signature-256': header }, body, { secret: 'octo-secret' }).verdict).toBe('valid');
    const ours = scheme('github').sign({ secret: 'octo-secret', body: Buffer.from(body), timestampSeconds: 0 }).headers[
      'X-Hub-Signature-256'
    ] as string;
    expect(await octokitVerify('octo-secret', body, ours)).toBe(true);
  });
});

describe('Slack', () => {
  // https://api.slack.com/authentication/verifying-requests-from-slack (the walk-through's example request)
  const body =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  const headers = {
    'X-Slack-Request-Timestamp': '1531420618',
    'X-Slack-Signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
  };
  it('verifies the docs example', () => {
    const result = verify('slack', headers, body, { secret: '8f742231b10e8888abcd99yyyzzz85a5', nowSeconds: 1531420618 });
    expect(result.verdict).toBe('valid');
    expect(Buffer.from(result.signed_content_base64 as string, 'base64').toString()).toBe(`v0:1531420618:${body}`);
  });
  it('rejects it 5 minutes later, and 5 minutes earlier (the docs use abs())', () => {
    expect(verify('slack', headers, body, { secret: '8f742231b10e8888abcd99yyyzzz85a5', nowSeconds: 1531420618 + 301 }).reason).toBe(
      'timestamp_expired',
    );
    expect(verify('slack', headers, body, { secret: '8f742231b10e8888abcd99yyyzzz85a5', nowSeconds: 1531420618 - 301 }).reason).toBe(
      'timestamp_future',
    );
  });
});

describe('Standard Webhooks and Svix', () => {
  // The example of https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
  // also the fixture of the svix and standardwebhooks libraries' own tests.
  const vector = {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    timestamp: 1614265330,
    body: '{"test": 2432232314}',
    signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  };
  it.each([
    ['standard-webhooks', 'webhook'],
    ['svix', 'svix'],
  ])('%s verifies the published vector', (id, prefix) => {
    const headers = {
      [`${prefix}-id`]: vector.id,
      [`${prefix}-timestamp`]: String(vector.timestamp),
      [`${prefix}-signature`]: vector.signature,
    };
    expect(verify(id, headers, vector.body, { secret: vector.secret, nowSeconds: vector.timestamp }).verdict).toBe('valid');
    const signed = scheme(id).sign({
      secret: vector.secret,
      body: Buffer.from(vector.body),
      timestampSeconds: vector.timestamp,
      id: vector.id,
    });
    expect(signed.headers[`${prefix}-signature`]).toBe(vector.signature);
  });

  it('accepts any one of several space-separated signatures and skips other versions', () => {
    const headers = {
      'webhook-id': vector.id,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': `v1a,AAAA v1,Zm9vYmFyYmF6 ${vector.signature}`,
    };
    expect(verify('standard-webhooks', headers, vector.body, { secret: vector.secret, nowSeconds: vector.timestamp }).verdict).toBe(
      'valid',
    );
  });

  it('svix also reads the unbranded webhook-* headers, as the svix library does', () => {
    const headers = { 'webhook-id': vector.id, 'webhook-timestamp': String(vector.timestamp), 'webhook-signature': vector.signature };
    expect(verify('svix', headers, vector.body, { secret: vector.secret, nowSeconds: vector.timestamp }).verdict).toBe('valid');
  });

  it('agrees with the standardwebhooks package both ways', () => {
    const oracle = new StandardWebhook(vector.secret);
    const now = Math.floor(Date.now() / 1000);
    const body = '{"type":"invoice.paid","data":{"amount":4200,"note":"naïve ☕"}}';
    const signature = oracle.sign('msg_1', new Date(now * 1000), body);
    expect(
      verify('standard-webhooks', { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now), 'webhook-signature': signature }, body, {
        secret: vector.secret,
      }).verdict,
    ).toBe('valid');
    const ours = scheme('standard-webhooks').sign({ secret: vector.secret, body: Buffer.from(body), timestampSeconds: now, id: 'msg_2' });
    expect(() => oracle.verify(body, ours.headers)).not.toThrow();
  });

  it('agrees with the svix package both ways', () => {
    const oracle = new SvixWebhook(vector.secret);
    const now = Math.floor(Date.now() / 1000);
    const body = '{"type":"user.created","data":{"id":"u_1"}}';
    const signature = oracle.sign('msg_svix', new Date(now * 1000), body);
    expect(
      verify('svix', { 'svix-id': 'msg_svix', 'svix-timestamp': String(now), 'svix-signature': signature }, body, { secret: vector.secret })
        .verdict,
    ).toBe('valid');
    const ours = scheme('svix').sign({ secret: vector.secret, body: Buffer.from(body), timestampSeconds: now, id: 'msg_ours' });
    expect(() => oracle.verify(body, ours.headers)).not.toThrow();
  });
});

describe('Stripe', () => {
  const stripe = new Stripe('sk_test_oracle_only');
  const secret = 'whsec_test_secret';
  const body = JSON.stringify({ id: 'evt_test_webhook', object: 'event' }, null, 2);

  it('verifies headers generated by the stripe package, and the package verifies ours', () => {
    const now = Math.floor(Date.now() / 1000);
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: now });
    expect(verify('stripe', { 'Stripe-Signature': header }, body, { secret, nowSeconds: now }).verdict).toBe('valid');
    const ours = scheme('stripe').sign({ secret, body: Buffer.from(body), timestampSeconds: now }).headers['Stripe-Signature'] as string;
    expect(stripe.webhooks.constructEvent(body, ours, secret).id).toBe('evt_test_webhook');
  });

  it('accepts any v1 among several and ignores v0, like the SDK', () => {
    const now = 1700000000;
    const good = scheme('stripe').sign({ secret, body: Buffer.from(body), timestampSeconds: now }).headers['Stripe-Signature'] as string;
    const v1 = good.split('v1=')[1];
    const header = `t=${now},v1=${'0'.repeat(64)},v0=${'1'.repeat(64)},v1=${v1}`;
    expect(verify('stripe', { 'Stripe-Signature': header }, body, { secret, nowSeconds: now }).verdict).toBe('valid');
    expect(() => stripe.webhooks.constructEvent(body, header, secret, 300, undefined, now * 1000)).not.toThrow();
  });

  it('rejects only OLD timestamps, as stripe-node does (timestampAge > tolerance)', () => {
    const sent = 1700000000;
    const header = scheme('stripe').sign({ secret, body: Buffer.from(body), timestampSeconds: sent }).headers['Stripe-Signature'] as string;
    expect(verify('stripe', { 'Stripe-Signature': header }, body, { secret, nowSeconds: sent + 301 }).reason).toBe('timestamp_expired');
    expect(() => stripe.webhooks.constructEvent(body, header, secret, 300, undefined, (sent + 301) * 1000)).toThrow(/tolerance/);
    // A timestamp an hour ahead is accepted by the SDK, so by Hookscope too.
    expect(verify('stripe', { 'Stripe-Signature': header }, body, { secret, nowSeconds: sent - 3600 }).verdict).toBe('valid');
    expect(() => stripe.webhooks.constructEvent(body, header, secret, 300, undefined, (sent - 3600) * 1000)).not.toThrow();
  });
});

describe('Twilio', () => {
  // TwilioDevEd/api-snippets security/signature_validation/signature_validation.3.x.js (Twilio's docs example).
  it('verifies the docs example (URL + sorted POST params, HMAC-SHA1, base64)', () => {
    const params = new URLSearchParams({
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675310',
      Digits: '1234',
      From: '+14158675310',
      To: '+18005551212',
    });
    const result = verify(
      'twilio',
      { 'X-Twilio-Signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=' },
      params.toString(),
      { secret: '12345' },
      'https://mycompany.com/myapp.php?foo=1&bar=2',
    );
    expect(result.verdict).toBe('valid');
  });

  it('checks bodySHA256 for JSON bodies (twilio-samples/api-snippets signature_validation_json)', () => {
    const body = '{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}';
    const url = 'https://example.com/myapp?bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9';
    const header = scheme('twilio').sign({ secret: 'tok', body: Buffer.from(body), timestampSeconds: 0, url }).headers[
      'X-Twilio-Signature'
    ] as string;
    expect(verify('twilio', { 'X-Twilio-Signature': header }, body, { secret: 'tok' }, url).verdict).toBe('valid');
    const tampered = verify('twilio', { 'X-Twilio-Signature': header }, body.replace('CA12', 'CA99'), { secret: 'tok' }, url);
    expect(tampered.verdict).toBe('invalid');
    expect(tampered.diagnosis.map((item) => item.code)).toContain('body_hash_mismatch');
  });
});

import { describe, expect, it } from 'vitest';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { deliveryIdOf } from '../../../../src/main/engine/receiver/delivery-id';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * Providers signing with Standard Webhooks / Svix under their own name. Oracles: the svix package
 * for those sending svix-* headers (Clerk, Resend), the standardwebhooks package (which Clerk's,
 * Resend's and others' SDKs call) for those sending webhook-* headers; plus the spec's vector.
 */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const PROVIDERS = [
  {
    id: 'clerk',
    prefix: 'svix',
    body: '{"type":"user.created","object":"event","data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC"}}',
    event: 'user.created',
  },
  {
    id: 'resend',
    prefix: 'svix',
    body: '{"type":"email.delivered","created_at":"2024-02-22T23:41:12.126Z","data":{"email_id":"56761188-7520-42d8-8898-ff6fc54ce618"}}',
    event: 'email.delivered',
  },
  {
    id: 'replicate',
    prefix: 'webhook',
    body: '{"id":"ufawqhfynnddngldkgtslldrkq","status":"succeeded","output":["https://replicate.delivery/x.png"]}',
    event: 'succeeded',
  },
  {
    id: 'brex',
    prefix: 'webhook',
    body: '{"event_type":"REFERRAL_CREATED","referral_id":"ref_1","company_id":"cmp_1"}',
    event: 'REFERRAL_CREATED',
  },
  {
    id: 'openai',
    prefix: 'webhook',
    body: '{"id":"evt_685343a1381c819085d44c354e1b330e","type":"response.completed","created_at":1750287018,"data":{"id":"resp_abc"}}',
    event: 'response.completed',
  },
] as const;

const headersFor = (prefix: string, id: string, timestamp: number, signature: string) => ({
  [`${prefix}-id`]: id,
  [`${prefix}-timestamp`]: String(timestamp),
  [`${prefix}-signature`]: signature,
});

describe.each(PROVIDERS.map((p) => [p.id, p] as const))('%s', (id, provider) => {
  const NOW = 1_750_000_000;

  it('verifies the Standard Webhooks spec vector in its own headers', () => {
    const headers = headersFor(provider.prefix, VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    expect(verify(id, headers, VECTOR.body, { secret: VECTOR.secret, nowSeconds: VECTOR.timestamp }).verdict).toBe('valid');
    expect(
      scheme(id).sign({ secret: VECTOR.secret, body: Buffer.from(VECTOR.body), timestampSeconds: VECTOR.timestamp, id: VECTOR.id }).headers,
    ).toEqual(headers);
  });

  it('agrees with the oracle package both ways', () => {
    const body = provider.body;
    if (provider.prefix === 'svix') {
      const oracle = new SvixWebhook(VECTOR.secret);
      const signature = oracle.sign('msg_oracle', new Date(NOW * 1000), body);
      expect(verify(id, headersFor('svix', 'msg_oracle', NOW, signature), body, { secret: VECTOR.secret, nowSeconds: NOW }).verdict).toBe(
        'valid',
      );
      const ours = scheme(id).sign({
        secret: VECTOR.secret,
        body: Buffer.from(body),
        timestampSeconds: Math.floor(Date.now() / 1000),
        id: 'msg_ours',
      });
      expect(() => oracle.verify(body, ours.headers)).not.toThrow();
    } else {
      const oracle = new StandardWebhook(VECTOR.secret);
      const signature = oracle.sign('msg_oracle', new Date(NOW * 1000), body);
      expect(
        verify(id, headersFor('webhook', 'msg_oracle', NOW, signature), body, { secret: VECTOR.secret, nowSeconds: NOW }).verdict,
      ).toBe('valid');
      const ours = scheme(id).sign({
        secret: VECTOR.secret,
        body: Buffer.from(body),
        timestampSeconds: Math.floor(Date.now() / 1000),
        id: 'msg_ours',
      });
      expect(() => oracle.verify(body, ours.headers)).not.toThrow();
    }
  });

  it('wrong secret: signature_mismatch; missing signature header: missing_header; 301 s old: timestamp_expired', () => {
    const signed = scheme(id).sign({ secret: VECTOR.secret, body: Buffer.from(provider.body), timestampSeconds: NOW, id: 'msg_1' }).headers;
    expect(verify(id, signed, provider.body, { secret: 'whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=', nowSeconds: NOW }).reason).toBe(
      'signature_mismatch',
    );
    const { [`${provider.prefix}-signature`]: _dropped, ...unsigned } = signed;
    expect(verify(id, unsigned, provider.body, { secret: VECTOR.secret, nowSeconds: NOW }).reason).toBe('missing_header');
    expect(verify(id, signed, provider.body, { secret: VECTOR.secret, nowSeconds: NOW + 301 }).reason).toBe('timestamp_expired');
  });

  it('reads the event type from the sample and the message id as the delivery id', () => {
    expect(eventTypeOf(id, [], Buffer.from(provider.body), 'application/json')).toBe(provider.event);
    expect(deliveryIdOf([[`${provider.prefix}-id`, 'msg_42']])).toBe('msg_42');
  });
});

describe('provider specifics', () => {
  it('clerk and resend read svix-* headers only, as their SDKs do (webhook-* alone is missing_header)', () => {
    const headers = headersFor('webhook', VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    for (const id of ['clerk', 'resend'])
      expect(verify(id, headers, VECTOR.body, { secret: VECTOR.secret, nowSeconds: VECTOR.timestamp }).reason).toBe('missing_header');
  });

  it('brex: its secret is plain base64 without the whsec_ prefix', () => {
    const secret = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const oracle = new StandardWebhook(secret);
    const now = Math.floor(Date.now() / 1000);
    const signature = oracle.sign('msg_brex', new Date(now * 1000), PROVIDERS[3].body);
    expect(
      verify('brex', { 'Webhook-Id': 'msg_brex', 'Webhook-Timestamp': String(now), 'Webhook-Signature': signature }, PROVIDERS[3].body, {
        secret,
      }).verdict,
    ).toBe('valid');
  });

  it('categories place the providers in the picker, not under Standards', () => {
    expect(PROVIDERS.map((p) => scheme(p.id).category)).toEqual([
      'Developer tools',
      'Communication',
      'Infrastructure',
      'Payments & billing',
      'Developer tools',
    ]);
  });

  it('body_reserialized on a Clerk delivery whose JSON was re-serialized before verifying', () => {
    const compact = PROVIDERS[0].body;
    const signed = scheme('clerk').sign({
      secret: VECTOR.secret,
      body: Buffer.from(compact),
      timestampSeconds: 1_750_000_000,
      id: 'msg_1',
    }).headers;
    const result = verify('clerk', signed, JSON.stringify(JSON.parse(compact), null, 2), {
      secret: VECTOR.secret,
      nowSeconds: 1_750_000_000,
    });
    expect(codes(result)).toContain('body_reserialized');
  });
});

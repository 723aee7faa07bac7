import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import { buildCustomScheme } from '../../../src/main/engine/signatures/schemes/custom';
import { verifyMessage } from '../../../src/main/engine/signatures/verify';
import { codes, keysFor, pairs, scheme, verify } from './helpers';

const NOW = 1700000000;
const BODY = '{"event":"model.deployed","data":{"id":"model_1"}}';
const secretFor = (id: string) =>
  id === 'standard-webhooks' || id === 'svix' ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' : 'scheme-secret';
const URL = 'https://hooks.example.com/twilio/sms';

describe('every built-in scheme', () => {
  // GitLab's token and Mailgun's timestamp + token do not cover the body; their own tests cover them.
  const bodySigning = listSchemes().filter((s) => s.descriptor.signed_content.includes('{body}'));
  it.each(bodySigning.map((s) => [s.id]))('%s: signs, verifies, and rejects a changed body', (id) => {
    const [signWith, secret] = keysFor(scheme(id), secretFor(id));
    const signed = scheme(id).sign({ secret: signWith, body: Buffer.from(BODY), timestampSeconds: NOW, id: 'msg_1', url: URL });
    const ok = verify(id, signed.headers, BODY, { secret, nowSeconds: NOW }, URL);
    expect(ok).toMatchObject({ verdict: 'valid', reason: 'ok', diagnosis: [] });
    expect(Buffer.from(ok.signed_content_base64 as string, 'base64').equals(signed.signedContent)).toBe(true);
    const changed = verify(id, signed.headers, BODY.replace('model_1', 'model_2'), { secret, nowSeconds: NOW }, URL);
    expect(changed.verdict).toBe('invalid');
    expect(changed.diagnosis.length).toBeGreaterThan(0);
  });

  it.each(listSchemes().map((s) => [s.id]))('%s: missing headers, and no secret', (id) => {
    expect(verify(id, {}, BODY, { secret: 's', nowSeconds: NOW }, URL)).toMatchObject({ verdict: 'invalid', reason: 'missing_header' });
    const signed = scheme(id).sign({
      secret: keysFor(scheme(id), 's')[0],
      body: Buffer.from(BODY),
      timestampSeconds: NOW,
      id: 'msg_1',
      url: URL,
    });
    expect(verify(id, signed.headers, BODY, { secret: '', nowSeconds: NOW }, URL)).toMatchObject({
      verdict: 'unverifiable',
      reason: 'no_secret',
    });
  });

  it('every descriptor renders a form: signature header and signed content', () => {
    for (const s of listSchemes()) {
      expect(s.descriptor.signature_header).not.toBe('');
      // A token scheme signs nothing; Mailgun's signature is in the body, so it reads no header.
      if (s.descriptor.algorithm !== 'token') expect(s.descriptor.signed_content).toContain('{');
      if (!s.descriptor.signature_header.startsWith('body.')) expect(s.descriptor.headers.length).toBeGreaterThan(0);
    }
  });
});

describe('reasons that apply to every timestamped scheme', () => {
  it.each([['dcisionai'], ['standard-webhooks'], ['slack'], ['stripe'], ['paddle'], ['twitch']])('%s: a malformed timestamp', (id) => {
    const secret = secretFor(id);
    const signed = scheme(id).sign({ secret, body: Buffer.from(BODY), timestampSeconds: NOW, id: 'msg_1' });
    const broken = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [
        k,
        k.toLowerCase().includes('timestamp') ? 'yesterday' : v.replace(`t=${NOW}`, 't=soon').replace(`ts=${NOW}`, 'ts=soon'),
      ]),
    );
    expect(verify(id, broken, BODY, { secret, nowSeconds: NOW })).toMatchObject({ verdict: 'invalid', reason: 'timestamp_malformed' });
  });

  it('direction: both for DcisionAI, Standard Webhooks, Slack; past only for Stripe, Paddle, Twitch', () => {
    const future = (id: string) => {
      const signed = scheme(id).sign({ secret: secretFor(id), body: Buffer.from(BODY), timestampSeconds: NOW + 3600, id: 'msg_1' });
      return verify(id, signed.headers, BODY, { secret: secretFor(id), nowSeconds: NOW }).reason;
    };
    for (const id of ['dcisionai', 'standard-webhooks', 'svix', 'slack']) expect(future(id)).toBe('timestamp_future');
    for (const id of ['stripe', 'paddle', 'twitch']) expect(future(id)).toBe('ok');
  });

  it('malformed headers say what to change', () => {
    expect(verify('stripe', { 'Stripe-Signature': 'v1=abc' }, BODY, { secret: 's', nowSeconds: NOW }).diagnosis[0]?.message).toMatch(
      /no t= timestamp/,
    );
    expect(
      verify('standard-webhooks', { 'webhook-id': 'm', 'webhook-timestamp': String(NOW), 'webhook-signature': 'abc' }, BODY, {
        secret: secretFor('svix'),
        nowSeconds: NOW,
      }).reason,
    ).toBe('malformed_header');
    expect(
      verify('slack', { 'X-Slack-Signature': 'abc', 'X-Slack-Request-Timestamp': String(NOW) }, BODY, { secret: 's', nowSeconds: NOW })
        .reason,
    ).toBe('malformed_header');
  });
});

describe('provider specifics', () => {
  it('Twitch: RFC 3339 timestamps with nanoseconds, id + timestamp + body with no separators', () => {
    const timestamp = '2023-11-14T22:13:20.123456789Z';
    const signature = createHmac('sha256', 'twitch-secret').update(`msg_t${timestamp}${BODY}`).digest('hex');
    const headers = {
      'Twitch-Eventsub-Message-Id': 'msg_t',
      'Twitch-Eventsub-Message-Timestamp': timestamp,
      'Twitch-Eventsub-Message-Signature': `sha256=${signature}`,
    };
    expect(verify('twitch', headers, BODY, { secret: 'twitch-secret', nowSeconds: NOW, toleranceSeconds: 600 })).toMatchObject({
      verdict: 'valid',
      timestamp: { value: NOW },
    });
    expect(verify('twitch', headers, BODY, { secret: 'twitch-secret', nowSeconds: NOW + 601, toleranceSeconds: 600 }).reason).toBe(
      'timestamp_expired',
    );
  });

  it('Paddle: ts=..;h1=.. over `ts:body`, any h1 may match', () => {
    const h1 = createHmac('sha256', 'pdl_ntfset_secret').update(`${NOW}:${BODY}`).digest('hex');
    const headers = { 'Paddle-Signature': `ts=${NOW};h1=${'a'.repeat(64)};h1=${h1}` };
    expect(verify('paddle', headers, BODY, { secret: 'pdl_ntfset_secret', nowSeconds: NOW }).verdict).toBe('valid');
  });

  it('Linear: the signed body carries webhookTimestamp (ms), checked when present', () => {
    const body = JSON.stringify({ action: 'create', webhookTimestamp: NOW * 1000 });
    const headers = { 'Linear-Signature': createHmac('sha256', 'lin').update(body).digest('hex') };
    expect(verify('linear', headers, body, { secret: 'lin', nowSeconds: NOW, toleranceSeconds: 60 })).toMatchObject({
      verdict: 'valid',
      timestamp: { value: NOW },
    });
    expect(verify('linear', headers, body, { secret: 'lin', nowSeconds: NOW + 61, toleranceSeconds: 60 }).reason).toBe('timestamp_expired');
  });

  it('Twilio: rebuilds the public URL from X-Forwarded-* behind a tunnel, accepts it with :443', () => {
    const params = 'Body=Hello&From=%2B15551234567&To=%2B15557654321';
    const signed = scheme('twilio').sign({
      secret: 'tok',
      body: Buffer.from(params),
      timestampSeconds: 0,
      url: 'https://abc.ngrok.app/sms?x=1',
    });
    const tunnelled = { ...signed.headers, Host: '127.0.0.1:4700', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'abc.ngrok.app' };
    expect(verify('twilio', tunnelled, params, { secret: 'tok' }, 'http://127.0.0.1:4700/sms?x=1').verdict).toBe('valid');
    const withPort = scheme('twilio').sign({
      secret: 'tok',
      body: Buffer.from(params),
      timestampSeconds: 0,
      url: 'https://abc.ngrok.app:443/sms?x=1',
    });
    expect(verify('twilio', withPort.headers, params, { secret: 'tok' }, 'https://abc.ngrok.app/sms?x=1').verdict).toBe('valid');
    const http = verify('twilio', signed.headers, params, { secret: 'tok' }, 'http://abc.ngrok.app/sms?x=1');
    expect(http.verdict).toBe('invalid');
    expect(codes(http)).toContain('signed_content');
  });
});

describe('custom scheme', () => {
  it('verifies a user-defined scheme with {id}, {timestamp}, {url}', () => {
    const config = {
      signature_header: 'X-Sig',
      signature_prefix: 'v1=',
      timestamp_header: 'X-Time',
      id_header: 'X-Id',
      signed_content: '{id}|{timestamp}|{url}|{body}',
      algorithm: 'sha1' as const,
      encoding: 'base64' as const,
    };
    const signature = createHmac('sha1', 'c').update(`id9|${NOW}|https://x.test/h|${BODY}`).digest('base64');
    const message = {
      headers: pairs({ 'X-Sig': `v1=${signature}`, 'X-Time': String(NOW), 'X-Id': 'id9' }),
      body: Buffer.from(BODY),
      url: 'https://x.test/h',
      exactUrl: true,
    };
    expect(verifyMessage(message, { scheme: 'custom', custom: config, secret: 'c', toleranceSeconds: 300, nowSeconds: NOW }).verdict).toBe(
      'valid',
    );
    const wrongSeparator = createHmac('sha1', 'c').update(`id9.${NOW}|https://x.test/h|${BODY}`).digest('base64');
    const diagnosed = verifyMessage(
      { ...message, headers: pairs({ 'X-Sig': `v1=${wrongSeparator}`, 'X-Time': String(NOW), 'X-Id': 'id9' }) },
      { scheme: 'custom', custom: config, secret: 'c', toleranceSeconds: 300, nowSeconds: NOW },
    );
    expect(codes(diagnosed)).toContain('signed_content');
  });

  it('rejects configs that cannot work, naming the field', () => {
    expect(buildCustomScheme({ signature_header: 'X-Sig', signed_content: '{timestamp}.{body}' })).toMatchObject({
      ok: false,
      field: 'custom.timestamp_header',
    });
    expect(buildCustomScheme({ signature_header: 'X Sig' })).toMatchObject({ ok: false, field: 'custom.signature_header' });
    expect(
      verifyMessage({ headers: [], body: Buffer.alloc(0) }, { scheme: 'custom', secret: 's', toleranceSeconds: 300 }).diagnosis[0]?.code,
    ).toBe('custom_scheme_invalid');
    expect(verifyMessage({ headers: [], body: Buffer.alloc(0) }, { scheme: 'nope', secret: 's', toleranceSeconds: 300 })).toMatchObject({
      verdict: 'unverifiable',
      diagnosis: [{ code: 'unknown_scheme' }],
    });
  });
});

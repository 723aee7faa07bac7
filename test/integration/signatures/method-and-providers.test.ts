import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestSummary, SignatureSignResult, Verification } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/**
 * The request method in the signed content (HubSpot v3), through the Lab API, the receiver, the
 * capture detail and re-verification; and the batch-A providers whose secret is not a MAC key
 * (GitLab's token) or whose signature is in the body (Mailgun). A real engine on real sockets.
 */
const SECRET = 'hubspot-client-secret';
const BODY = '[{"eventId":1,"subscriptionType":"contact.creation","objectId":123}]';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const hubspotSignature = (method: string, url: string, ts: string, secret = SECRET) =>
  createHmac('sha256', secret)
    .update(method + url + BODY + ts)
    .digest('base64');

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** The newest capture's detail (its verification rebuilt on read) and its stored verdict (the receiver's, or re-verification's). */
async function latest(): Promise<RequestDetail & { stored: string }> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  const summary = list.body.data[0]!;
  const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary.id}`)).body.data;
  return { ...detail, stored: summary.verification.verdict };
}

describe('POST /api/signatures/sign and /verify with a method', () => {
  const url = 'https://hooks.example.com/hubspot?portal=1';
  const now = 1_700_000_000;

  it('signs and verifies the method HubSpot signs; POST when none is given', async () => {
    const signed = await t.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
      scheme: 'hubspot',
      secret: SECRET,
      body_base64: b64(BODY),
      timestamp: now,
      url,
      method: 'PUT',
    });
    expect(signed.status).toBe(200);
    expect(Buffer.from(signed.body.data.signed_content_base64, 'base64').toString()).toBe(`PUT${url}${BODY}${now * 1000}`);
    const verify = (method?: string) =>
      t.api<{ data: Verification }>('POST', '/signatures/verify', {
        scheme: 'hubspot',
        secret: SECRET,
        headers: signed.body.data.headers,
        body_base64: b64(BODY),
        url,
        now,
        ...(method ? { method } : {}),
      });
    expect((await verify('PUT')).body.data).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect((await verify()).body.data.reason).toBe('signature_mismatch');
    const posted = await t.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
      scheme: 'hubspot',
      secret: SECRET,
      body_base64: b64(BODY),
      timestamp: now,
      url,
    });
    expect(posted.body.data.headers['X-HubSpot-Signature-v3']).toBe(hubspotSignature('POST', url, String(now * 1000)));
  });

  it('a method that is not an HTTP token is a 400 naming body.method', async () => {
    for (const path of ['/signatures/verify', '/signatures/sign']) {
      const response = await t.api<{ error: { code: string; message: string } }>('POST', path, {
        scheme: 'hubspot',
        secret: SECRET,
        headers: {},
        body_base64: b64(BODY),
        url,
        method: 'PO ST',
        ...(path.endsWith('sign') ? { headers: undefined } : {}),
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/body\.method must be an HTTP method/);
    }
  });

  it('Mailgun: sign returns the body carrying the signature, which verifies', async () => {
    const body = '{"event-data":{"event":"delivered"}}';
    const signed = await t.api<{ data: SignatureSignResult }>('POST', '/signatures/sign', {
      scheme: 'mailgun',
      secret: 'mg-key',
      body_base64: b64(body),
      timestamp: now,
    });
    expect(signed.body.data.headers).toEqual({});
    const sent = signed.body.data.body_base64!;
    expect(JSON.parse(Buffer.from(sent, 'base64').toString()).signature.timestamp).toBe(String(now));
    const verified = await t.api<{ data: Verification }>('POST', '/signatures/verify', {
      scheme: 'mailgun',
      secret: 'mg-key',
      headers: {},
      body_base64: sent,
      now,
    });
    expect(verified.body.data).toMatchObject({ verdict: 'valid' });
  });
});

describe('the receiver passes the method to verification', () => {
  it('a PUT signed for PUT is valid at capture, in the detail, and after re-verification; POST in a what-if is not', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/hubspot', secret: SECRET, scheme: 'hubspot' })).body
      .data;
    const url = `${t.engine.receiverUrl}/hubspot?portal=1`;
    const ts = String(Date.now());
    const response = await t.send('/hubspot?portal=1', {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'X-HubSpot-Signature-v3': hubspotSignature('PUT', url, ts),
        'X-HubSpot-Request-Timestamp': ts,
      },
      body: BODY,
    });
    expect(response.status).toBe(200);
    const detail = await latest();
    expect(detail).toMatchObject({
      method: 'PUT',
      event: 'contact.creation',
      stored: 'valid',
      verification: { scheme: 'hubspot', verdict: 'valid' },
    });

    const whatIf = await t.api<{ data: Verification }>('POST', `/requests/${detail.id}/verify`, { method: 'POST' });
    expect(whatIf.body.data.reason).toBe('signature_mismatch');
    expect((await t.api<{ data: Verification }>('POST', `/requests/${detail.id}/verify`)).body.data.verdict).toBe('valid');

    // A settings change re-verifies the history with each capture's own method.
    await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'other' });
    expect(await latest()).toMatchObject({ stored: 'invalid', verification: { verdict: 'invalid' } });
    await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: SECRET });
    expect(await latest()).toMatchObject({ stored: 'valid', verification: { verdict: 'valid' } });
  });

  it('Compose signs with the method it sends: a HubSpot PUT sent to the receiver is captured valid', async () => {
    await t.api('POST', '/endpoints', { path: '/hubspot-sent', secret: SECRET, scheme: 'hubspot' });
    const sent = await t.api<{ data: unknown }>('POST', '/send', {
      url: `${t.engine.receiverUrl}/hubspot-sent`,
      method: 'PUT',
      body: BODY,
      headers: [['content-type', 'application/json']],
      sign: { scheme: 'hubspot', secret: SECRET },
    });
    expect(sent.status).toBe(200);
    expect(await latest()).toMatchObject({ method: 'PUT', stored: 'valid', verification: { scheme: 'hubspot', verdict: 'valid' } });
  });

  it('GitLab: the token header verifies, a wrong one is "token differs" without the secret', async () => {
    await t.api('POST', '/endpoints', { path: '/gitlab', secret: 'gl-token', scheme: 'gitlab' });
    await t.send('/gitlab', {
      headers: { 'content-type': 'application/json', 'X-Gitlab-Token': 'gl-token', 'X-Gitlab-Event': 'Push Hook' },
      body: '{"object_kind":"push"}',
    });
    expect(await latest()).toMatchObject({ event: 'Push Hook', stored: 'valid', verification: { scheme: 'gitlab', verdict: 'valid' } });
    await t.send('/gitlab', { headers: { 'X-Gitlab-Token': 'nope' }, body: '{"object_kind":"push"}' });
    const wrong = await latest();
    expect(wrong.verification).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
    expect(wrong.verification.diagnosis.map((item) => item.code)).toContain('token_mismatch');
    expect(JSON.stringify(wrong.verification)).not.toContain('gl-token');
  });
});

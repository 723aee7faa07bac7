import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { verifyMessage } from '../../../../src/main/engine/signatures/verify';
import { scheme } from '../helpers';

/**
 * HubSpot v3 (https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests):
 * HubSpot publishes no v3 vector, so it is computed here with node:crypto as the docs describe:
 * base64 HMAC-SHA256(client secret, method + URI + body + timestamp ms), the listed escapes of the
 * URI decoded.
 */
const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const BODY =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
const NOW = 1_700_000_000;
const TS = String(NOW * 1000);
const signature = (method: string, uri: string, body = BODY, ts = TS) =>
  createHmac('sha256', SECRET)
    .update(method + uri + body + ts)
    .digest('base64');

const check = (headers: Record<string, string>, options: { url: string; method?: string; now?: number; secret?: string }) =>
  verifyMessage(
    {
      headers: Object.entries(headers),
      body: Buffer.from(BODY),
      url: options.url,
      exactUrl: true,
      ...(options.method ? { method: options.method } : {}),
    },
    { scheme: 'hubspot', secret: options.secret ?? SECRET, toleranceSeconds: 300, nowSeconds: options.now ?? NOW },
  );

describe('HubSpot v3', () => {
  const url = 'https://www.example.com/webhook_uri?portal=62515';
  const headers = { 'X-HubSpot-Signature-v3': signature('POST', url), 'X-HubSpot-Request-Timestamp': TS };

  it('verifies method + URI + body + timestamp, and signs the same', () => {
    const result = check(headers, { url, method: 'POST' });
    expect(result).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(Buffer.from(result.signed_content_base64 as string, 'base64').toString()).toBe(`POST${url}${BODY}${TS}`);
    const signed = scheme('hubspot').sign({ secret: SECRET, body: Buffer.from(BODY), timestampSeconds: NOW, url, method: 'POST' });
    expect(signed.headers).toEqual(headers);
  });

  it('the method is signed: a GET signature does not verify a POST, and POST is assumed when none is given', () => {
    const get = { ...headers, 'X-HubSpot-Signature-v3': signature('GET', url) };
    expect(check(get, { url, method: 'POST' }).reason).toBe('signature_mismatch');
    expect(check(get, { url, method: 'GET' }).verdict).toBe('valid');
    expect(check(headers, { url }).verdict).toBe('valid');
  });

  it("decodes the URI's listed escapes (%3A, %2F, %40...) as HubSpot does before signing", () => {
    const encoded = 'https://www.example.com/webhook_uri?redirect=https%3A%2F%2Fa.example%2Fb%40c&q=a%20b';
    const decoded = 'https://www.example.com/webhook_uri?redirect=https://a.example/b@c&q=a%20b';
    expect(check({ ...headers, 'X-HubSpot-Signature-v3': signature('POST', decoded) }, { url: encoded, method: 'POST' }).verdict).toBe(
      'valid',
    );
    expect(check({ ...headers, 'X-HubSpot-Signature-v3': signature('POST', encoded) }, { url: encoded, method: 'POST' }).verdict).toBe(
      'invalid',
    );
  });

  it('wrong secret, missing headers, and a timestamp older than 5 minutes', () => {
    expect(check(headers, { url, secret: 'wrong' }).reason).toBe('signature_mismatch');
    expect(check({ 'X-HubSpot-Request-Timestamp': TS }, { url }).reason).toBe('missing_header');
    expect(check({ 'X-HubSpot-Signature-v3': headers['X-HubSpot-Signature-v3'] }, { url }).reason).toBe('missing_header');
    // Checked before the signature, as the docs' steps do: even a correct signature is too old.
    expect(check(headers, { url, now: NOW + 301 }).reason).toBe('timestamp_expired');
  });

  it('reads the event type from the first event of the array', () => {
    expect(eventTypeOf('hubspot', [], Buffer.from(BODY), 'application/json')).toBe('contact.creation');
    expect(eventTypeOf('hubspot', [], Buffer.from('[]'), 'application/json')).toBeNull();
  });

  it('describes its signed content with {method}', () => {
    expect(scheme('hubspot').descriptor).toMatchObject({
      signed_content: '{method}{url}{body}{timestamp}',
      uses_url: true,
      timestamp_unit: 'ms',
    });
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deliveryIdOf } from '../../../../src/main/engine/receiver/delivery-id';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * DocuSign Connect and Hookdeck send one signature header per active key. Neither publishes a
 * literal vector: the signatures are computed here with node:crypto as their docs describe
 * (base64 HMAC-SHA256 of the raw body, the key's text as the HMAC key).
 */
const b64 = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('base64');

describe('DocuSign Connect', () => {
  // The HMAC key looks like base64 but is used as text (their C# sample: Encoding.UTF8.GetBytes(secret)).
  const KEY = 'PwQm7uD3cJ4ZBvQ9u5JP6Tnnb1Xh6EiiNJ5lqc6o0/o=';
  const OTHER_KEY = 'Zs3uZ5dq0xdj4oJq4pT0dO3cD0bXk1B0qWb7+Hh9m1Q=';
  const body =
    '{"event":"envelope-completed","apiVersion":"v2.1","uri":"/restapi/v2.1/accounts/1/envelopes/2","retryCount":0,"generatedDateTime":"2024-01-01T12:00:00.000Z","data":{"envelopeId":"93be49ab-0000-0000-0000-000000000000"}}\r\n';

  it('verifies X-DocuSign-Signature-1 computed as the docs describe, keyed with the text of the key', () => {
    expect(
      verify('docusign', { 'X-DocuSign-Signature-1': b64(KEY, body), 'X-Authorization-Digest': 'HMACSHA256' }, body, { secret: KEY })
        .verdict,
    ).toBe('valid');
    expect(scheme('docusign').sign({ secret: KEY, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-DocuSign-Signature-1': b64(KEY, body),
    });
  });

  it('accepts the configured key in any X-DocuSign-Signature-N header (one header per active key)', () => {
    const headers = { 'X-DocuSign-Signature-1': b64(OTHER_KEY, body), 'X-DocuSign-Signature-2': b64(KEY, body) };
    expect(verify('docusign', headers, body, { secret: KEY }).verdict).toBe('valid');
    expect(verify('docusign', headers, body, { secret: OTHER_KEY }).verdict).toBe('valid');
    expect(verify('docusign', headers, body, { secret: 'third-key' }).reason).toBe('signature_mismatch');
  });

  it('a base64-decoded key (a common mistake) does not verify', () => {
    const decodedKeyMac = createHmac('sha256', Buffer.from(KEY, 'base64')).update(body).digest('base64');
    expect(verify('docusign', { 'X-DocuSign-Signature-1': decodedKeyMac }, body, { secret: KEY }).reason).toBe('signature_mismatch');
  });

  it('no signature header at all is missing_header', () => {
    const result = verify('docusign', { 'X-Authorization-Digest': 'HMACSHA256' }, body, { secret: KEY });
    expect(result.reason).toBe('missing_header');
    expect(result.diagnosis[0]?.message).toContain('X-DocuSign-Signature-1');
  });

  it('the event type is the body event; the trailing line ending DocuSign signs is part of the body', () => {
    expect(eventTypeOf('docusign', [], Buffer.from(body), 'application/json')).toBe('envelope-completed');
    const result = verify('docusign', { 'X-DocuSign-Signature-1': b64(KEY, body) }, body.trimEnd(), { secret: KEY });
    expect(result.verdict).toBe('invalid');
    expect(codes(result)).toContain('body_trailing_newline');
  });

  it('offers no snippet: one reading X-DocuSign-Signature-1 alone would reject a second key', () => {
    expect(scheme('docusign').snippet).toBeNull();
  });
});

describe('Hookdeck', () => {
  const SECRET = 'hookdeck_project_secret_1';
  const PREVIOUS = 'hookdeck_project_secret_0';
  const body = '{"id":"evt_1","type":"payment_intent.succeeded","data":{"amount":4200}}';

  it('verifies x-hookdeck-signature, and signs it', () => {
    expect(verify('hookdeck', { 'x-hookdeck-signature': b64(SECRET, body) }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(scheme('hookdeck').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-Hookdeck-Signature': b64(SECRET, body),
    });
  });

  it('while a secret rolls, x-hookdeck-signature-2 carries the previous one: either verifies', () => {
    const headers = { 'x-hookdeck-signature': b64(SECRET, body), 'x-hookdeck-signature-2': b64(PREVIOUS, body) };
    expect(verify('hookdeck', headers, body, { secret: SECRET }).verdict).toBe('valid');
    expect(verify('hookdeck', headers, body, { secret: PREVIOUS }).verdict).toBe('valid');
    expect(verify('hookdeck', headers, body, { secret: 'unrelated' }).reason).toBe('signature_mismatch');
  });

  it('missing signature: missing_header; the event id is the delivery id; the event type is read the default way', () => {
    expect(verify('hookdeck', { 'x-hookdeck-eventid': 'evt_abc' }, body, { secret: SECRET }).reason).toBe('missing_header');
    expect(deliveryIdOf([['X-Hookdeck-EventID', 'evt_abc']])).toBe('evt_abc');
    expect(eventTypeOf('hookdeck', [], Buffer.from('{"event":"order.paid"}'), 'application/json')).toBe('order.paid');
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';
import type { HeaderPair } from '../../../../src/shared/http-headers';

/**
 * Trello publishes no literal vector: signatures are computed here with node:crypto as
 * https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures describes
 * (base64 HMAC-SHA1 of body + callbackURL, keyed with the application secret).
 */
const SECRET = 'trello-oauth1-app-secret';
const CALLBACK = 'https://hooks.example.com/trello/board-1?mainModel=true';
const body = '{"action":{"type":"updateCard","data":{"card":{"name":"Ship it – today"}}},"model":{"id":"4d5ea62fd76aa1136000000c"}}';
const mac = (content: string | Buffer, secret = SECRET) => createHmac('sha1', secret).update(content).digest('base64');

describe('Trello', () => {
  it('verifies body + callback URL (UTF-8) and signs the same', () => {
    const header = mac(body + CALLBACK);
    expect(verify('trello', { 'X-Trello-Webhook': header }, body, { secret: SECRET }, CALLBACK).verdict).toBe('valid');
    expect(scheme('trello').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0, url: CALLBACK }).headers).toEqual({
      'X-Trello-Webhook': header,
    });
  });

  it("accepts the docs' 'binary string' form: each character cut to 8 bits (the en dash U+2013 becomes 0x13)", () => {
    const binary = Buffer.from(body + CALLBACK, 'latin1');
    expect(binary.includes(0x13)).toBe(true);
    expect(verify('trello', { 'X-Trello-Webhook': mac(binary) }, body, { secret: SECRET }, CALLBACK).verdict).toBe('valid');
  });

  it('rebuilds the public callback URL from forwarding headers behind a tunnel', () => {
    const headers: HeaderPair[] = [
      ['X-Trello-Webhook', mac(body + CALLBACK)],
      ['Host', 'localhost:8787'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Host', 'hooks.example.com'],
    ];
    expect(verify('trello', headers, body, { secret: SECRET }, '/trello/board-1?mainModel=true').verdict).toBe('valid');
  });

  it('a wrong secret is a mismatch; no header is missing_header', () => {
    expect(
      verify('trello', { 'X-Trello-Webhook': mac(body + CALLBACK, 'api-key-not-secret') }, body, { secret: SECRET }, CALLBACK).reason,
    ).toBe('signature_mismatch');
    expect(verify('trello', { 'Content-Type': 'application/json' }, body, { secret: SECRET }, CALLBACK).reason).toBe('missing_header');
  });

  it('diagnoses a callback URL registered with a trailing slash, and a signature over the body alone', () => {
    const slash = verify(
      'trello',
      { 'X-Trello-Webhook': mac(`${body}https://hooks.example.com/trello/board-1/?mainModel=true`) },
      body,
      { secret: SECRET },
      CALLBACK,
    );
    expect(slash.verdict).toBe('invalid');
    expect(slash.diagnosis.find((item) => item.code === 'signed_content')?.message).toContain('board-1/?mainModel=true');
    expect(codes(verify('trello', { 'X-Trello-Webhook': mac(body) }, body, { secret: SECRET }, CALLBACK))).toContain('signed_content');
  });

  it('the event type is the action type', () => {
    expect(eventTypeOf('trello', [], Buffer.from(body), 'application/json')).toBe('updateCard');
  });

  it('offers no snippet: the signed URL is not in the request', () => {
    expect(scheme('trello').snippet).toBeNull();
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, verify } from '../helpers';

/**
 * Zoom, Meta, X, Dropbox and Asana. None of them publishes a literal vector (secret, body and
 * signature together) nor an npm SDK that verifies, so each vector is computed here with
 * node:crypto following the provider's documentation, cited in its scheme file:
 * - Zoom: `v0=` + hex HMAC-SHA256(secret token, `v0:{x-zm-request-timestamp}:{body}`)
 * - Meta: `sha256=` + hex HMAC-SHA256(app secret, body) in X-Hub-Signature-256
 * - X: `sha256=` + base64 HMAC-SHA256(consumer secret, body) in x-twitter-webhooks-signature
 * - Dropbox: hex HMAC-SHA256(app secret, body) in X-Dropbox-Signature
 * - Asana: hex HMAC-SHA256(X-Hook-Secret, body) in X-Hook-Signature
 */
const NOW = 1_700_000_000;
const SECRET = 'provider-secret';
const mac = (text: string, encoding: 'hex' | 'base64', secret = SECRET) => createHmac('sha256', secret).update(text).digest(encoding);
const json = 'application/json';

const zoomBody =
  '{"event":"meeting.started","payload":{"account_id":"D8cJuqWVQ623CI4Q8yQK0Q","object":{"id":"1234567890","topic":"Standup"}},"event_ts":1700000000123}';
const metaBody =
  '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","messages":[{"from":"16315551181","text":{"body":"héllo"}}]},"field":"messages"}]}]}';
const xBody = '{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1712345678901234567","text":"hello"}]}';
const dropboxBody = '{"list_folder": {"accounts": ["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]}, "delta": {"users": [12345678]}}';
const asanaBody =
  '{"events":[{"action":"changed","resource":{"gid":"1199","resource_type":"task"},"user":{"gid":"1","resource_type":"user"}}]}';

const cases = [
  {
    id: 'zoom',
    body: zoomBody,
    event: 'meeting.started',
    headers: (body: string, secret = SECRET, ts = String(NOW)) => ({
      'x-zm-request-timestamp': ts,
      'x-zm-signature': `v0=${mac(`v0:${ts}:${body}`, 'hex', secret)}`,
    }),
    signatureHeader: 'x-zm-signature',
  },
  {
    id: 'meta',
    body: metaBody,
    event: 'whatsapp_business_account.messages',
    headers: (body: string, secret = SECRET) => ({ 'X-Hub-Signature-256': `sha256=${mac(body, 'hex', secret)}` }),
    signatureHeader: 'X-Hub-Signature-256',
  },
  {
    id: 'x',
    body: xBody,
    event: 'tweet_create_events',
    headers: (body: string, secret = SECRET) => ({ 'x-twitter-webhooks-signature': `sha256=${mac(body, 'base64', secret)}` }),
    signatureHeader: 'x-twitter-webhooks-signature',
  },
  {
    id: 'dropbox',
    body: dropboxBody,
    event: 'list_folder',
    headers: (body: string, secret = SECRET) => ({ 'X-Dropbox-Signature': mac(body, 'hex', secret) }),
    signatureHeader: 'X-Dropbox-Signature',
  },
  {
    id: 'asana',
    body: asanaBody,
    event: 'task.changed',
    headers: (body: string, secret = SECRET) => ({ 'X-Hook-Signature': mac(body, 'hex', secret) }),
    signatureHeader: 'X-Hook-Signature',
  },
] as const;

describe.each(cases)('$id', ({ id, body, event, headers, signatureHeader }) => {
  it('verifies the vector computed from the docs', () => {
    const result = verify(id, { 'content-type': json, ...headers(body) }, body, { secret: SECRET, nowSeconds: NOW });
    expect(result).toMatchObject({ verdict: 'valid', reason: 'ok' });
  });

  it('a wrong secret is signature_mismatch', () => {
    const result = verify(id, headers(body, 'another-secret'), body, { secret: SECRET, nowSeconds: NOW });
    expect(result).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
  });

  it('no signature header is missing_header, naming it', () => {
    const without = Object.entries(headers(body)).filter(([name]) => name !== signatureHeader);
    const result = verify(id, without, body, { secret: SECRET, nowSeconds: NOW });
    expect(result.reason).toBe('missing_header');
    expect(result.diagnosis[0]?.message).toContain(signatureHeader);
  });

  it('reads the event type from the sample', () => {
    expect(eventTypeOf(id, Object.entries(headers(body)), Buffer.from(body), json)).toBe(event);
  });
});

describe('literal vectors published with examples', () => {
  it("Dropbox: hapi-dropbox-webhooks' test vector (a third-party plugin; Dropbox publishes none)", () => {
    // https://app.unpkg.com/hapi-dropbox-webhooks@1.1.0/files/test/index.js
    const result = verify(
      'dropbox',
      { 'X-Dropbox-Signature': '0a8c16b085420b960dc78664279fe09e936a2a01b1f91064869d9e77dfd64529' },
      '{"delta": {"users": [12345]}}',
      { secret: 'the_secret', nowSeconds: NOW },
    );
    expect(result.verdict).toBe('valid');
  });

  it("Asana: the X-Hook-Secret of Asana's own handshake example signs the events", () => {
    // https://developers.asana.com/reference/createwebhook shows this secret; the MAC is node:crypto's.
    const secret = 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81';
    const result = verify('asana', { 'X-Hook-Signature': mac(asanaBody, 'hex', secret) }, asanaBody, { secret, nowSeconds: NOW });
    expect(result.verdict).toBe('valid');
  });
});

describe('timestamps and diagnosis', () => {
  it('Zoom: a timestamp beyond the tolerance is timestamp_expired', () => {
    const old = String(NOW - 3600);
    const result = verify('zoom', cases[0].headers(zoomBody, SECRET, old), zoomBody, { secret: SECRET, nowSeconds: NOW });
    expect(result.reason).toBe('timestamp_expired');
  });

  it('Meta: a body re-serialized by the receiver (JSON.stringify of the parsed body, \\u escapes gone) is diagnosed body_reserialized', () => {
    const signedAsSent = metaBody.replace('héllo', 'h\\u00e9llo');
    const result = verify('meta', cases[1].headers(signedAsSent), metaBody, { secret: SECRET, nowSeconds: NOW });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toContain('body_reserialized');
  });

  it('Asana heartbeats and Meta Messenger bodies still name what they can', () => {
    expect(eventTypeOf('asana', [], Buffer.from('{"events":[]}'), json)).toBeNull();
    expect(eventTypeOf('meta', [], Buffer.from('{"object":"page","entry":[{"messaging":[{}]}]}'), json)).toBe('page');
    expect(eventTypeOf('dropbox', [], Buffer.from('{"delta":{}}'), json)).toBeNull();
  });
});

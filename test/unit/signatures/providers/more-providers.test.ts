import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * Box, Airtable, Pusher and Microsoft Teams publish no literal vector: each expected signature is
 * computed here with node:crypto following the docs cited in the scheme files.
 */

describe('Box', () => {
  const PRIMARY = 'SamplePrimaryKey7wYkBqv';
  const SECONDARY = 'SampleSecondaryKeyq2Lx';
  const body = '{"type":"webhook_event","id":"eb0c4e06-751f-442c-86f8-fd5bb404dbec","created_at":"2024-03-01T12:00:00-08:00","trigger":"FILE.UPLOADED","source":{"id":"12345","type":"file","name":"Résumé.pdf"}}';
  const timestamp = '2024-03-01T12:00:05-08:00';
  const at = Date.parse(timestamp) / 1000;
  // developer.box.com/guides/webhooks/v2/signatures-v2: body bytes first, then the timestamp bytes; base64.
  const mac = (key: string) => createHmac('sha256', key).update(body).update(timestamp).digest('base64');
  const headers = { 'BOX-DELIVERY-TIMESTAMP': timestamp, 'BOX-SIGNATURE-VERSION': '1', 'BOX-SIGNATURE-ALGORITHM': 'HmacSHA256', 'BOX-SIGNATURE-PRIMARY': mac(PRIMARY), 'BOX-SIGNATURE-SECONDARY': mac(SECONDARY) };

  it('verifies with the primary key or the secondary key', () => {
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at + 5 }).verdict).toBe('valid');
    expect(verify('box', headers, body, { secret: SECONDARY, nowSeconds: at + 5 }).verdict).toBe('valid');
    expect(verify('box', headers, body, { secret: 'neither', nowSeconds: at + 5 }).reason).toBe('signature_mismatch');
  });

  it('signs body + timestamp, with the version and algorithm headers box-node-sdk requires', () => {
    const signed = scheme('box').sign({ secret: PRIMARY, body: Buffer.from(body), timestampSeconds: at }).headers;
    expect(signed['BOX-SIGNATURE-VERSION']).toBe('1');
    expect(signed['BOX-SIGNATURE-ALGORITHM']).toBe('HmacSHA256');
    const stamp = signed['BOX-DELIVERY-TIMESTAMP'] as string;
    expect(Date.parse(stamp) / 1000).toBe(at);
    expect(signed['BOX-SIGNATURE-PRIMARY']).toBe(createHmac('sha256', PRIMARY).update(body).update(stamp).digest('base64'));
  });

  it('rejects a delivery older than the tolerance (past only, as the docs check), and a missing timestamp', () => {
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at + 301 }).reason).toBe('timestamp_expired');
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at - 3600 }).verdict).toBe('valid');
    const { 'BOX-DELIVERY-TIMESTAMP': _t, ...untimed } = headers;
    expect(verify('box', untimed, body, { secret: PRIMARY, nowSeconds: at }).reason).toBe('missing_header');
    const { 'BOX-SIGNATURE-PRIMARY': _p, 'BOX-SIGNATURE-SECONDARY': _s, ...unsigned } = headers;
    expect(verify('box', unsigned, body, { secret: PRIMARY, nowSeconds: at }).reason).toBe('missing_header');
  });

  it('diagnoses timestamp and body swapped (the order Box documents is body first)', () => {
    const swapped = createHmac('sha256', PRIMARY).update(timestamp).update(body).digest('base64');
    const result = verify('box', { ...headers, 'BOX-SIGNATURE-PRIMARY': swapped, 'BOX-SIGNATURE-SECONDARY': swapped }, body, { secret: PRIMARY, nowSeconds: at });
    expect(codes(result)).toContain('signed_content');
  });

  it('the event type is the trigger', () => {
    expect(eventTypeOf('box', [], Buffer.from(body), 'application/json')).toBe('FILE.UPLOADED');
  });
});

describe('Airtable', () => {
  const MAC_SECRET_BASE64 = Buffer.from('airtable-mac-secret-bytes-0123456789').toString('base64');
  const body = '{"base":{"id":"appABC123"},"webhook":{"id":"achXYZ789"},"timestamp":"2024-02-01T21:25:05.663Z"}';
  // The docs: createHmac('sha256', Buffer.from(macSecretBase64, 'base64')) ... 'hmac-sha256=' + hex.
  const header = `hmac-sha256=${createHmac('sha256', Buffer.from(MAC_SECRET_BASE64, 'base64')).update(body, 'ascii').digest('hex')}`;

  it('verifies with the base64-decoded MAC secret, and signs the same', () => {
    expect(verify('airtable', { 'X-Airtable-Content-MAC': header }, body, { secret: MAC_SECRET_BASE64 }).verdict).toBe('valid');
    expect(scheme('airtable').sign({ secret: MAC_SECRET_BASE64, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({ 'X-Airtable-Content-MAC': header });
  });

  it('the secret used as text (not decoded) is a mismatch the diagnosis explains; a missing header is missing_header', () => {
    const asText = `hmac-sha256=${createHmac('sha256', MAC_SECRET_BASE64).update(body).digest('hex')}`;
    const result = verify('airtable', { 'X-Airtable-Content-MAC': asText }, body, { secret: MAC_SECRET_BASE64 });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toContain('secret_format');
    expect(verify('airtable', {}, body, { secret: MAC_SECRET_BASE64 }).reason).toBe('missing_header');
  });
});

describe('Pusher Channels', () => {
  const SECRET = '7ad3773142a6692b25b8';
  const body = '{"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"presence-room-1"}]}';
  const signature = createHmac('sha256', SECRET).update(body).digest('hex');

  it('verifies X-Pusher-Signature (hex HMAC-SHA256 of the body with the app secret) and signs it', () => {
    expect(verify('pusher', { 'X-Pusher-Key': '278d425bdf160c739803', 'X-Pusher-Signature': signature }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(scheme('pusher').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({ 'X-Pusher-Signature': signature });
  });

  it('wrong secret, missing signature, and the event type from the first event', () => {
    expect(verify('pusher', { 'X-Pusher-Signature': signature }, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('pusher', { 'X-Pusher-Key': '278d425bdf160c739803' }, body, { secret: SECRET }).reason).toBe('missing_header');
    expect(eventTypeOf('pusher', [], Buffer.from(body), 'application/json')).toBe('channel_occupied');
  });
});

describe('Microsoft Teams outgoing webhook', () => {
  // The format of OfficeDev's sample token (base64 of 32 bytes).
  const TOKEN = '+ZaRRMC8+mpnfGaGsBOmkIFt98bttL5YQRq3p2tXgcE=';
  const body = '{"type":"message","id":"1485983408511","text":"<at>Bot</at> hello","from":{"name":"Megan"}}';
  const header = `HMAC ${createHmac('sha256', Buffer.from(TOKEN, 'base64')).update(Buffer.from(body, 'utf8')).digest('base64')}`;

  it('verifies Authorization: HMAC <base64> keyed with the decoded token, and signs it', () => {
    expect(verify('microsoft-teams', { Authorization: header }, body, { secret: TOKEN }).verdict).toBe('valid');
    expect(scheme('microsoft-teams').sign({ secret: TOKEN, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({ Authorization: header });
  });

  it('a bearer token is a malformed header; another token is a mismatch; the event type is the activity type', () => {
    expect(verify('microsoft-teams', { Authorization: 'Bearer abc' }, body, { secret: TOKEN }).reason).toBe('malformed_header');
    expect(verify('microsoft-teams', { Authorization: header }, body, { secret: 'QgyNSToQjf4p6+YzDpjKks1/tXeJQ7FhVHqRwTnugVI=' }).reason).toBe('signature_mismatch');
    expect(verify('microsoft-teams', {}, body, { secret: TOKEN }).reason).toBe('missing_header');
    expect(eventTypeOf('microsoft-teams', [], Buffer.from(body), 'application/json')).toBe('message');
  });
});

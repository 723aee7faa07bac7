import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { scheme, verify } from '../helpers';

/**
 * Mailgun (https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks):
 * hex HMAC-SHA256(webhook signing key, timestamp + token), inside the body. The docs give no
 * vector with its key, so it is computed here with node:crypto as they describe.
 */
const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
const TS = '1529006854';
const TOKEN = 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0';
const SIG = createHmac('sha256', KEY)
  .update(TS + TOKEN)
  .digest('hex');
const NOW = Number(TS);
const json = (signature: Record<string, string>) =>
  JSON.stringify({ signature, 'event-data': { event: 'delivered', id: 'CPgfbmQMTCKtHW6uIWtuVe' } });

describe('Mailgun', () => {
  it('verifies the JSON body (signature.timestamp, .token, .signature)', () => {
    const result = verify('mailgun', {}, json({ timestamp: TS, token: TOKEN, signature: SIG }), { secret: KEY, nowSeconds: NOW });
    expect(result).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(Buffer.from(result.signed_content_base64 as string, 'base64').toString()).toBe(TS + TOKEN);
  });

  it('verifies the legacy form-encoded fields', () => {
    const body = new URLSearchParams({ event: 'delivered', timestamp: TS, token: TOKEN, signature: SIG }).toString();
    expect(verify('mailgun', { 'Content-Type': 'application/x-www-form-urlencoded' }, body, { secret: KEY, nowSeconds: NOW }).verdict).toBe(
      'valid',
    );
    expect(eventTypeOf('mailgun', [], Buffer.from(body), 'application/x-www-form-urlencoded')).toBe('delivered');
  });

  it('wrong key: signature_mismatch; no signature in the body: missing; no token: malformed; old: expired', () => {
    expect(verify('mailgun', {}, json({ timestamp: TS, token: TOKEN, signature: SIG }), { secret: 'wrong', nowSeconds: NOW }).reason).toBe(
      'signature_mismatch',
    );
    expect(verify('mailgun', {}, '{"event-data":{"event":"delivered"}}', { secret: KEY, nowSeconds: NOW }).reason).toBe('missing_header');
    expect(verify('mailgun', {}, json({ timestamp: TS, signature: SIG }), { secret: KEY, nowSeconds: NOW }).reason).toBe(
      'malformed_header',
    );
    expect(
      verify('mailgun', {}, json({ timestamp: TS, token: TOKEN, signature: SIG }), { secret: KEY, nowSeconds: NOW + 301 }).reason,
    ).toBe('timestamp_expired');
  });

  it('signs by putting the signature in the body', () => {
    const signed = scheme('mailgun').sign({
      secret: KEY,
      body: Buffer.from('{"event-data":{"event":"opened"}}'),
      timestampSeconds: NOW,
      id: TOKEN,
    });
    expect(signed.headers).toEqual({});
    expect(JSON.parse(signed.body!.toString())).toEqual({
      'event-data': { event: 'opened' },
      signature: { timestamp: TS, token: TOKEN, signature: SIG },
    });
  });

  it('reads the event type from event-data.event', () => {
    expect(eventTypeOf('mailgun', [], Buffer.from(json({ timestamp: TS, token: TOKEN, signature: SIG })), 'application/json')).toBe(
      'delivered',
    );
  });
});

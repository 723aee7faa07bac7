import { describe, expect, it } from 'vitest';
import { fieldValue, findHeader, findHeaders, findRawHeaders } from '../../../src/main/engine/signatures/headers';
import { eventTypeOf } from '../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from './helpers';
import type { HeaderPair } from '../../../src/shared/http-headers';

/**
 * RFC 9110 5.5: a field value excludes the whitespace around it. Node's parser trims on a real
 * socket, but Lab input, HAR imports, raw files and stored headers arrive as written, so every
 * reader must see the bare value, while the verdict still shows what arrived.
 */

const NOW = 1_700_000_000;
const BODY = '{"type":"invoice.paid","event":"invoice.paid","id":"evt_1"}';
const URL = 'https://hooks.example.com/in/twilio?x=1';
const PADS = [' ', '\t', '  \t', ' \t\r\n'];

/** Each header family: plain prefix, bare base64, versioned list, keyed list, the strict 64-hex reader, timestamp and id headers. */
const FAMILIES: Array<{ id: string; secret: string; family: string }> = [
  { id: 'dcisionai', secret: 'whk_secret', family: 'strict 64-hex reader + timestamp header (s)' },
  { id: 'github', secret: 'gh-secret', family: 'plain sha256= prefix' },
  { id: 'shopify', secret: 'shp-secret', family: 'plain bare base64' },
  { id: 'slack', secret: 'slack-secret', family: 'plain v0= + timestamp header (timestamp-first)' },
  { id: 'stripe', secret: 'whsec_stripe', family: 'keyed t=,v1=' },
  { id: 'paddle', secret: 'pdl_secret', family: 'keyed ts=;h1=' },
  { id: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', family: 'versioned list + id + timestamp headers' },
  { id: 'svix', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', family: 'versioned list (svix-*)' },
  { id: 'twitch', secret: 'twitch-secret', family: 'plain + id + RFC 3339 timestamp headers' },
  { id: 'twilio', secret: 'twilio-token', family: 'plain base64 over the URL' },
  { id: 'linear', secret: 'lin_secret', family: 'plain bare hex' },
];

function signed(id: string, secret: string) {
  return scheme(id).sign({ secret, body: Buffer.from(BODY), timestampSeconds: NOW, id: 'msg_2Lf0', url: URL }).headers;
}

describe('header values are trimmed before they are read (RFC 9110 5.5)', () => {
  it('fieldValue trims SP, HTAB, CR and LF around the value only', () => {
    expect(fieldValue('  sha256=ab cd\t')).toBe('sha256=ab cd');
    expect(fieldValue('\r\nv1,abc\n')).toBe('v1,abc');
    expect(fieldValue('bare')).toBe('bare');
    expect(fieldValue(' \t ')).toBe('');
    // NBSP is obs-text, part of a value, not whitespace for HTTP.
    expect(fieldValue('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
    const headers: HeaderPair[] = [
      ['X-A', ' one '],
      ['x-a', '\ttwo'],
    ];
    expect(findHeader(headers, 'x-a')).toBe('one');
    expect(findHeaders(headers, 'X-A')).toEqual(['one', 'two']);
    expect(findRawHeaders(headers, 'X-A')).toEqual([' one ', '\ttwo']);
  });

  for (const { id, secret, family } of FAMILIES) {
    it.each(PADS.map((pad) => [JSON.stringify(pad), pad]))(
      `${id} (${family}): every header padded with %s verifies, and shows what arrived`,
      (_label, pad) => {
        const headers = Object.entries(signed(id, secret)).map(([name, value]): HeaderPair => [name, `${pad}${value}${pad}`]);
        const result = verify(id, headers, BODY, { secret, nowSeconds: NOW, toleranceSeconds: 300 }, URL);
        expect(result.reason, JSON.stringify(result.diagnosis)).toBe('ok');
        expect(result.verdict).toBe('valid');
        expect(result.timestamp.value).toBe(scheme(id).descriptor.uses_timestamp && id !== 'linear' ? NOW : null);
        // The received value is the header as it arrived, padding included.
        expect(result.signature.received).toMatch(
          new RegExp(`^${pad.replace(/[\r\n\t]/g, (c) => `\\${({ '\r': 'r', '\n': 'n', '\t': 't' } as Record<string, string>)[c]}`)}\\S`),
        );
      },
    );
  }

  it('a padded but wrong signature is still signature_mismatch, and a padded expired timestamp still expires', () => {
    const headers = signed('slack', 'slack-secret');
    const padded = Object.entries(headers).map(([name, value]): HeaderPair => [name, ` ${value} `]);
    expect(verify('slack', padded, BODY, { secret: 'other', nowSeconds: NOW }).reason).toBe('signature_mismatch');
    expect(verify('slack', padded, BODY, { secret: 'slack-secret', nowSeconds: NOW + 3600 }).reason).toBe('timestamp_expired');
    const stripe = Object.entries(signed('stripe', 'whsec_stripe')).map(([name, value]): HeaderPair => [name, `\t${value}\t`]);
    const expired = verify('stripe', stripe, BODY, { secret: 'whsec_stripe', nowSeconds: NOW + 3600 });
    expect(expired.reason).toBe('timestamp_expired');
    expect(codes(expired)).toContain('timestamp_expired');
  });

  it("DcisionAI's strict reader: padding is not malformed, but a value that is not 64 hex still is", () => {
    const headers = signed('dcisionai', 'whk_secret');
    const ok = verify('dcisionai', { ...headers, 'X-DcisionAI-Signature': `  ${headers['X-DcisionAI-Signature']}\t` }, BODY, {
      secret: 'whk_secret',
      nowSeconds: NOW,
    });
    expect(ok.reason).toBe('ok');
    expect(ok.signature.received).toBe(`  ${headers['X-DcisionAI-Signature']}\t`);
    const short = verify('dcisionai', { ...headers, 'X-DcisionAI-Signature': ` ${headers['X-DcisionAI-Signature']!.slice(2)} ` }, BODY, {
      secret: 'whk_secret',
      nowSeconds: NOW,
    });
    expect(short.reason).toBe('malformed_header');
    expect(short.diagnosis[0]?.message).toMatch(/got 62 characters/);
  });

  it('a whitespace-only signature header is malformed (empty), not missing', () => {
    const headers = signed('shopify', 'shp-secret');
    const result = verify('shopify', { 'X-Shopify-Hmac-Sha256': '   ' }, BODY, { secret: 'shp-secret', nowSeconds: NOW });
    expect(Object.keys(headers)).toContain('X-Shopify-Hmac-Sha256');
    expect(result.reason).toBe('malformed_header');
    expect(result.diagnosis[0]?.message).toMatch(/is empty/);
  });

  it('quotes are not whitespace: a quoted signature is still invalid, diagnosed signature_encoding', () => {
    const headers = signed('github', 'gh-secret');
    const quoted = verify('github', { 'X-Hub-Signature-256': ` "${headers['X-Hub-Signature-256']}" ` }, BODY, {
      secret: 'gh-secret',
      nowSeconds: NOW,
    });
    expect(quoted.reason).toBe('malformed_header');
    const shopify = signed('shopify', 'shp-secret');
    const inside = verify('shopify', { 'X-Shopify-Hmac-Sha256': ` "${shopify['X-Shopify-Hmac-Sha256']}" ` }, BODY, {
      secret: 'shp-secret',
      nowSeconds: NOW,
    });
    expect(inside.reason).toBe('signature_mismatch');
    expect(inside.diagnosis.find((item) => item.code === 'signature_encoding')?.message).toMatch(/quotes/);
  });

  it('event types read from padded headers come out bare', () => {
    const json = Buffer.from('{"action":"opened"}');
    expect(eventTypeOf('github', [['X-GitHub-Event', ' pull_request\t']], json, 'application/json')).toBe('pull_request.opened');
    expect(eventTypeOf('shopify', [['X-Shopify-Topic', '  orders/create ']], json, 'application/json')).toBe('orders/create');
  });
});

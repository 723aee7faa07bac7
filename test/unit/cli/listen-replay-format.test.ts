import { describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../../src/shared/api';
import { eventsMatcher, generatedSecret, listenLine } from '../../../src/main/cli/listen-format';
import { harTargetUrl, parseExpect } from '../../../src/main/cli/replay-har';
import { UsageError } from '../../../src/main/cli/args';
import { decodeWhsecSecret } from '../../../src/main/engine/signatures/schemes/standard-webhooks';

const capture = {
  received_at: '2026-01-02T03:04:05.678Z',
  method: 'POST',
  path: '/hooks',
  query: 'x=1',
  event: 'invoice.paid',
  verification: { verdict: 'valid', reason: 'ok', scheme: 'stripe', diagnosis: null },
  public_url: null,
  response_status: 200,
} as unknown as RequestSummary;

describe('hookscope listen formatting', () => {
  it('--events matches exact types and prefixes ending in *, never an unknown type', () => {
    const matches = eventsMatcher(' payment_intent.succeeded, invoice.* ');
    expect(matches('payment_intent.succeeded')).toBe(true);
    expect(matches('payment_intent.failed')).toBe(false);
    expect(matches('invoice.paid')).toBe(true);
    expect(matches(null)).toBe(false);
    expect(() => eventsMatcher(' , ')).toThrow(UsageError);
    expect(() => eventsMatcher('in*voice')).toThrow(/prefix ending in \*/);
  });

  it('generated secrets have the form the scheme decodes', () => {
    expect(decodeWhsecSecret(generatedSecret('whsec_base64'))).toHaveLength(24);
    expect(generatedSecret('hex')).toMatch(/^[0-9a-f]{48}$/);
    expect(Buffer.from(generatedSecret('base64'), 'base64')).toHaveLength(24);
    expect(generatedSecret('text')).not.toBe(generatedSecret('text'));
  });

  it('one line per request: the capture, then what the forward target answered', () => {
    const base = '2026-01-02 03:04:05Z  POST  /hooks?x=1  invoice.paid  valid ok';
    expect(
      listenLine(capture, { kind: 'forwarded', outcome: { url: 'http://t/hooks', status: 201, error: null, duration_ms: 3.14 } }),
    ).toBe(`${base}  → 201 in 3.1 ms`);
    expect(
      listenLine(capture, {
        kind: 'forwarded',
        outcome: {
          url: 'http://t/hooks',
          status: null,
          error: { code: 'connection_refused', message: 'Connection refused by t:80.' },
          duration_ms: 1,
        },
      }),
    ).toBe(`${base}  → forward failed (connection_refused) in 1.0 ms: Connection refused by t:80.`);
    expect(listenLine(capture, { kind: 'skipped' })).toBe(`${base}  → skipped (not in --events)`);
    expect(listenLine(capture, { kind: 'none' })).toBe(`${base}  → answered 200`);
  });
});

describe('hookscope replay --har', () => {
  it('--expect takes classes and exact statuses', () => {
    const expectOk = parseExpect('2xx,404');
    expect([200, 299, 404, 301, 500].map(expectOk)).toEqual([true, true, true, false, false]);
    expect(parseExpect('200')(201)).toBe(false);
    for (const bad of ['', '2XX,abc', '600', '20']) expect(() => parseExpect(bad)).toThrow(/--expect takes/);
  });

  it("an entry keeps its path and raw query below --to's base path", () => {
    expect(harTargetUrl('http://localhost:3000/api', 'https://hooks.example.com/hooks/stripe?x=1&y=%20')).toBe(
      'http://localhost:3000/api/hooks/stripe?x=1&y=%20',
    );
    expect(harTargetUrl('http://localhost:3000/api/', 'http://a/b')).toBe('http://localhost:3000/api/b');
    expect(harTargetUrl('http://localhost:3000', 'http://a/')).toBe('http://localhost:3000/');
    expect(harTargetUrl('http://localhost:3000/in?k=v', 'http://a/b?x=1')).toBe('http://localhost:3000/in/b?k=v&x=1');
  });
});

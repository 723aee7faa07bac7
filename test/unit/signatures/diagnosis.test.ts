import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codes, scheme, verify } from './helpers';

/**
 * Each diagnosis code on a real mismatch: a buggy signer produces the header, the stored bytes are
 * what a correct sender would send, and the verdict must stay `invalid`.
 */

const SECRET = 'whk_secret_1234567890';
const NOW = 1700000000;
const PRETTY = '{\n  "event": "project.created",\n  "data": {\n    "id": "proj_1",\n    "name": "Café <ünïcode> & co/x"\n  }\n}';
const COMPACT = JSON.stringify(JSON.parse(PRETTY));

const hmacHex = (content: string | Buffer, secret = SECRET, algorithm = 'sha256') =>
  createHmac(algorithm, secret).update(content).digest('hex');
/** DcisionAI headers for whatever content a buggy sender signed. */
const dcisionai = (signature: string, timestamp: string | number = NOW) => ({
  'X-DcisionAI-Timestamp': String(timestamp),
  'X-DcisionAI-Signature': signature,
});
const check = (headers: Record<string, string>, body: string | Buffer, extra: { secret?: string; nowSeconds?: number } = {}) =>
  verify('dcisionai', headers, body, { secret: SECRET, nowSeconds: NOW, ...extra });

function expectDiagnosis(result: ReturnType<typeof check>, code: string) {
  expect(result.verdict).toBe('invalid');
  expect(codes(result)).toContain(code);
  const item = result.diagnosis.find((entry) => entry.code === code);
  expect(item?.message.length).toBeGreaterThan(20);
  return item!;
}

describe('diagnosis', () => {
  it('a valid request carries no diagnosis', () => {
    const result = check(dcisionai(hmacHex(`${NOW}.${PRETTY}`)), PRETTY);
    expect(result.verdict).toBe('valid');
    expect(result.diagnosis).toEqual([]);
  });

  it('secret_whitespace: the configured secret has a trailing newline', () => {
    const result = check(dcisionai(hmacHex(`${NOW}.${PRETTY}`)), PRETTY, { secret: `${SECRET}\n` });
    expect(result.reason).toBe('signature_mismatch');
    expectDiagnosis(result, 'secret_whitespace');
  });

  it("secret_whitespace: the sender's secret has a trailing newline", () => {
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${PRETTY}`, `${SECRET}\n`)), PRETTY), 'secret_whitespace');
  });

  it("body_reserialized: the guide's Express bug, JSON.stringify(JSON.parse(body))", () => {
    const item = expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${COMPACT}`)), PRETTY), 'body_reserialized');
    expect(item.message).toMatch(/express\.raw/);
  });

  it.each([
    ['pretty, 2 spaces', JSON.stringify(JSON.parse(COMPACT), null, 2)],
    ['pretty, 4 spaces', JSON.stringify(JSON.parse(COMPACT), null, 4)],
    ['sorted keys', '{"data":{"id":"proj_1","name":"Café <ünïcode> & co/x"},"event":"project.created"}'],
    [
      "Python json.dumps (', ' ': ', ASCII escapes)",
      '{"event": "project.created", "data": {"id": "proj_1", "name": "Caf\\u00e9 <\\u00fcn\\u00efcode> & co/x"}}',
    ],
    [
      'Go json.Marshal (HTML escapes)',
      '{"event":"project.created","data":{"id":"proj_1","name":"Café \\u003cünïcode\\u003e \\u0026 co/x"}}',
    ],
  ])('body_reserialized: the sender signed %s', (_label, signed) => {
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${signed}`)), COMPACT), 'body_reserialized');
  });

  it('body_reserialized: \\uXXXX escapes removed (the body arrived escaped, the sender signed UTF-8)', () => {
    const escaped = COMPACT.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${COMPACT}`)), escaped), 'body_reserialized');
  });

  it('body_trailing_newline: signed with a newline the body lacks, and the reverse', () => {
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${COMPACT}\n`)), COMPACT), 'body_trailing_newline');
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${COMPACT}`)), `${COMPACT}\n`), 'body_trailing_newline');
  });

  it('body_line_endings: CRLF arrived, LF was signed', () => {
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${PRETTY}`)), PRETTY.replace(/\n/g, '\r\n')), 'body_line_endings');
  });

  it('body_bom: a BOM was added after signing', () => {
    expectDiagnosis(
      check(dcisionai(hmacHex(`${NOW}.${COMPACT}`)), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(COMPACT)])),
      'body_bom',
    );
  });

  it('body_decoded_as_text: Latin-1 bytes signed after a UTF-8 round trip (mojibake)', () => {
    const latin1 = Buffer.from('{"name":"Café"}', 'latin1');
    const signed = Buffer.concat([Buffer.from(`${NOW}.`), Buffer.from(latin1.toString('latin1'), 'utf8')]);
    expectDiagnosis(check(dcisionai(hmacHex(signed)), latin1), 'body_decoded_as_text');
  });

  it("body_decoded_as_text: the guide's Python bug, payload.decode() of non-UTF-8 bytes", () => {
    const raw = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const signed = Buffer.concat([Buffer.from(`${NOW}.`), Buffer.from(raw.toString('utf8'), 'utf8')]);
    expectDiagnosis(check(dcisionai(hmacHex(signed)), raw), 'body_decoded_as_text');
  });

  it('body_decoded_as_text: U+FFFD in what arrived is reported as a sign', () => {
    const body = '{"name":"Caf\uFFFD"}';
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.{"name":"Cafe"}`)), body), 'body_decoded_as_text');
  });

  it('signature_encoding: uppercase hex', () => {
    const result = check(dcisionai(hmacHex(`${NOW}.${COMPACT}`).toUpperCase()), COMPACT);
    expect(result.reason).toBe('signature_mismatch');
    expect(expectDiagnosis(result, 'signature_encoding').message).toMatch(/uppercase/);
  });

  it('signature_encoding: base64 where hex is expected (malformed, still explained)', () => {
    const base64 = createHmac('sha256', SECRET).update(`${NOW}.${COMPACT}`).digest('base64');
    const result = check(dcisionai(base64), COMPACT);
    expect(result.reason).toBe('malformed_header');
    expect(expectDiagnosis(result, 'signature_encoding').message).toMatch(/base64/);
  });

  it('signature_encoding: a stray sha256= prefix, and a missing required one', () => {
    expectDiagnosis(check(dcisionai(`sha256=${hmacHex(`${NOW}.${COMPACT}`)}`), COMPACT), 'signature_encoding');
    const github = verify('github', { 'X-Hub-Signature-256': hmacHex(COMPACT) }, COMPACT, { secret: SECRET });
    expect(github.reason).toBe('malformed_header');
    expect(expectDiagnosis(github, 'signature_encoding').message).toMatch(/sha256=/);
  });

  it('signature_encoding: hex where Shopify expects base64', () => {
    expectDiagnosis(verify('shopify', { 'X-Shopify-Hmac-Sha256': hmacHex(COMPACT) }, COMPACT, { secret: SECRET }), 'signature_encoding');
  });

  it.each([
    ['the body only', COMPACT],
    ['no separator', `${NOW}${COMPACT}`],
    ['timestamp and body swapped', `${COMPACT}.${NOW}`],
    ['another separator', `${NOW}:${COMPACT}`],
  ])('signed_content: %s', (_label, signed) => {
    expectDiagnosis(check(dcisionai(hmacHex(signed)), COMPACT), 'signed_content');
  });

  it("wrong_algorithm: HMAC-SHA1 in GitHub's SHA-256 header, HMAC-SHA512 for DcisionAI", () => {
    expectDiagnosis(
      verify('github', { 'X-Hub-Signature-256': `sha256=${hmacHex(COMPACT, SECRET, 'sha1')}` }, COMPACT, { secret: SECRET }),
      'wrong_algorithm',
    );
    expectDiagnosis(check(dcisionai(hmacHex(`${NOW}.${COMPACT}`, SECRET, 'sha512')), COMPACT), 'wrong_algorithm');
  });

  it('timestamp_milliseconds: Date.now() sent and signed as the timestamp', () => {
    const ms = NOW * 1000 + 123;
    const result = check(dcisionai(hmacHex(`${ms}.${COMPACT}`), ms), COMPACT);
    expect(result.reason).toBe('timestamp_future');
    expect(codes(result)).toEqual(['timestamp_future', 'timestamp_milliseconds']);
  });

  it('timestamp_milliseconds: milliseconds in the header, seconds in the signed content', () => {
    const result = check(dcisionai(hmacHex(`${NOW}.${COMPACT}`), NOW * 1000), COMPACT);
    expect(result.reason).toBe('signature_mismatch');
    expectDiagnosis(result, 'timestamp_milliseconds');
  });

  it('secret_format: a Standard Webhooks sender that used the whsec_ text as the key', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const mac = createHmac('sha256', secret).update(`msg_1.${NOW}.${COMPACT}`).digest('base64');
    const result = verify(
      'standard-webhooks',
      { 'webhook-id': 'msg_1', 'webhook-timestamp': String(NOW), 'webhook-signature': `v1,${mac}` },
      COMPACT,
      { secret, nowSeconds: NOW },
    );
    expectDiagnosis(result, 'secret_format');
  });

  it("signature_mismatch: names the other endpoints' secrets tried and the one that matches", () => {
    const headers = dcisionai(hmacHex(`${NOW}.${COMPACT}`, 'billing-secret'));
    const others = [
      { label: 'Orders', secret: 'orders-secret' },
      { label: 'Billing', secret: 'billing-secret' },
    ];
    const matching = check(headers, COMPACT);
    expect(codes(matching)).toEqual(['signature_mismatch']);
    const withOthers = verify('dcisionai', headers, COMPACT, { secret: SECRET, nowSeconds: NOW, otherSecrets: others });
    expect(withOthers.verdict).toBe('invalid');
    expect(codes(withOthers)).toEqual(['signature_mismatch']);
    expect(withOthers.diagnosis[0]?.message).toMatch(/DOES match the secret of "Billing"/);
    const none = verify('dcisionai', headers, COMPACT, { secret: SECRET, nowSeconds: NOW, otherSecrets: () => [others[0]!] });
    expect(none.diagnosis[0]?.message).toMatch(/"Orders"\) were tried too; none matches/);
  });

  it('reports every explanation that matches, not only the first', () => {
    // Re-serialized AND uppercase: the body explanation is found through the lenient decoding.
    const result = check(dcisionai(hmacHex(`${NOW}.${COMPACT}`).toUpperCase()), PRETTY);
    expect(codes(result)).toContain('body_reserialized');
  });

  it('stays bounded: a 20 KB JSON body takes milliseconds, a 2 MB one skips the body search', () => {
    const rows = (n: number) =>
      JSON.stringify(
        { event: 'dataset.processed', data: { rows: Array.from({ length: n }, (_, i) => ({ i, name: `row ${i}`, ok: true })) } },
        null,
        2,
      );
    const headers = dcisionai(hmacHex(`${NOW}.wrong`));
    const small = rows(250);
    check(headers, small); // warm up
    let started = performance.now();
    expect(codes(check(headers, small))).toEqual(['signature_mismatch']);
    // A few ms on an idle machine; generous here because test machines are shared.
    expect(performance.now() - started).toBeLessThan(100);
    const huge = rows(30000);
    started = performance.now();
    const result = check(headers, huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.diagnosis[0]?.message).toMatch(/larger than 256 KiB/);
  });

  it('applies to every scheme: a Slack request re-serialized by a relay', () => {
    const slack = scheme('slack').sign({ secret: SECRET, body: Buffer.from(COMPACT), timestampSeconds: NOW });
    expectDiagnosis(verify('slack', slack.headers, PRETTY, { secret: SECRET, nowSeconds: NOW }), 'body_reserialized');
  });
});

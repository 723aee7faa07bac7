import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verify } from './helpers';
import type { HeaderPair } from '../../../src/shared/http-headers';

/**
 * body_reserialized, named by how it happened, on real schemes (verifyMessage): the body that
 * arrived is what a correct sender sent; the signature covers what a buggy sender (or a relay)
 * re-serialized. The verdict must stay invalid and the message must say which serializer did it.
 */

const NOW = 1_700_000_000;
const SECRET = 'whsec_reserialized_1234';

/**
 * What arrived: compact, keys in the sender's order, integer-like keys after others (JSON.parse
 * would move them first), a 20-digit integer (beyond a double), a float written 1.0, 1e-7,
 * non-ASCII, and <, >, & and / in a string.
 */
const ARRIVED =
  '{"id":"evt_1","type":"charge.succeeded","data":{"object":{"zeta":"Café <b> & co/x","amount":12345678901234567890,"ratio":1.0,"small":1e-7,"items":[{"b":2,"a":1}],"10":"ten","2":"two"}},"created":1700000000}';

/** Computed with CPython 3.11: json.dumps(json.loads(ARRIVED), sort_keys=True). */
const PYTHON_SORTED =
  '{"created": 1700000000, "data": {"object": {"10": "ten", "2": "two", "amount": 12345678901234567890, "items": [{"a": 1, "b": 2}], "ratio": 1.0, "small": 1e-07, "zeta": "Caf\\u00e9 <b> & co/x"}}, "id": "evt_1", "type": "charge.succeeded"}';
/** CPython 3.11: json.dumps(json.loads(ARRIVED)) (insertion order kept). */
const PYTHON_DEFAULT =
  '{"id": "evt_1", "type": "charge.succeeded", "data": {"object": {"zeta": "Caf\\u00e9 <b> & co/x", "amount": 12345678901234567890, "ratio": 1.0, "small": 1e-07, "items": [{"b": 2, "a": 1}], "10": "ten", "2": "two"}}, "created": 1700000000}';
/** CPython 3.11: json.dumps(json.loads(ARRIVED), sort_keys=True, separators=(",", ":")). */
const PYTHON_SORTED_COMPACT =
  '{"created":1700000000,"data":{"object":{"10":"ten","2":"two","amount":12345678901234567890,"items":[{"a":1,"b":2}],"ratio":1.0,"small":1e-07,"zeta":"Caf\\u00e9 <b> & co/x"}},"id":"evt_1","type":"charge.succeeded"}';
/**
 * Go's encoding/json marshalling the map[string]interface{} json.Unmarshal gives (no Go toolchain
 * here, so written by hand following encode.go): map keys sorted by bytes, numbers as float64
 * (strconv 'f' format below 1e21, 'e' with the exponent's leading zero removed below 1e-6),
 * <, > and & escaped as \u003c, \u003e, \u0026, non-ASCII left as UTF-8.
 */
const GO_MAP =
  '{"created":1700000000,"data":{"object":{"10":"ten","2":"two","amount":12345678901234567000,"items":[{"a":1,"b":2}],"ratio":1,"small":1e-7,"zeta":"Café \\u003cb\\u003e \\u0026 co/x"}},"id":"evt_1","type":"charge.succeeded"}';
/** JavaScript with sorted keys (json-stable-stringify / fast-json-stable-stringify): plain string sort, JSON.stringify values. */
const JS_SORTED =
  '{"created":1700000000,"data":{"object":{"10":"ten","2":"two","amount":12345678901234567000,"items":[{"a":1,"b":2}],"ratio":1,"small":1e-7,"zeta":"Café <b> & co/x"}},"id":"evt_1","type":"charge.succeeded"}';

const hex = (content: string) => createHmac('sha256', SECRET).update(content).digest('hex');
const stripe = (signed: string, body = ARRIVED) =>
  verify('stripe', { 'Stripe-Signature': `t=${NOW},v1=${hex(`${NOW}.${signed}`)}` }, body, { secret: SECRET, nowSeconds: NOW });
const github = (signed: string, body = ARRIVED) =>
  verify('github', { 'X-Hub-Signature-256': `sha256=${hex(signed)}` }, body, { secret: SECRET, nowSeconds: NOW });
const dcisionai = (signed: string, body = ARRIVED) =>
  verify('dcisionai', { 'X-DcisionAI-Timestamp': String(NOW), 'X-DcisionAI-Signature': hex(`${NOW}.${signed}`) }, body, {
    secret: SECRET,
    nowSeconds: NOW,
  });

function reserialized(result: ReturnType<typeof verify>): string {
  expect(result.verdict).toBe('invalid');
  expect(result.reason).toBe('signature_mismatch');
  const item = result.diagnosis.find((entry) => entry.code === 'body_reserialized');
  expect(item, JSON.stringify(result.diagnosis)).toBeDefined();
  return item!.message;
}

describe('body_reserialized: JSON re-serialized, named by how', () => {
  it('the arrived body is not itself one of the styles (the fixtures mean something)', () => {
    for (const signed of [PYTHON_SORTED, PYTHON_DEFAULT, PYTHON_SORTED_COMPACT, GO_MAP, JS_SORTED]) expect(signed).not.toBe(ARRIVED);
    expect(stripe(ARRIVED).verdict).toBe('valid');
  });

  it("keys sorted by Python's json.dumps(sort_keys=True) (default separators, ASCII escapes) — Stripe", () => {
    expect(reserialized(stripe(PYTHON_SORTED))).toMatch(/json\.dumps\(payload, sort_keys=True\).*keys sorted.*", " and ": ".*\\uXXXX/);
  });

  it("keys sorted by Python's json.dumps(sort_keys=True, separators=(',', ':')) — GitHub", () => {
    expect(reserialized(github(PYTHON_SORTED_COMPACT))).toMatch(/sort_keys=True, separators=\(",", ":"\)\)/);
  });

  it("keys sorted by Go's encoding/json marshalling a map (sorted keys, <>& escaped) — GitHub", () => {
    const message = reserialized(github(GO_MAP));
    expect(message).toMatch(/Go's encoding\/json/);
    expect(message).toMatch(/map/);
    expect(message).toMatch(/keys sorted/);
    expect(message).toMatch(/\\u003c/);
  });

  it('keys sorted by JavaScript (JSON.stringify of sorted keys) — DcisionAI', () => {
    expect(reserialized(dcisionai(JS_SORTED))).toMatch(/JavaScript.*sorted keys/);
  });

  it("Python's json.dumps default separators and ASCII escaping, keys in order — Stripe", () => {
    const message = reserialized(stripe(PYTHON_DEFAULT));
    expect(message).toMatch(/json\.dumps\(payload\)/);
    expect(message).toMatch(/", " and ": " separators/);
    expect(message).not.toMatch(/sort_keys/);
  });

  it('JSON.stringify(JSON.parse(body)) moves integer-like keys first and rounds numbers, as V8 does — GitHub', () => {
    const js = JSON.stringify(JSON.parse(ARRIVED));
    expect(js).toContain('"object":{"2":"two","10":"ten"');
    expect(reserialized(github(js))).toMatch(/JSON\.stringify\(JSON\.parse\(body\)\)/);
  });

  it('the reverse: a Python-style body arrived, the sender signed compact JSON — Stripe', () => {
    expect(reserialized(stripe(JSON.stringify(JSON.parse(PYTHON_DEFAULT)), PYTHON_DEFAULT))).toMatch(/JSON\.stringify/);
  });

  it('a wrong secret is not explained as a re-serialization', () => {
    const result = verify(
      'stripe',
      { 'Stripe-Signature': `t=${NOW},v1=${createHmac('sha256', 'other').update(`${NOW}.${PYTHON_SORTED}`).digest('hex')}` },
      ARRIVED,
      { secret: SECRET, nowSeconds: NOW },
    );
    expect(result.diagnosis.map((item) => item.code)).toEqual(['signature_mismatch']);
  });
});

const FORM = 'name=Jos%C3%A9+Garc%C3%ADa&note=a%2Fb+c%7E&amount=10';

describe('body_reserialized: a form body (application/x-www-form-urlencoded) decoded or re-encoded', () => {
  it('the sender signed the URL-decoded text — GitHub', () => {
    expect(reserialized(github('name=José García&note=a/b c~&amount=10', FORM))).toMatch(/URL-decoded/);
  });

  it('the sender re-encoded spaces as %20 instead of + — Stripe', () => {
    expect(reserialized(stripe('name=Jos%C3%A9%20Garc%C3%ADa&note=a%2Fb%20c~&amount=10', FORM))).toMatch(/%20/);
  });

  it('the sender wrote + where %20 arrived — DcisionAI', () => {
    expect(reserialized(dcisionai('a=b+c&d=e', 'a=b%20c&d=e'))).toMatch(/\+ for spaces/);
  });

  it('the percent escapes are lower-case in what was signed — GitHub', () => {
    expect(reserialized(github('name=Jos%c3%a9+Garc%c3%ada&note=a%2fb+c%7e&amount=10', FORM))).toMatch(/lower-case/);
  });

  it('the parameters were reordered (sorted by name) — Stripe', () => {
    expect(reserialized(stripe('amount=10&name=Jos%C3%A9+Garc%C3%ADa&note=a%2Fb+c%7E', FORM))).toMatch(/sorted by name/);
  });

  it("Python's urlencode re-encoded it (~ kept, + for spaces) — GitHub", () => {
    expect(reserialized(github('name=Jos%C3%A9+Garc%C3%ADa&note=a%2Fb+c~&amount=10', FORM))).toMatch(/urlencode|quote_plus/);
  });

  it("GitHub's form delivery: the receiver signed the decoded payload field instead of the body", () => {
    const json = '{"action":"opened","number":1,"title":"a b"}';
    const body = `payload=${encodeURIComponent(json).replace(/%20/g, '+')}`;
    expect(reserialized(github(json, body))).toMatch(/payload/);
  });
});

describe('the search stays bounded', () => {
  const bigJson = (bytes: number) => {
    const items = [] as string[];
    for (let i = 0, length = 0; length < bytes; i++) {
      items.push(`{"id":${i},"name":"item ${i} é","tags":["a","b"],"price":${i}.5}`);
      length += items[i]!.length + 1;
    }
    return `{"data":[${items.join(',')}],"z":1,"a":2}`;
  };

  it.each([[64 * 1024], [250 * 1024], [1024 * 1024]])('a %i-byte JSON body that no style explains is diagnosed quickly', (bytes) => {
    const body = bigJson(bytes);
    const started = performance.now();
    const result = github('not the body', body);
    const elapsed = performance.now() - started;
    console.log(`diagnosis of a ${body.length}-byte JSON mismatch: ${elapsed.toFixed(1)} ms`);
    expect(result.reason).toBe('signature_mismatch');
    expect(elapsed).toBeLessThan(2000);
  });

  it('a 200 KB body re-serialized the Python way is still found', () => {
    const body = bigJson(200 * 1024);
    const python = body.replace(/,/g, ', ').replace(/":/g, '": ').replace(/é/g, '\\u00e9');
    expect(reserialized(github(python, body))).toMatch(/json\.dumps\(payload\)/);
  });
});

describe('the writers themselves', () => {
  it("pythonFloat writes floats as CPython's repr does (values from CPython 3.11)", async () => {
    const { pythonFloat } = await import('../../../src/main/engine/signatures/diagnosis/json-styles');
    const cpython: HeaderPair[] = [
      ['1.0', '1.0'],
      ['0.5', '0.5'],
      ['1e-5', '1e-05'],
      ['1e16', '1e+16'],
      ['123.456', '123.456'],
      ['-0.0', '-0.0'],
      ['1.5e300', '1.5e+300'],
      ['0.0001', '0.0001'],
      ['12345678.9', '12345678.9'],
      ['1E2', '100.0'],
      ['2.50', '2.5'],
    ];
    for (const [text, repr] of cpython) expect(pythonFloat(Number(text)), text).toBe(repr);
  });

  it('the tree keeps duplicate keys as a dict does (first place, last value) and escaped keys decoded', async () => {
    const { parseJsonTree } = await import('../../../src/main/engine/signatures/diagnosis/json-tree');
    const { JSON_WRITERS, writeJson } = await import('../../../src/main/engine/signatures/diagnosis/json-styles');
    const tree = parseJsonTree('{"b":1,"a\\u0041":"x\\"y","b":2,"n":[],"o":{}}')!;
    const python = JSON_WRITERS.find((writer) => writer.how.startsWith("Python's json.dumps(payload) "))!;
    expect(writeJson(tree, python)).toBe('{"b": 2, "aA": "x\\"y", "n": [], "o": {}}');
    expect(parseJsonTree('[1, 2')).toBeNull();
  });
});

describe('the fast path and the tree agree', () => {
  it.each([
    ['ASCII, nested', '{"event":"a.b","data":{"z":[1,2,{"y":null,"x":true}],"a":"x/y <b> & c"},"n":-3}'],
    ['non-ASCII, floats JS and Python both write as is', '{"name":"Café 漢字 😀","price":9.99,"ratio":0.5,"neg":-12.25,"list":[]}'],
    ['pretty input, escapes', '{\n  "s": "line\\nbreak \\"q\\" \\u00e9",\n  "o": {}\n}'],
  ])('%s', async (_label, text) => {
    const { parseJsonTree } = await import('../../../src/main/engine/signatures/diagnosis/json-tree');
    const { JSON_WRITERS, jsonStyles, writeJson } = await import('../../../src/main/engine/signatures/diagnosis/json-styles');
    const tree = parseJsonTree(text)!;
    const fast = [...jsonStyles(text)];
    expect(fast).toHaveLength(JSON_WRITERS.length);
    JSON_WRITERS.forEach((writer, index) => expect(fast[index]?.[1], writer.how).toBe(writeJson(tree, writer)));
  });
});

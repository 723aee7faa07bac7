import { describe, expect, it } from 'vitest';
import { HISTORY_QUALIFIERS } from '../../../src/shared/history-qualifiers';
import { MAX_QUERY_DEPTH, MAX_QUERY_TERMS, parseHistoryQuery, tokenizeText } from '../../../src/shared/history-query';
import { QuerySyntaxError, type QueryNode, type QueryTerm } from '../../../src/shared/history-query-tree';

// A fixed clock: relative times must be exact offsets from it.
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const parse = (query: string): QueryNode | null => parseHistoryQuery(query, NOW);
const term = (source: string, value: QueryTerm): QueryNode => ({ kind: 'term', term: value, source });
const word = (source: string, ...tokens: string[]): QueryNode => term(source, { kind: 'text', tokens, phrase: false });
const phrase = (source: string, ...tokens: string[]): QueryNode => term(source, { kind: 'text', tokens, phrase: true });
/** The term of a query made of one qualifier, so each case reads as input -> term. */
const single = (query: string): QueryTerm => {
  const node = parse(query);
  if (node?.kind !== 'term') throw new Error(`${query} did not parse to a single term: ${JSON.stringify(node)}`);
  expect(node.source).toBe(query);
  return node.term;
};
/** Message and term of the QuerySyntaxError a query throws (toThrow(string) would only match a substring). */
const errorOf = (query: string): { message: string; term: string } => {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    const { message, term: bad } = error as QuerySyntaxError;
    return { message, term: bad };
  }
  throw new Error(`${query} parsed without error`);
};

describe('tokenizeText', () => {
  it('lowercases and splits on everything that is not a letter or a digit', () => {
    expect(tokenizeText('Needle-42 café_x')).toEqual(['needle', '42', 'café', 'x']);
    expect(tokenizeText('  {"event":"model.created"}  ')).toEqual(['event', 'model', 'created']);
    expect(tokenizeText('https://example.com/a?b=1&c=2')).toEqual(['https', 'example', 'com', 'a', 'b', '1', 'c', '2']);
  });

  it('keeps letters and digits of every script', () => {
    expect(tokenizeText('ÉCOLE Straße Ωμέγα')).toEqual(['école', 'straße', 'ωμέγα']);
    expect(tokenizeText('東京タワー、予約')).toEqual(['東京タワー', '予約']);
    expect(tokenizeText('x²+٣=y🙂z')).toEqual(['x²', '٣', 'y', 'z']);
  });

  it('drops empty tokens', () => {
    expect(tokenizeText('')).toEqual([]);
    expect(tokenizeText('!!! --- ...')).toEqual([]);
    expect(tokenizeText('--a--')).toEqual(['a']);
  });
});

describe('parseHistoryQuery: structure', () => {
  it('is null for an empty or blank query', () => {
    expect(parse('')).toBeNull();
    expect(parse('   ')).toBeNull();
    expect(parse('\t\n ')).toBeNull();
  });

  it('reads free words, splitting multi-token words with the text tokenizer', () => {
    expect(parse('needle')).toEqual(word('needle', 'needle'));
    expect(parse('needle-42')).toEqual(word('needle-42', 'needle', '42'));
    expect(parse('  Café_X  ')).toEqual(word('Café_X', 'café', 'x'));
  });

  it('reads quoted phrases, with \\" as a literal quote and \\\\ as a backslash', () => {
    expect(parse('"quoted phrase"')).toEqual(phrase('"quoted phrase"', 'quoted', 'phrase'));
    expect(parse('"say \\"hi\\" now"')).toEqual(phrase('"say \\"hi\\" now"', 'say', 'hi', 'now'));
    expect(parse('"a (b) OR c"')).toEqual(phrase('"a (b) OR c"', 'a', 'b', 'or', 'c'));
    expect(parse('"C:\\\\dir\\\\" x')).toEqual({
      kind: 'and',
      items: [phrase('"C:\\\\dir\\\\"', 'c', 'dir'), word('x', 'x')],
    });
  });

  it('searches colon words that are not letters-then-colon, and anything quoted, as text', () => {
    expect(parse('12:30')).toEqual(word('12:30', '12', '30'));
    expect(parse('/a:b')).toEqual(word('/a:b', 'a', 'b'));
    expect(parse('x1:2')).toEqual(word('x1:2', 'x1', '2'));
    expect(parse('"https://x"')).toEqual(phrase('"https://x"', 'https', 'x'));
    expect(parse('"verdict:invalid"')).toEqual(phrase('"verdict:invalid"', 'verdict', 'invalid'));
  });

  it('treats lowercase or and quoted OR as text', () => {
    expect(parse('a or b')).toEqual({ kind: 'and', items: [word('a', 'a'), word('or', 'or'), word('b', 'b')] });
    expect(parse('a "OR" b')).toEqual({ kind: 'and', items: [word('a', 'a'), phrase('"OR"', 'or'), word('b', 'b')] });
  });

  it('ANDs terms separated by whitespace', () => {
    expect(parse('alpha  verdict:invalid\tmethod:post')).toEqual({
      kind: 'and',
      items: [
        word('alpha', 'alpha'),
        term('verdict:invalid', { kind: 'verdict', value: 'invalid' }),
        term('method:post', { kind: 'method', value: 'POST' }),
      ],
    });
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(parse('a b OR c')).toEqual({
      kind: 'and',
      items: [word('a', 'a'), { kind: 'or', items: [word('b', 'b'), word('c', 'c')] }],
    });
    expect(parse('a OR b c OR d')).toEqual({
      kind: 'and',
      items: [
        { kind: 'or', items: [word('a', 'a'), word('b', 'b')] },
        { kind: 'or', items: [word('c', 'c'), word('d', 'd')] },
      ],
    });
  });

  it('makes one OR node of a chain', () => {
    expect(parse('a OR b OR c')).toEqual({ kind: 'or', items: [word('a', 'a'), word('b', 'b'), word('c', 'c')] });
  });

  it('groups with parentheses', () => {
    expect(parse('(verdict:invalid OR status:5xx) method:POST')).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [term('verdict:invalid', { kind: 'verdict', value: 'invalid' }), term('status:5xx', { kind: 'status_class', digit: 5 })],
        },
        term('method:POST', { kind: 'method', value: 'POST' }),
      ],
    });
    expect(parse('(a b) OR c')).toEqual({
      kind: 'or',
      items: [{ kind: 'and', items: [word('a', 'a'), word('b', 'b')] }, word('c', 'c')],
    });
  });

  it('simplifies: a group of one is its item, nested ANDs and ORs flatten', () => {
    expect(parse('(a)')).toEqual(word('a', 'a'));
    expect(parse('((a))')).toEqual(word('a', 'a'));
    expect(parse('((a b) c) d')).toEqual({
      kind: 'and',
      items: [word('a', 'a'), word('b', 'b'), word('c', 'c'), word('d', 'd')],
    });
    expect(parse('(a OR b) OR (c OR d)')).toEqual({
      kind: 'or',
      items: [word('a', 'a'), word('b', 'b'), word('c', 'c'), word('d', 'd')],
    });
    // An OR inside an AND (and the reverse) is a different operator and stays nested.
    expect(parse('(a OR b) (c OR d)')).toEqual({
      kind: 'and',
      items: [
        { kind: 'or', items: [word('a', 'a'), word('b', 'b')] },
        { kind: 'or', items: [word('c', 'c'), word('d', 'd')] },
      ],
    });
  });

  it('negates a term, a phrase or a group with a leading -', () => {
    expect(parse('-verdict:valid')).toEqual({
      kind: 'not',
      item: term('verdict:valid', { kind: 'verdict', value: 'valid' }),
    });
    expect(parse('-"two words"')).toEqual({ kind: 'not', item: phrase('"two words"', 'two', 'words') });
    expect(parse('-(a b)')).toEqual({ kind: 'not', item: { kind: 'and', items: [word('a', 'a'), word('b', 'b')] } });
    expect(parse('x -a OR b')).toEqual({
      kind: 'and',
      items: [word('x', 'x'), { kind: 'or', items: [{ kind: 'not', item: word('a', 'a') }, word('b', 'b')] }],
    });
    // Double negations cancel (SQLite's full-text parser would otherwise nest them).
    expect(parse('--a')).toEqual(word('a', 'a'));
    expect(parse('---a')).toEqual({ kind: 'not', item: word('a', 'a') });
    // A - inside a word is text, not negation.
    expect(parse('a-b')).toEqual(word('a-b', 'a', 'b'));
  });
});

describe('parseHistoryQuery: qualifiers', () => {
  it('method: letters only, uppercased', () => {
    expect(single('method:PUT')).toEqual({ kind: 'method', value: 'PUT' });
    expect(single('method:patch')).toEqual({ kind: 'method', value: 'PATCH' });
    expect(single('METHOD:get')).toEqual({ kind: 'method', value: 'GET' });
  });

  it('path: must start with /, kept as typed', () => {
    expect(single('path:/webhooks/stripe')).toEqual({ kind: 'path', pattern: '/webhooks/stripe' });
    expect(single('path:/hooks/*/Events')).toEqual({ kind: 'path', pattern: '/hooks/*/Events' });
    expect(single('path:/')).toEqual({ kind: 'path', pattern: '/' });
  });

  it('status: a code from 100 to 599 or a class 1xx..5xx', () => {
    expect(single('status:401')).toEqual({ kind: 'status', code: 401 });
    expect(single('status:100')).toEqual({ kind: 'status', code: 100 });
    expect(single('status:599')).toEqual({ kind: 'status', code: 599 });
    expect(single('status:4xx')).toEqual({ kind: 'status_class', digit: 4 });
    expect(single('status:1XX')).toEqual({ kind: 'status_class', digit: 1 });
    expect(single('status:5Xx')).toEqual({ kind: 'status_class', digit: 5 });
  });

  it('verdict: one of the three, case-insensitive', () => {
    expect(single('verdict:valid')).toEqual({ kind: 'verdict', value: 'valid' });
    expect(single('verdict:INVALID')).toEqual({ kind: 'verdict', value: 'invalid' });
    expect(single('Verdict:Unverifiable')).toEqual({ kind: 'verdict', value: 'unverifiable' });
  });

  it('reason: a code, lowercased', () => {
    expect(single('reason:timestamp_expired')).toEqual({ kind: 'reason', value: 'timestamp_expired' });
    expect(single('reason:Body_Reserialized')).toEqual({ kind: 'reason', value: 'body_reserialized' });
    expect(single('reason:future_code_2')).toEqual({ kind: 'reason', value: 'future_code_2' });
  });

  it('event: any value, wildcards and quotes allowed', () => {
    expect(single('event:model.*')).toEqual({ kind: 'event', pattern: 'model.*' });
    expect(single('event:*.Created')).toEqual({ kind: 'event', pattern: '*.Created' });
    expect(single('event:"a b"')).toEqual({ kind: 'event', pattern: 'a b' });
  });

  it('endpoint: an id or a name as typed', () => {
    expect(single('endpoint:ep_12AB')).toEqual({ kind: 'endpoint', value: 'ep_12AB' });
    expect(single('endpoint:"My Stripe"')).toEqual({ kind: 'endpoint', value: 'My Stripe' });
  });

  it('scheme: an id, lowercased', () => {
    expect(single('scheme:github')).toEqual({ kind: 'scheme', value: 'github' });
    expect(single('scheme:Standard-Webhooks_v1')).toEqual({ kind: 'scheme', value: 'standard-webhooks_v1' });
  });

  it('header: presence, or name=value split at the first =', () => {
    expect(single('header:X-GitHub-Event')).toEqual({ kind: 'header', name: 'x-github-event', value: null });
    expect(single('header:X-GitHub-Event=push')).toEqual({ kind: 'header', name: 'x-github-event', value: 'push' });
    expect(single('header:X-Sig=a=b=')).toEqual({ kind: 'header', name: 'x-sig', value: 'a=b=' });
    expect(single('header:X-Empty=')).toEqual({ kind: 'header', name: 'x-empty', value: '' });
    expect(single('header:"X-Note=two words"')).toEqual({ kind: 'header', name: 'x-note', value: 'two words' });
    expect(single('header:X-Note="Two Words"')).toEqual({ kind: 'header', name: 'x-note', value: 'Two Words' });
    expect(single("header:!#$%&'*+.^_`|~09az-")).toEqual({ kind: 'header', name: "!#$%&'*+.^_`|~09az-", value: null });
  });

  it('since:/until: relative times are now minus that much', () => {
    expect(single('since:30s')).toEqual({ kind: 'since', at: NOW - 30 * SECOND });
    expect(single('since:15m')).toEqual({ kind: 'since', at: NOW - 15 * MINUTE });
    expect(single('since:2h')).toEqual({ kind: 'since', at: NOW - 2 * HOUR });
    expect(single('since:7d')).toEqual({ kind: 'since', at: NOW - 7 * DAY });
    expect(single('since:2w')).toEqual({ kind: 'since', at: NOW - 14 * DAY });
    expect(single('until:0s')).toEqual({ kind: 'until', at: NOW });
    expect(single('until:3H')).toEqual({ kind: 'until', at: NOW - 3 * HOUR });
  });

  it('since:/until: ISO dates and date-times, local time without a zone', () => {
    expect(single('since:2026-12-06')).toEqual({ kind: 'since', at: new Date(2026, 11, 6).getTime() });
    expect(single('since:2026-12-06T10:00')).toEqual({ kind: 'since', at: new Date(2026, 11, 6, 10, 0).getTime() });
    expect(single('until:2026-12-06T10:00:30')).toEqual({ kind: 'until', at: new Date(2026, 11, 6, 10, 0, 30).getTime() });
    expect(single('until:2026-12-06T10:00:00Z')).toEqual({ kind: 'until', at: Date.UTC(2026, 11, 6, 10) });
    expect(single('until:2026-12-06t10:00z')).toEqual({ kind: 'until', at: Date.UTC(2026, 11, 6, 10) });
    expect(single('since:2026-12-06T10:00:00.25Z')).toEqual({ kind: 'since', at: Date.UTC(2026, 11, 6, 10) + 250 });
    expect(single('since:2026-12-06T10:00:00+02:00')).toEqual({ kind: 'since', at: Date.UTC(2026, 11, 6, 8) });
    expect(single('since:2026-12-06T10:00-0530')).toEqual({ kind: 'since', at: Date.UTC(2026, 11, 6, 15, 30) });
    expect(single('since:2026-12-06T10:00+01')).toEqual({ kind: 'since', at: Date.UTC(2026, 11, 6, 9) });
    expect(single('since:2028-02-29T00:00Z')).toEqual({ kind: 'since', at: Date.UTC(2028, 1, 29) });
    // Date.parse agrees on the forms it reads the same way in every engine.
    expect(single('since:2026-12-06T10:00')).toEqual({ kind: 'since', at: Date.parse('2026-12-06T10:00') });
  });

  it('is: one of the six flags, case-insensitive', () => {
    for (const flag of ['dup', 'aborted', 'imported', 'truncated', 'pinned', 'handshake'] as const) {
      expect(single(`is:${flag}`)).toEqual({ kind: 'is', flag });
    }
    expect(single('IS:Pinned')).toEqual({ kind: 'is', flag: 'pinned' });
  });

  it('size: operators, 1024-based units, decimals rounded to whole bytes', () => {
    expect(single('size:>1mb')).toEqual({ kind: 'size', op: '>', bytes: 1024 * 1024 });
    expect(single('size:>=512kb')).toEqual({ kind: 'size', op: '>=', bytes: 512 * 1024 });
    expect(single('size:<100')).toEqual({ kind: 'size', op: '<', bytes: 100 });
    expect(single('size:<=2kb')).toEqual({ kind: 'size', op: '<=', bytes: 2048 });
    expect(single('size:=10b')).toEqual({ kind: 'size', op: '=', bytes: 10 });
    expect(single('size:1mb')).toEqual({ kind: 'size', op: '=', bytes: 1024 * 1024 });
    expect(single('size:1.5MB')).toEqual({ kind: 'size', op: '=', bytes: 1572864 });
    expect(single('size:>2Gb')).toEqual({ kind: 'size', op: '>', bytes: 2 * 1024 ** 3 });
    expect(single('size:0.3kb')).toEqual({ kind: 'size', op: '=', bytes: 307 });
    expect(single('size:.5kb')).toEqual({ kind: 'size', op: '=', bytes: 512 });
    expect(single('size:0')).toEqual({ kind: 'size', op: '=', bytes: 0 });
  });
});

describe('parseHistoryQuery: errors', () => {
  const expected = {
    method: 'method: expected an HTTP method of letters only such as POST',
    path: 'path: expected a path starting with "/" such as /webhooks/stripe',
    status: 'status: expected a status code from 100 to 599 or a class from 1xx to 5xx',
    verdict: 'verdict: expected valid, invalid or unverifiable',
    reason: 'reason: expected a reason code of letters, digits and "_" such as timestamp_expired',
    event: 'event: expected an event type such as model.created or model.*',
    endpoint: 'endpoint: expected an endpoint id or name',
    scheme: 'scheme: expected a scheme id of letters, digits, "_" and "-" such as github',
    header: 'header: expected a header name such as x-github-event, optionally followed by =value',
    since: 'since: expected an ISO 8601 date such as 2026-12-06T10:00 or a relative time such as 15m, 2h or 7d',
    until: 'until: expected an ISO 8601 date such as 2026-12-06T10:00 or a relative time such as 15m, 2h or 7d',
    is: 'is: expected dup, aborted, imported, truncated, pinned or handshake',
    size: 'size: expected a size such as >1mb, >=512kb, <100 or 2kb',
  };

  it('names the qualifier, what it takes and the bad value', () => {
    const cases: Array<[query: string, message: string]> = [
      ['verdict:banana', 'verdict: expected valid, invalid or unverifiable, got "banana"'],
      ['method:P0ST', `${expected.method}, got "P0ST"`],
      ['method:GET,POST', `${expected.method}, got "GET,POST"`],
      ['path:webhooks', `${expected.path}, got "webhooks"`],
      ['status:600', `${expected.status}, got "600"`],
      ['status:99', `${expected.status}, got "99"`],
      ['status:099', `${expected.status}, got "099"`],
      ['status:6xx', `${expected.status}, got "6xx"`],
      ['status:4x', `${expected.status}, got "4x"`],
      ['status:ok', `${expected.status}, got "ok"`],
      ['reason:bad-code', `${expected.reason}, got "bad-code"`],
      ['scheme:a.b', `${expected.scheme}, got "a.b"`],
      ['header:=x', `${expected.header}, got "=x"`],
      ['header:"bad name"', `${expected.header}, got "bad name"`],
      ['header:a/b', `${expected.header}, got "a/b"`],
      ['header:x\u00e9=1', `${expected.header}, got "x\u00e9=1"`],
      ['since:yesterday', `${expected.since}, got "yesterday"`],
      ['since:15x', `${expected.since}, got "15x"`],
      ['since:1.5h', `${expected.since}, got "1.5h"`],
      ['since:2026-13-01', `${expected.since}, got "2026-13-01"`],
      ['since:2026-02-29', `${expected.since}, got "2026-02-29"`],
      ['since:2026-12-06T25:00', `${expected.since}, got "2026-12-06T25:00"`],
      ['since:2026-12-06T10', `${expected.since}, got "2026-12-06T10"`],
      ['since:2026-12-06Z', `${expected.since}, got "2026-12-06Z"`],
      ['until:2026-12-06T10:00+24:00', `${expected.until}, got "2026-12-06T10:00+24:00"`],
      ['until:12/06/2026', `${expected.until}, got "12/06/2026"`],
      ['is:starred', `${expected.is}, got "starred"`],
      ['size:>', `${expected.size}, got ">"`],
      ['size:1tb', `${expected.size}, got "1tb"`],
      ['size:=>1', `${expected.size}, got "=>1"`],
      ['size:-1', `${expected.size}, got "-1"`],
      ['size:big', `${expected.size}, got "big"`],
    ];
    for (const [query, message] of cases) {
      expect({ query, ...errorOf(query) }).toEqual({ query, message, term: query });
    }
  });

  it('says "got nothing" for every qualifier given no value', () => {
    for (const [key, text] of Object.entries(expected)) {
      expect(errorOf(`${key}:`)).toEqual({ message: `${text}, got nothing`, term: `${key}:` });
    }
    expect(errorOf('event:""')).toEqual({ message: `${expected.event}, got nothing`, term: 'event:""' });
  });

  it('reports the error of a term wherever it stands', () => {
    expect(errorOf('a (b OR -verdict:banana)')).toEqual({
      message: 'verdict: expected valid, invalid or unverifiable, got "banana"',
      term: 'verdict:banana',
    });
    expect(errorOf('verdict:"ba na"')).toEqual({
      message: 'verdict: expected valid, invalid or unverifiable, got "ba na"',
      term: 'verdict:"ba na"',
    });
  });

  it('rejects an unknown qualifier and suggests quoting', () => {
    const keys = 'method, path, status, verdict, reason, event, endpoint, scheme, header, since, until, is, size';
    expect(errorOf('foo:bar')).toEqual({
      message: `unknown qualifier "foo"; use one of ${keys} or put the text in quotes to search for it`,
      term: 'foo:bar',
    });
    expect(errorOf('see https://x')).toEqual({
      message: `unknown qualifier "https"; use one of ${keys} or put the text in quotes to search for it`,
      term: 'https://x',
    });
  });

  it('rejects words and phrases with nothing to search for', () => {
    expect(errorOf('!!!')).toEqual({ message: '"!!!" has no letters or digits to search for', term: '!!!' });
    expect(errorOf('a "!!!"')).toEqual({ message: '"!!!" has no letters or digits to search for', term: '"!!!"' });
    expect(errorOf('""')).toEqual({ message: '"" has no letters or digits to search for', term: '""' });
  });

  it('rejects unbalanced parentheses', () => {
    expect(errorOf('(verdict:invalid')).toEqual({
      message: 'missing ")" after "(verdict:invalid"',
      term: '(verdict:invalid',
    });
    expect(errorOf('x (a OR (b) c  ')).toEqual({ message: 'missing ")" after "(a OR (b) c"', term: '(a OR (b) c' });
    expect(errorOf('a)')).toEqual({ message: 'unmatched ")"; remove it or add a "(" before it', term: ')' });
    expect(errorOf('(a))')).toEqual({ message: 'unmatched ")"; remove it or add a "(" before it', term: ')' });
    expect(errorOf('a ( )')).toEqual({
      message: 'nothing between the parentheses in "( )"; put a term inside or remove them',
      term: '( )',
    });
  });

  it('rejects an unterminated quote', () => {
    expect(errorOf('"abc')).toEqual({ message: 'missing closing quote in "\\"abc"', term: '"abc' });
    expect(errorOf('x event:"a b ')).toEqual({ message: 'missing closing quote in "event:\\"a b"', term: 'event:"a b' });
    expect(errorOf('"abc\\"')).toEqual({ message: 'missing closing quote in "\\"abc\\\\\\""', term: '"abc\\"' });
  });

  it('rejects OR that does not stand between two terms', () => {
    for (const query of ['OR a', 'a OR', 'a OR OR b', '(OR a)', '(a OR) b', 'OR']) {
      expect({ query, ...errorOf(query) }).toEqual({ query, message: 'OR must stand between two terms', term: 'OR' });
    }
  });

  it('rejects a - that is not directly before a term or group', () => {
    const message = '"-" must stand directly before a term or a parenthesised group, as in -verdict:valid';
    for (const query of ['-', 'a -', '- a', '(a -)', 'a - b']) {
      expect({ query, ...errorOf(query) }).toEqual({ query, message, term: '-' });
    }
  });

  it('throws a QuerySyntaxError that is an Error', () => {
    const error = new QuerySyntaxError('m', 't');
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.term]).toEqual(['QuerySyntaxError', 'm', 't']);
  });
});

describe('HISTORY_QUALIFIERS', () => {
  it('has one entry per key, in help order', () => {
    expect(HISTORY_QUALIFIERS.map((entry) => entry.key)).toEqual([
      'method',
      'path',
      'status',
      'verdict',
      'reason',
      'event',
      'endpoint',
      'scheme',
      'header',
      'since',
      'until',
      'is',
      'size',
    ]);
  });

  it('lists the fixed choices where they exist and none elsewhere', () => {
    const values = Object.fromEntries(HISTORY_QUALIFIERS.map((entry) => [entry.key, entry.values]));
    expect(values).toEqual({
      method: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'],
      path: [],
      status: ['2xx', '4xx', '5xx'],
      verdict: ['valid', 'invalid', 'unverifiable'],
      reason: [
        'signature_mismatch',
        'timestamp_expired',
        'timestamp_future',
        'timestamp_malformed',
        'missing_header',
        'malformed_header',
        'no_secret',
        'scheme_unavailable',
        'body_reserialized',
        'body_incomplete',
        'body_truncated',
        'timestamp_milliseconds',
        'timestamp_seconds',
        'secret_whitespace',
        'wrong_algorithm',
        'signature_encoding',
        'secret_format',
        'key_format',
        'body_decoded_as_text',
        'body_hash_mismatch',
        'signed_content',
        'unknown_scheme',
        'custom_scheme_invalid',
        'endpoint_deleted',
      ],
      event: [],
      endpoint: [],
      scheme: [],
      header: [],
      since: [],
      until: [],
      is: ['dup', 'aborted', 'imported', 'truncated', 'pinned', 'handshake'],
      size: [],
    });
  });

  it('has help, syntax and an example that parses as that qualifier', () => {
    for (const entry of HISTORY_QUALIFIERS) {
      expect(entry.help).not.toBe('');
      expect(entry.syntax.startsWith(`${entry.key}:`)).toBe(true);
      expect(entry.example.startsWith(`${entry.key}:`)).toBe(true);
      const kind = single(entry.example).kind;
      expect(kind === entry.key || (entry.key === 'status' && kind === 'status_class')).toBe(true);
    }
  });

  it('offers only values that the parser accepts', () => {
    for (const entry of HISTORY_QUALIFIERS) {
      for (const value of entry.values) expect(() => parse(`${entry.key}:${value}`)).not.toThrow();
    }
  });
});

describe('parseHistoryQuery: bounds', () => {
  it('refuses more terms than MAX_QUERY_TERMS, naming the limit', () => {
    const many = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, index) => `w${index}`).join(' ');
    expect(() => parse(many)).toThrow(
      new QuerySyntaxError(`too many terms (${MAX_QUERY_TERMS + 1}); a query takes at most ${MAX_QUERY_TERMS}`, many.slice(0, 40)),
    );
    expect(() => parse(many.split(' ').slice(1).join(' '))).not.toThrow();
  });

  it('refuses groups and negations nested deeper than MAX_QUERY_DEPTH', () => {
    const nested = (levels: number) => `${'(a OR -'.repeat(levels)}b${')'.repeat(levels)}`;
    expect(() => parse(nested(MAX_QUERY_DEPTH / 2))).not.toThrow();
    expect(() => parse(nested(MAX_QUERY_DEPTH))).toThrow(/nested too deeply/);
    expect(() => parse(`${'-'.repeat(40)}a`)).toThrow(/nested too deeply/);
  });
});

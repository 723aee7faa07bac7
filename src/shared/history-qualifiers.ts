/**
 * The qualifiers of the history query (`key:value`): each key's validation, error text and the
 * help the UI shows, in one entry per key.
 */
import type { Verdict } from './api';
import { HISTORY_FLAGS, type QueryTerm, type SizeOp } from './history-query-tree';
import { readTime } from './history-query-time';

/** One entry per qualifier, for the UI's help and suggestions and the README. */
export interface QualifierHelp {
  key: string;
  syntax: string;
  values: string[];
  example: string;
  help: string;
}

// A Record rather than a list so that a verdict added to api.ts fails to compile until it is listed.
const VERDICT_SET: Record<Verdict, true> = { valid: true, invalid: true, unverifiable: true };
const VERDICTS = Object.keys(VERDICT_SET) as Verdict[];

// Suggestions only: reason: accepts any well-formed code so that a query never breaks when the
// verifier learns a new one.
const REASON_CODES = [
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
];

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SIZE_UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const TIME_EXPECTED = 'an ISO 8601 date such as 2026-12-06T10:00 or a relative time such as 15m, 2h or 7d';

/** 'a, b or c' */
function oneOf(choices: readonly string[]): string {
  return choices.length < 2 ? choices.join('') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
}

/** The term made from a value that was read, or null when it was not. */
const termOf = <T>(read: T | null | undefined, make: (read: T) => QueryTerm): QueryTerm | null =>
  read === null || read === undefined ? null : make(read);

function pick<T extends string>(choices: readonly T[], value: string): T | undefined {
  const lower = value.toLowerCase();
  return choices.find((choice) => choice === lower);
}

export interface Qualifier extends Omit<QualifierHelp, 'values'> {
  values: readonly string[];
  /** What a valid value looks like, for `<key>: expected <expected>, got "<value>"`. */
  expected: string;
  /** The term for a non-empty value, or null when the value is not valid. */
  read(value: string, now: number): QueryTerm | null;
}

// Every fact about a key lives in its entry: validation, error text and the UI's help.
export const QUALIFIERS: readonly Qualifier[] = [
  {
    key: 'method',
    syntax: 'method:<METHOD>',
    values: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'],
    example: 'method:PUT',
    help: 'HTTP method of the request (case-insensitive)',
    expected: 'an HTTP method of letters only such as POST',
    read: (v) => (/^[A-Za-z]+$/.test(v) ? { kind: 'method', value: v.toUpperCase() } : null),
  },
  {
    key: 'path',
    syntax: 'path:/<prefix>',
    values: [],
    example: 'path:/webhooks/stripe',
    help: 'Request path starting with this prefix; * matches any characters',
    expected: 'a path starting with "/" such as /webhooks/stripe',
    read: (v) => (v.startsWith('/') ? { kind: 'path', pattern: v } : null),
  },
  {
    key: 'status',
    syntax: 'status:<code> | status:<digit>xx',
    values: ['2xx', '4xx', '5xx'],
    example: 'status:4xx',
    help: 'Status code the request was answered with, or its class',
    expected: 'a status code from 100 to 599 or a class from 1xx to 5xx',
    read: (v) => {
      const cls = /^([1-5])xx$/i.exec(v);
      if (cls) return { kind: 'status_class', digit: Number(cls[1]) };
      return /^\d{3}$/.test(v) && Number(v) >= 100 && Number(v) <= 599 ? { kind: 'status', code: Number(v) } : null;
    },
  },
  {
    key: 'verdict',
    syntax: `verdict:${VERDICTS.join('|')}`,
    values: VERDICTS,
    example: 'verdict:invalid',
    help: 'Outcome of signature verification',
    expected: oneOf(VERDICTS),
    read: (v) => termOf(pick(VERDICTS, v), (value) => ({ kind: 'verdict', value })),
  },
  {
    key: 'reason',
    syntax: 'reason:<code>',
    values: REASON_CODES,
    example: 'reason:timestamp_expired',
    help: 'Why verification failed, or the diagnosis found for it',
    expected: 'a reason code of letters, digits and "_" such as timestamp_expired',
    read: (v) => (/^[A-Za-z0-9_]+$/.test(v) ? { kind: 'reason', value: v.toLowerCase() } : null),
  },
  {
    key: 'event',
    syntax: 'event:<type>',
    values: [],
    example: 'event:model.*',
    help: 'Event type of the payload; * matches any characters',
    expected: 'an event type such as model.created or model.*',
    read: (v) => ({ kind: 'event', pattern: v }),
  },
  {
    key: 'endpoint',
    syntax: 'endpoint:<id or name>',
    values: [],
    example: 'endpoint:stripe',
    help: 'Endpoint that received the request, by id or name',
    expected: 'an endpoint id or name',
    read: (v) => ({ kind: 'endpoint', value: v }),
  },
  {
    key: 'scheme',
    syntax: 'scheme:<id>',
    values: [],
    example: 'scheme:github',
    help: 'Signature scheme the request was verified with',
    expected: 'a scheme id of letters, digits, "_" and "-" such as github',
    read: (v) => (/^[A-Za-z0-9_-]+$/.test(v) ? { kind: 'scheme', value: v.toLowerCase() } : null),
  },
  {
    key: 'header',
    syntax: 'header:<name> | header:<name>=<value>',
    values: [],
    example: 'header:x-github-event=push',
    help: 'Request has this header, or has it with exactly this value',
    expected: 'a header name such as x-github-event, optionally followed by =value',
    read: (v) => {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      return HTTP_TOKEN.test(name) ? { kind: 'header', name: name.toLowerCase(), value: eq < 0 ? null : v.slice(eq + 1) } : null;
    },
  },
  {
    key: 'since',
    syntax: 'since:<ISO date> | since:<n>s|m|h|d|w',
    values: [],
    example: 'since:2h',
    help: 'Received at or after this time; 2h means two hours ago',
    expected: TIME_EXPECTED,
    read: (v, now) => termOf(readTime(v, now), (at) => ({ kind: 'since', at })),
  },
  {
    key: 'until',
    syntax: 'until:<ISO date> | until:<n>s|m|h|d|w',
    values: [],
    example: 'until:2026-12-06T10:00',
    help: 'Received at or before this time; 7d means seven days ago',
    expected: TIME_EXPECTED,
    read: (v, now) => termOf(readTime(v, now), (at) => ({ kind: 'until', at })),
  },
  {
    key: 'is',
    syntax: `is:${HISTORY_FLAGS.join('|')}`,
    values: HISTORY_FLAGS,
    example: 'is:pinned',
    help: 'Duplicate delivery, aborted upload, imported, truncated body, pinned, or a handshake the receiver answered',
    expected: oneOf(HISTORY_FLAGS),
    read: (v) => termOf(pick(HISTORY_FLAGS, v), (flag) => ({ kind: 'is', flag })),
  },
  {
    key: 'size',
    syntax: 'size:[>|>=|<|<=|=]<n>[b|kb|mb|gb]',
    values: [],
    example: 'size:>1mb',
    help: 'Body size; units are 1024-based, no operator means exactly',
    expected: 'a size such as >1mb, >=512kb, <100 or 2kb',
    read: (v) => {
      const m = /^(>=|<=|>|<|=)?(\d+(?:\.\d+)?|\.\d+)(b|kb|mb|gb)?$/i.exec(v);
      if (!m) return null;
      const unit = SIZE_UNIT_BYTES[(m[3] ?? 'b').toLowerCase()] ?? NaN;
      return { kind: 'size', op: (m[1] ?? '=') as SizeOp, bytes: Math.round(Number(m[2]) * unit) };
    },
  },
];

export const HISTORY_QUALIFIERS: QualifierHelp[] = QUALIFIERS.map(({ key, syntax, values, example, help }) => ({
  key,
  syntax,
  values: [...values],
  example,
  help,
}));

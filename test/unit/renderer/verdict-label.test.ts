import { describe, expect, it } from 'vitest';
import { firstDiagnosis, verdictLabel } from '../../../src/renderer/src/lib/verdict-label';

describe('verdictLabel', () => {
  it('says valid for a valid capture', () => {
    expect(verdictLabel('valid', 'ok', null)).toBe('valid');
  });

  it('names the failed check for every reason but a mismatch', () => {
    expect(verdictLabel('invalid', 'timestamp_expired', null)).toBe('expired');
    expect(verdictLabel('invalid', 'timestamp_future', null)).toBe('future');
    expect(verdictLabel('invalid', 'timestamp_malformed', null)).toBe('bad timestamp');
    expect(verdictLabel('invalid', 'missing_header', null)).toBe('no signature');
    expect(verdictLabel('invalid', 'malformed_header', null)).toBe('malformed');
    expect(verdictLabel('unverifiable', 'no_secret', null)).toBe('no secret');
    expect(verdictLabel('unverifiable', 'scheme_unavailable', null)).toBe('no scheme');
  });

  it('refines a signature mismatch by its diagnosis', () => {
    const cases: Array<[string, string]> = [
      ['body_reserialized', 're-serialized'],
      ['body_incomplete', 'incomplete body'],
      ['body_truncated', 'truncated'],
      ['timestamp_milliseconds', 'ms timestamp'],
      ['timestamp_seconds', 'timestamp unit'],
      ['secret_whitespace', 'secret whitespace'],
      ['secret_format', 'secret format'],
      ['wrong_algorithm', 'wrong algorithm'],
      ['signature_encoding', 'encoding'],
      ['key_format', 'key format'],
    ];
    for (const [diagnosis, label] of cases) expect(verdictLabel('invalid', 'signature_mismatch', diagnosis)).toBe(label);
  });

  it('falls back to "bad signature" while the diagnosis is unknown or has no short name', () => {
    expect(verdictLabel('invalid', 'signature_mismatch', null)).toBe('bad signature');
    expect(verdictLabel('invalid', 'signature_mismatch', undefined)).toBe('bad signature');
    expect(verdictLabel('invalid', 'signature_mismatch', 'signed_content')).toBe('bad signature');
  });

  it('uses the diagnosis for a mismatch and a timestamp in the wrong unit, and the verdict for a reason it does not know', () => {
    expect(verdictLabel('invalid', 'timestamp_expired', 'body_reserialized')).toBe('expired');
    expect(verdictLabel('invalid', 'timestamp_future', 'timestamp_milliseconds')).toBe('ms timestamp');
    expect(verdictLabel('unverifiable', 'some_new_reason', null)).toBe('unverifiable');
  });
});

describe('firstDiagnosis', () => {
  it('is the first code that says more than the reason, as in the list, or null', () => {
    expect(
      firstDiagnosis({ reason: 'signature_mismatch', diagnosis: [{ code: 'body_reserialized' }, { code: 'secret_whitespace' }] }),
    ).toBe('body_reserialized');
    expect(firstDiagnosis({ reason: 'signature_mismatch', diagnosis: [{ code: 'signature_mismatch' }, { code: 'body_truncated' }] })).toBe(
      'body_truncated',
    );
    expect(firstDiagnosis({ reason: 'signature_mismatch', diagnosis: [] })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { SchemeDescriptor } from '../../../src/shared/api';
import { toHeaderRows } from '../../../src/renderer/src/lib/header-list';
import {
  customConfig,
  defaultSignTimestamp,
  signingKey,
  signPayload,
  verifyPayload,
  whatIfPayload,
  type LabInputs,
} from '../../../src/renderer/src/lib/lab-payload';
import { TOLERANCE_SECONDS } from '../../../src/shared/contract/custom-scheme';
import { UNIX_TIME } from '../../../src/shared/contract/signatures';
import { DEFAULT_CUSTOM_FORM, formatTimestamp, labSchemeInfo, timestampSeconds } from '../../../src/renderer/src/lib/lab-scheme';
import type { MutableHeaderPair } from '../../../src/shared/http-headers';

let nextId = 1;
const newId = () => nextId++;

const dcisionai: SchemeDescriptor = {
  id: 'dcisionai',
  label: 'DcisionAI',
  category: 'Standards',
  headers: [],
  signature_header: 'X-DcisionAI-Signature',
  signature_format: '<hex>',
  multiple_signatures: false,
  uses_timestamp: true,
  timestamp_source: 'header',
  timestamp_header: 'X-DcisionAI-Timestamp',
  timestamp_unit: 's',
  tolerance_direction: 'both',
  uses_id: false,
  id_header: null,
  uses_url: false,
  algorithm: 'sha256',
  encoding: 'hex',
  secret_format: 'text',
  signed_content: '{timestamp}.{body}',
  has_snippets: true,
  docs_url: '',
  key_kind: 'shared_secret',
  key_pair: null,
};
const twilio: SchemeDescriptor = {
  ...dcisionai,
  id: 'twilio',
  label: 'Twilio',
  uses_url: true,
  uses_timestamp: false,
  timestamp_source: null,
  timestamp_header: null,
  timestamp_unit: null,
  signed_content: '{url}',
};

function inputs(patch: Partial<LabInputs> = {}): LabInputs {
  return {
    scheme: 'dcisionai',
    custom: DEFAULT_CUSTOM_FORM,
    secret: 's3cret',
    headers: toHeaderRows(
      [
        ['X-DcisionAI-Timestamp', '1700000000'],
        ['X-DcisionAI-Signature', 'abc'],
      ],
      newId,
    ),
    bodyBase64: 'e30=',
    url: 'https://example.com/hook',
    clock: '',
    tolerance: '',
    ...patch,
  };
}

describe('Lab payloads', () => {
  it('verify: headers as pairs, clock and tolerance only when set, URL only for schemes that sign it', () => {
    const info = labSchemeInfo('dcisionai', DEFAULT_CUSTOM_FORM, [dcisionai]);
    expect(verifyPayload(inputs(), info)).toEqual({
      ok: true,
      payload: {
        scheme: 'dcisionai',
        secret: 's3cret',
        headers: [
          ['X-DcisionAI-Timestamp', '1700000000'],
          ['X-DcisionAI-Signature', 'abc'],
        ],
        body_base64: 'e30=',
      },
    });
    const withNumbers = verifyPayload(inputs({ clock: '1700000010', tolerance: '60' }), info);
    expect(withNumbers.ok && withNumbers.payload).toMatchObject({ now: 1700000010, tolerance_seconds: 60 });
    const urlScheme = verifyPayload(inputs({ scheme: 'twilio' }), labSchemeInfo('twilio', DEFAULT_CUSTOM_FORM, [twilio]));
    expect(urlScheme.ok && urlScheme.payload.url).toBe('https://example.com/hook');
  });

  it('rejects a clock or tolerance that is not whole seconds, naming the field', () => {
    const info = labSchemeInfo('dcisionai', DEFAULT_CUSTOM_FORM, [dcisionai]);
    expect(verifyPayload(inputs({ clock: '17e8' }), info)).toMatchObject({ ok: false, message: expect.stringContaining('clock') });
    expect(whatIfPayload(inputs({ tolerance: '-1' }), '')).toMatchObject({ ok: false, message: expect.stringContaining('tolerance') });
  });

  it("accepts a tolerance and clock up to the engine's limits, and says so past them", () => {
    const scheme = labSchemeInfo('dcisionai', DEFAULT_CUSTOM_FORM, [dcisionai]);
    const atLimit = verifyPayload(inputs({ tolerance: String(TOLERANCE_SECONDS.maximum), clock: String(UNIX_TIME.maximum) }), scheme);
    expect(atLimit.ok && atLimit.payload.tolerance_seconds).toBe(31_536_000);
    expect(atLimit.ok && atLimit.payload.now).toBe(1e13);
    expect(verifyPayload(inputs({ tolerance: '31536001' }), scheme)).toEqual({
      ok: false,
      message: 'The tolerance must be at most 31536000 seconds, got 31536001.',
    });
    expect(whatIfPayload(inputs({ tolerance: '31536001' }), '')).toMatchObject({ ok: false });
    expect(signPayload(inputs({ tolerance: '31536001' }), scheme, 1)).toMatchObject({ ok: false });
    expect(verifyPayload(inputs({ clock: String(UNIX_TIME.maximum + 1) }), scheme)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The clock must be at most 10000000000000 seconds/),
    });
  });

  it('custom: empty optional headers become null, tolerance goes into the config', () => {
    const form = { ...DEFAULT_CUSTOM_FORM, timestamp_header: '  ', id_header: '', signed_content: '' };
    expect(customConfig(form, 120)).toEqual({
      signature_header: 'X-Signature',
      signature_prefix: 'sha256=',
      timestamp_header: null,
      timestamp_unit: 's',
      id_header: null,
      signed_content: '{body}',
      algorithm: 'sha256',
      encoding: 'hex',
      secret_encoding: 'utf8',
      tolerance_seconds: 120,
    });
    const info = labSchemeInfo('custom', form, []);
    const built = verifyPayload(inputs({ scheme: 'custom', custom: form }), info);
    expect(built.ok && built.payload.scheme).toBe('custom');
    expect(built.ok && built.payload.custom?.signature_header).toBe('X-Signature');
  });

  it('what-if: only overrides, the URL only when changed', () => {
    expect(whatIfPayload(inputs({ clock: '5' }), 'https://example.com/hook')).toEqual({
      ok: true,
      payload: { scheme: 'dcisionai', secret: 's3cret', now: 5 },
    });
    const changed = whatIfPayload(inputs({ url: 'https://other/' }), 'https://example.com/hook');
    expect(changed.ok && changed.payload.url).toBe('https://other/');
  });

  it('signs at the timestamp header, else the clock, else now', () => {
    const info = labSchemeInfo('dcisionai', DEFAULT_CUSTOM_FORM, [dcisionai]);
    expect(defaultSignTimestamp(inputs(), info, 99)).toBe(1700000000);
    expect(defaultSignTimestamp(inputs({ headers: [], clock: '42' }), info, 99)).toBe(42);
    expect(defaultSignTimestamp(inputs({ headers: [] }), info, 99)).toBe(99);
    expect(signPayload(inputs(), info, 7)).toEqual({
      ok: true,
      payload: { scheme: 'dcisionai', secret: 's3cret', body_base64: 'e30=', timestamp: 7 },
    });
    expect(signPayload(inputs({ secret: '' }), info, 7).ok).toBe(false);
  });

  it('tells when a computed signature is out of date', () => {
    expect(signingKey(inputs())).toBe(signingKey(inputs({ clock: '1' })));
    expect(signingKey(inputs())).not.toBe(signingKey(inputs({ secret: 'other' })));
  });
});

describe('Lab scheme info', () => {
  it('describes custom schemes from their form', () => {
    const info = labSchemeInfo(
      'custom',
      { ...DEFAULT_CUSTOM_FORM, signed_content: '{id}.{url}', id_header: 'X-Id', timestamp_header: '' },
      [],
    );
    expect(info).toMatchObject({ usesUrl: true, idHeader: 'X-Id', timestampHeader: null, usesTimestamp: false, hasSnippets: false });
  });

  it('converts timestamps in the scheme unit', () => {
    expect(timestampSeconds('1700000000123', 'ms')).toBe(1700000000);
    expect(timestampSeconds('2023-11-14T22:13:20Z', 'rfc3339')).toBe(1700000000);
    expect(timestampSeconds('abc', 's')).toBeNull();
    expect(formatTimestamp(1700000000, 'ms')).toBe('1700000000000');
    expect(formatTimestamp(1700000000, 'rfc3339')).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe('Lab start', () => {
  it('takes a capture with its endpoint custom scheme, secret, tolerance and received time', async () => {
    const { captureInputs } = await import('../../../src/renderer/src/lib/lab-start');
    const endpoint = {
      id: 'ep_1',
      name: 'Custom',
      path: '/c',
      scheme: 'custom',
      secret: 'k',
      tolerance_seconds: 300,
      enforce: false,
      custom: {
        signature_header: 'X-Sig',
        timestamp_header: 'X-Ts',
        signed_content: '{timestamp}:{body}',
        encoding: 'base64' as const,
        tolerance_seconds: 60,
      },
      response: { status: 200, headers: {}, body: '', delay_ms: 0 },
      forward_to: null,
      forward_timeout_ms: 30000,
      answer_handshakes: true,
      verify_token: null,
      created_at: '',
      updated_at: '',
    };
    const detail = {
      id: 7,
      received_at: '2023-11-14T22:13:20.500Z',
      method: 'POST',
      path: '/c',
      query: '',
      url: 'http://127.0.0.1/c',
      public_url: null,
      http_version: '1.1',
      headers: [['X-Sig', 'abc']] as MutableHeaderPair[],
      body_base64: 'e30=',
      body_size: 2,
      truncated: false,
      aborted: false,
      remote_address: null,
      remote_port: null,
      forwarded: { for: null, proto: null, host: null },
      endpoint_id: 'ep_1',
      event: null,
      response: { status: 200, headers: {}, body: '' },
      timing: { body_ms: 0, total_ms: 0 },
      duplicate_of: null,
      verification: {
        scheme: 'custom',
        verdict: 'valid' as const,
        reason: 'ok' as const,
        signature: { received: null, expected: null },
        timestamp: { value: null, age_seconds: null },
        tolerance_seconds: 60,
        signed_content_base64: null,
        diagnosis: [],
      },
    };
    const inputs = captureInputs(detail, detail.body_base64, endpoint, newId);
    expect(inputs).toMatchObject({ scheme: 'custom', secret: 'k', clock: '1700000000', tolerance: '60', bodyBase64: 'e30=' });
    expect(inputs.custom).toMatchObject({
      signature_header: 'X-Sig',
      timestamp_header: 'X-Ts',
      signed_content: '{timestamp}:{body}',
      encoding: 'base64',
      id_header: '',
      algorithm: 'sha256',
    });
    expect(inputs.url).toBe('http://127.0.0.1/c');
    // Through a tunnel, the Lab signs the URL the sender called, as the receiver verified it.
    const tunnelled = captureInputs({ ...detail, public_url: 'https://abc.trycloudflare.com/c' }, detail.body_base64, endpoint, newId);
    expect(tunnelled.url).toBe('https://abc.trycloudflare.com/c');
  });
});

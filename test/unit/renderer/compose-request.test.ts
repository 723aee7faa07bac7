import { describe, expect, it } from 'vitest';
import {
  buildSendInput,
  buildSign,
  endpointSigning,
  initialComposeDraft,
  parseEventBody,
  type ComposeDraft,
} from '../../../src/renderer/src/lib/compose-request';
import { DEFAULT_CUSTOM_FORM } from '../../../src/renderer/src/lib/lab-scheme';
import { SEND_TIMEOUT_MS, SIGN_TIMESTAMP_SECONDS, TIMESTAMP_OFFSET_SECONDS } from '../../../src/shared/contract/outbound';

const draft = (patch: Partial<ComposeDraft> = {}): ComposeDraft => ({
  ...initialComposeDraft(),
  url: 'http://127.0.0.1:4700/webhooks/dcisionai',
  secret: 's3cret',
  body: '{"event":"model.trained","data":{}}',
  ...patch,
});

describe('buildSendInput', () => {
  it('sends the editor text as the body, untouched, with headers in order', () => {
    const body = '{\n  "event": "model.trained",\r\n "data": {}  }\n';
    const result = buildSendInput(
      draft({ body, headersText: 'Content-Type: application/json\nX-Trace:  a b \n\n# comment\nx-dup: 1\nX-Dup: 2' }),
    );
    expect(result.error).toBeNull();
    expect(result.input?.body).toBe(body);
    expect(result.input?.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Trace', 'a b'],
      ['x-dup', '1'],
      ['X-Dup', '2'],
    ]);
    expect(result.input?.method).toBe('POST');
    expect(result.input?.timeout_ms).toBe(10_000);
    expect(result.input?.sign).toEqual({ scheme: 'dcisionai', secret: 's3cret' });
  });

  it('leaves sign out when unsigned', () => {
    expect(buildSendInput(draft({ scheme: '', secret: '' })).input?.sign).toBeUndefined();
  });

  it('explains what to fix', () => {
    expect(buildSendInput(draft({ url: '' })).error).toMatch(/URL/);
    expect(buildSendInput(draft({ url: 'ftp://x' })).error).toMatch(/http/);
    expect(buildSendInput(draft({ secret: '' })).error).toMatch(/secret/);
    expect(buildSendInput(draft({ headersText: 'no colon here' })).error).toMatch(/Line 1/);
    expect(buildSendInput(draft({ headersText: 'Bad Name: x' })).error).toMatch(/not a valid header name/);
    expect(buildSendInput(draft({ timeoutSeconds: '0' })).error).toMatch(/timeout/);
    expect(buildSendInput(draft({ timeoutSeconds: '301' })).error).toMatch(/timeout/);
  });
});

describe('buildSign timestamps', () => {
  it('now, past, future and fixed', () => {
    expect(buildSign(draft({ timestampMode: 'now' })).sign).toEqual({ scheme: 'dcisionai', secret: 's3cret' });
    expect(buildSign(draft({ timestampMode: 'past', timestampValue: '600' })).sign?.timestamp_offset_seconds).toBe(-600);
    expect(buildSign(draft({ timestampMode: 'future', timestampValue: '90' })).sign?.timestamp_offset_seconds).toBe(90);
    const fixed = buildSign(draft({ timestampMode: 'fixed', timestampValue: '1700000000' })).sign;
    expect(fixed?.timestamp).toBe(1_700_000_000);
    expect(fixed?.timestamp_offset_seconds).toBeUndefined();
  });

  it('rejects a non-numeric value', () => {
    expect(buildSign(draft({ timestampMode: 'past', timestampValue: '-5' })).error).toMatch(/whole number/);
    expect(buildSign(draft({ timestampMode: 'fixed', timestampValue: 'soon' })).error).toMatch(/unix time/);
  });
});

describe("the engine's limits", () => {
  it('takes a timeout of up to SEND_TIMEOUT_MS, in seconds', () => {
    expect(buildSendInput(draft({ timeoutSeconds: String(SEND_TIMEOUT_MS.maximum / 1000) })).input?.timeout_ms).toBe(300_000);
    expect(buildSendInput(draft({ timeoutSeconds: '301' })).error).toBe('The timeout must be from 1 to 300 seconds.');
  });

  it('takes a timestamp offset of up to a year either way, and a fixed timestamp up to the engine’s maximum', () => {
    const year = String(TIMESTAMP_OFFSET_SECONDS.maximum);
    expect(buildSign(draft({ timestampMode: 'past', timestampValue: year })).sign?.timestamp_offset_seconds).toBe(-31_536_000);
    expect(buildSign(draft({ timestampMode: 'future', timestampValue: year })).sign?.timestamp_offset_seconds).toBe(31_536_000);
    expect(buildSign(draft({ timestampMode: 'past', timestampValue: '31536001' })).error).toBe(
      'The timestamp offset must be at most 31536000 seconds (a year).',
    );
    const latest = String(SIGN_TIMESTAMP_SECONDS.maximum);
    expect(buildSign(draft({ timestampMode: 'fixed', timestampValue: latest })).sign?.timestamp).toBe(99_999_999_999);
    expect(buildSign(draft({ timestampMode: 'fixed', timestampValue: '100000000000' })).error).toMatch(/at most 99999999999/);
  });
});

describe('buildSign for what a scheme needs', () => {
  it('sends a typed message id, trimmed, and none when empty (the engine makes a fresh one)', () => {
    expect(buildSign(draft({ scheme: 'standard-webhooks', messageId: '  msg_fixed ' })).sign).toEqual({
      scheme: 'standard-webhooks',
      secret: 's3cret',
      id: 'msg_fixed',
    });
    expect(buildSign(draft({ scheme: 'standard-webhooks', messageId: '' })).sign).not.toHaveProperty('id');
  });

  it('sends a custom scheme’s settings, and says what is missing', () => {
    const custom = { ...DEFAULT_CUSTOM_FORM, signature_header: ' X-Acme-Signature ', timestamp_header: '' };
    expect(buildSign(draft({ scheme: 'custom', custom })).sign).toEqual({
      scheme: 'custom',
      secret: 's3cret',
      custom: expect.objectContaining({
        signature_header: 'X-Acme-Signature',
        timestamp_header: null,
        signed_content: '{timestamp}.{body}',
      }),
    });
    expect(buildSign(draft({ scheme: 'custom', custom: { ...custom, signature_header: ' ' } })).error).toMatch(
      /custom scheme needs the name of the header/,
    );
    // Another scheme never carries the custom settings along.
    expect(buildSign(draft({ scheme: 'stripe', custom })).sign).not.toHaveProperty('custom');
  });

  it('takes an endpoint’s scheme, secret and custom settings at once', () => {
    const custom = { signature_header: 'X-Acme-Signature', signature_prefix: 'v1=', signed_content: '{body}' };
    expect(endpointSigning({ scheme: 'custom', secret: 'acme', custom })).toEqual({
      scheme: 'custom',
      secret: 'acme',
      custom: { ...DEFAULT_CUSTOM_FORM, ...custom, timestamp_header: '' },
    });
    expect(endpointSigning({ scheme: 'stripe', secret: 'whsec_x', custom: null })).toEqual({
      scheme: 'stripe',
      secret: 'whsec_x',
      custom: DEFAULT_CUSTOM_FORM,
    });
  });
});

describe('parseEventBody', () => {
  it('extracts event and data', () => {
    expect(parseEventBody('{"event":"project.created","data":{"id":"proj_1"}}')).toEqual({
      event: 'project.created',
      data: { id: 'proj_1' },
    });
  });
  it('says what is wrong', () => {
    expect(parseEventBody('{')).toHaveProperty('error');
    expect(parseEventBody('[]')).toEqual({ error: expect.stringContaining('object') });
    expect(parseEventBody('{"data":{}}')).toEqual({ error: expect.stringContaining('"event"') });
    expect(parseEventBody('{"event":"x","data":[]}')).toEqual({ error: expect.stringContaining('"data"') });
  });
});

import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { draftFromEndpoint, draftToInput } from '../../../src/renderer/src/components/endpoints/endpoint-draft';
import { Value } from 'typebox/value';
import { EndpointInput } from '../../../src/shared/contract/endpoints';

const stored: Endpoint = {
  id: 'ep_1',
  name: 'Acme',
  path: '/acme',
  scheme: 'custom',
  secret: 's',
  tolerance_seconds: 60,
  enforce: true,
  response: { status: 202, headers: { 'x-a': 'b' }, body: 'ok', delay_ms: 5 },
  forward_to: null,
  forward_timeout_ms: 30000,
  custom: {
    signature_header: 'X-Sig',
    signature_prefix: 'v1=',
    timestamp_header: 'X-Time',
    timestamp_unit: 'ms',
    id_header: null,
    signed_content: '{timestamp}|{body}',
    algorithm: 'sha512',
    encoding: 'base64',
    secret_encoding: 'utf8',
  },
  answer_handshakes: true,
  verify_token: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('endpoint draft', () => {
  it('round-trips a custom endpoint through the form unchanged', () => {
    const { input, errors } = draftToInput(draftFromEndpoint(stored, 'dcisionai'));
    expect(errors).toEqual({});
    expect(input).toMatchObject({ scheme: 'custom', tolerance_seconds: 60, enforce: true, response: { status: 202, delay_ms: 5 } });
    expect(input?.custom).toEqual({ ...stored.custom });
  });

  it('carries the handshake switch and the verify token; an empty token is none', () => {
    const draft = draftFromEndpoint({ ...stored, scheme: 'meta', answer_handshakes: false, verify_token: 'tok' }, 'dcisionai');
    expect(draft).toMatchObject({ answerHandshakes: false, verifyToken: 'tok' });
    expect(draftToInput(draft).input).toMatchObject({ answer_handshakes: false, verify_token: 'tok' });
    expect(draftToInput({ ...draft, verifyToken: '' }).input?.verify_token).toBeNull();
    expect(draftFromEndpoint(null, 'dcisionai')).toMatchObject({ answerHandshakes: true, verifyToken: '' });
  });

  it('sends no custom configuration for a built-in scheme', () => {
    const draft = { ...draftFromEndpoint(stored, 'dcisionai'), scheme: 'stripe' };
    expect(draftToInput(draft).input?.custom).toBeNull();
  });

  it('asks for the signature header of a custom scheme before saving', () => {
    const draft = draftFromEndpoint(stored, 'dcisionai');
    const { input, errors } = draftToInput({ ...draft, custom: { ...draft.custom, signature_header: '  ' } });
    expect(input).toBeNull();
    expect(errors.custom).toMatch(/header that carries the signature/);
  });
});

describe('new endpoint draft', () => {
  it('starts without a path and asks for one before saving', () => {
    const draft = { ...draftFromEndpoint(null, 'stripe'), name: 'Stripe' };
    expect(draft.path).toBe('');
    const { input, errors } = draftToInput(draft);
    expect(input).toBeNull();
    expect(errors.path).toMatch(/path prefix/);
  });
});

describe('forwarding timeout in the draft', () => {
  it('shows milliseconds as seconds and sends them back as milliseconds', () => {
    const draft = draftFromEndpoint({ ...stored, forward_timeout_ms: 250 }, 'dcisionai');
    expect(draft.forwardTimeout).toBe('0.25');
    expect(draftToInput(draft).input?.forward_timeout_ms).toBe(250);
    expect(draftFromEndpoint(null, 'dcisionai').forwardTimeout).toBe('30');
    expect(draftToInput({ ...draft, forwardTimeout: ' 120 ' }).input?.forward_timeout_ms).toBe(120_000);
  });

  it('names a timeout that is not a number of seconds from 0.001 to 300', () => {
    const draft = draftFromEndpoint(stored, 'dcisionai');
    for (const bad of ['', 'soon', '-1', '0', '301', '1e3']) {
      const { input, errors } = draftToInput({ ...draft, forwardTimeout: bad });
      expect(input).toBeNull();
      expect(errors.forwardTimeout).toBe('The forwarding timeout is a number of seconds from 0.001 to 300.');
    }
  });
});

describe('limits of the draft are the contract’s', () => {
  const base = draftFromEndpoint(stored, 'dcisionai');

  it('accepts the largest values the engine accepts, and what it produces passes the engine’s schema', () => {
    const { input, errors } = draftToInput({ ...base, tolerance: '31536000', status: '599', delay: '120000' });
    expect(errors).toEqual({});
    expect(Value.Check(EndpointInput, input), JSON.stringify([...Value.Errors(EndpointInput, input)])).toBe(true);
  });

  it('names the field and its bound one past each limit, before a round trip', () => {
    expect(draftToInput({ ...base, tolerance: '31536001' }).errors.tolerance).toMatch(/at most 31,536,000/);
    expect(draftToInput({ ...base, status: '600' }).errors.status).toBe('Status must be between 100 and 599.');
    expect(draftToInput({ ...base, status: '99' }).errors.status).toBe('Status must be between 100 and 599.');
    expect(draftToInput({ ...base, delay: '120001' }).errors.delay).toMatch(/at most 120,000/);
  });
});

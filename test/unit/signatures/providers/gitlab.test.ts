import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { deliveryIdOf } from '../../../../src/main/engine/receiver/delivery-id';
import { scheme, verify } from '../helpers';

/**
 * GitLab (https://docs.gitlab.com/user/project/integrations/webhooks/): X-Gitlab-Token carries the
 * secret token itself; equality is the whole check. No vector is needed beyond the token.
 */
const TOKEN = 'gl-secret-token-1234';
const BODY = '{"object_kind":"push","ref":"refs/heads/main"}';

describe('GitLab token', () => {
  it('equal token: valid, with nothing of the token shown', () => {
    const result = verify('gitlab', { 'X-Gitlab-Token': TOKEN }, BODY, { secret: TOKEN });
    expect(result).toMatchObject({ verdict: 'valid', reason: 'ok', diagnosis: [], signed_content_base64: null });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(scheme('gitlab').sign({ secret: TOKEN, body: Buffer.from(BODY), timestampSeconds: 0 }).headers).toEqual({
      'X-Gitlab-Token': TOKEN,
    });
  });

  it('another token: signature_mismatch, "token differs", and the configured secret is never printed', () => {
    const result = verify('gitlab', { 'X-Gitlab-Token': 'something-else' }, BODY, { secret: TOKEN });
    expect(result).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
    expect(result.diagnosis[0]?.code).toBe('token_mismatch');
    expect(result.diagnosis[0]?.message).toMatch(/differs/);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('a token that differs only by surrounding spaces says so', () => {
    const result = verify('gitlab', { 'X-Gitlab-Token': TOKEN }, BODY, { secret: `${TOKEN}\n` });
    expect(result.reason).toBe('signature_mismatch');
    expect(result.diagnosis[0]?.message).toMatch(/whitespace/);
  });

  it('no X-Gitlab-Token: missing_header', () => {
    expect(verify('gitlab', {}, BODY, { secret: TOKEN }).reason).toBe('missing_header');
  });

  it('event type from X-Gitlab-Event, else object_kind; Idempotency-Key is the delivery id', () => {
    expect(eventTypeOf('gitlab', [['X-Gitlab-Event', 'Push Hook']], Buffer.from(BODY), 'application/json')).toBe('Push Hook');
    expect(eventTypeOf('gitlab', [], Buffer.from(BODY), 'application/json')).toBe('push');
    expect(deliveryIdOf([['Idempotency-Key', '908a6d9e-45fd-46c8-97e6-c4f350f219dd']])).toBe('908a6d9e-45fd-46c8-97e6-c4f350f219dd');
  });

  it('describes itself as a token, with no snippet', () => {
    expect(scheme('gitlab').descriptor).toMatchObject({
      algorithm: 'token',
      encoding: 'text',
      has_snippets: false,
      signature_header: 'X-Gitlab-Token',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/** The vectors published in CircleCI's docs (https://circleci.com/docs/webhooks/#validate-webhooks). */
const VECTORS: Array<[body: string, secret: string, signature: string]> = [
  ['hello world', 'secret', '734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a'],
  ['lalala', 'another-secret', 'daa220016c8f29a8b214fbfc3671aeec2145cfb1e6790184ffb38b6d0425fa00'],
  ['an-important-request-payload', 'hunter123', '9be2242094a9a8c00c64306f382a7f9d691de910b4a266f67bd314ef18ac49fa'],
  // The docs' Python example: verify_signature('secret', {'circleci-signature': 'v1=773ba446...'}, 'foo') is True.
  ['foo', 'secret', '773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4'],
];

describe('CircleCI', () => {
  it.each(VECTORS)('verifies the docs vector %j / %j and signs the same v1', (body, secret, signature) => {
    expect(verify('circleci', { 'circleci-signature': `v1=${signature}` }, body, { secret }).verdict).toBe('valid');
    expect(scheme('circleci').sign({ secret, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'circleci-signature': `v1=${signature}`,
    });
  });

  it('reads v1 out of a versioned list and ignores later versions it does not know', () => {
    const [body, secret, signature] = VECTORS[0]!;
    expect(verify('circleci', { 'circleci-signature': `v1=${signature},v2=${'f'.repeat(64)},v3=abc` }, body, { secret }).verdict).toBe(
      'valid',
    );
    expect(verify('circleci', { 'circleci-signature': `v2=${signature}` }, body, { secret }).reason).toBe('malformed_header');
  });

  it("the docs' invalid example (v1=not-a-valid-signature) and a wrong secret are signature mismatches", () => {
    expect(verify('circleci', { 'circleci-signature': 'v1=not-a-valid-signature' }, 'foo', { secret: 'secret' }).reason).toBe(
      'signature_mismatch',
    );
    const [body, , signature] = VECTORS[0]!;
    const result = verify('circleci', { 'circleci-signature': `v1=${signature}` }, body, { secret: 'wrong' });
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('signature_mismatch');
  });

  it('no circleci-signature header is missing_header', () => {
    expect(verify('circleci', { 'circleci-event-type': 'job-completed' }, 'foo', { secret: 'secret' }).reason).toBe('missing_header');
  });

  it('the event type is the circleci-event-type header, else the body type', () => {
    const body = Buffer.from(
      '{"type":"workflow-completed","id":"3888f21b-eaa7-38e3-8f3d-75a63bba8895","happened_at":"2021-09-01T22:49:34.317Z"}',
    );
    expect(eventTypeOf('circleci', [['circleci-event-type', 'job-completed']], body, 'application/json')).toBe('job-completed');
    expect(eventTypeOf('circleci', [], body, 'application/json')).toBe('workflow-completed');
  });

  it('offers no snippet: the derived one would compare the whole versioned list', () => {
    expect(scheme('circleci').snippet).toBeNull();
  });

  it('diagnoses a body that arrived pretty-printed after CircleCI signed it compact', () => {
    const compact = '{"type":"job-completed","job":{"name":"test","status":"success"}}';
    const signed = scheme('circleci').sign({ secret: 'secret', body: Buffer.from(compact), timestampSeconds: 0 }).headers;
    const result = verify('circleci', signed, JSON.stringify(JSON.parse(compact), null, 2), { secret: 'secret' });
    expect(codes(result)).toContain('body_reserialized');
  });
});

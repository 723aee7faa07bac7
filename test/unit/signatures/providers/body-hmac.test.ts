import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { bodyField } from '../../../../src/main/engine/signatures/event-sources';
import { codes, scheme, verify } from '../helpers';

/**
 * Providers that sign the raw body alone. None publishes a literal vector, so each expected
 * signature is computed here with node:crypto exactly as the provider's docs (cited in the scheme
 * files) describe it, independently of the engine's code.
 */

interface Case {
  id: string;
  header: string;
  algorithm: 'sha256' | 'sha1';
  encoding: 'hex' | 'base64';
  prefix: string;
  body: string;
  contentType: string;
  eventHeaders?: Record<string, string>;
  event: string;
}

const CASES: Case[] = [
  {
    // docs.lemonsqueezy.com/help/webhooks/signing-requests: hex HMAC-SHA256 digest in X-Signature.
    id: 'lemonsqueezy',
    header: 'X-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"meta":{"event_name":"order_created","custom_data":{"user":"Zoë"}},"data":{"type":"orders","id":"1"}}',
    contentType: 'application/json',
    eventHeaders: { 'X-Event-Name': 'order_created' },
    event: 'order_created',
  },
  {
    // developer.clickup.com/docs/webhooksignature: X-Signature, SHA-256, "always hexadecimal".
    id: 'clickup',
    header: 'X-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"webhook_id":"7689a169-a000-4985-8676-6902b96d6627","event":"taskCreated","task_id":"c0j"}',
    contentType: 'application/json',
    event: 'taskCreated',
  },
  {
    // launchdarkly.com/docs/home/infrastructure/webhooks: "HMAC SHA256 hex digest of the webhook payload".
    id: 'launchdarkly',
    header: 'X-LD-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"_id":"57c0a8e29969090743529965","date":1472243938774,"accesses":[{"action":"updateOn","resource":"proj/p:env/production:flag/f"}],"kind":"flag","name":"New checkout"}',
    contentType: 'application/json',
    event: 'updateOn',
  },
  {
    // developers.notion.com/reference/webhooks: X-Notion-Signature: sha256=<hex>, keyed with the verification_token.
    id: 'notion',
    header: 'X-Notion-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'sha256=',
    body: '{"id":"367cba44-b6f3-4c92-81e7-6a2e9659efd4","timestamp":"2024-12-05T23:55:34.285Z","type":"page.content_updated","entity":{"id":"153104cd-477e-809d-8dc4-ff2d96ae3090","type":"page"}}',
    contentType: 'application/json',
    event: 'page.content_updated',
  },
  {
    // segmentio/action-destinations webhook/index.ts: createHmac('sha1', sharedSecret)...digest('hex') in X-Signature.
    id: 'segment',
    header: 'X-Signature',
    algorithm: 'sha1',
    encoding: 'hex',
    prefix: '',
    body: '{"type":"track","event":"Order Completed","userId":"u_1","properties":{"total":42.5,"currency":"EUR"},"messageId":"m-1"}',
    contentType: 'application/json',
    event: 'Order Completed',
  },
];

const SECRET = 'provider-secret-✓-42';
const mac = (c: Case, secret: string, content: string) =>
  c.prefix + createHmac(c.algorithm, secret).update(content, 'utf8').digest(c.encoding);

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const headers = () => ({ [c.header]: mac(c, SECRET, c.body) });

  it('verifies a signature computed with node:crypto from the docs, and signs the same bytes', () => {
    expect(verify(c.id, headers(), c.body, { secret: SECRET }).verdict).toBe('valid');
    const signed = scheme(c.id).sign({ secret: SECRET, body: Buffer.from(c.body), timestampSeconds: 0 });
    expect(signed.headers).toEqual(headers());
  });

  it('a wrong secret is a signature_mismatch; the diagnosis finds nothing else wrong with the body', () => {
    const result = verify(c.id, headers(), c.body, { secret: 'another-secret' });
    expect(result.verdict).toBe('invalid');
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).not.toContain('body_reserialized');
  });

  it('no signature header is missing_header, naming the header', () => {
    const result = verify(c.id, { 'Content-Type': c.contentType }, c.body, { secret: SECRET });
    expect(result.reason).toBe('missing_header');
    expect(result.diagnosis[0]?.message).toContain(c.header);
  });

  it('reads the event type from the sample', () => {
    const pairs = Object.entries(c.eventHeaders ?? {});
    expect(eventTypeOf(c.id, pairs, Buffer.from(c.body), c.contentType)).toBe(c.event);
  });
});

describe('per-provider details', () => {
  it('notion: the sha256= prefix is required; a bare hex digest is a malformed header', () => {
    const bare = createHmac('sha256', SECRET).update(CASES[3]!.body).digest('hex');
    const result = verify('notion', { 'X-Notion-Signature': bare }, CASES[3]!.body, { secret: SECRET });
    expect(result.reason).toBe('malformed_header');
    expect(result.diagnosis[0]?.message).toMatch(/sha256=/);
  });

  it('lemonsqueezy: without X-Event-Name the body meta.event_name names the event', () => {
    expect(eventTypeOf('lemonsqueezy', [], Buffer.from(CASES[0]!.body), 'application/json')).toBe('order_created');
  });

  it('launchdarkly: an entry without accesses falls back to its kind', () => {
    expect(eventTypeOf('launchdarkly', [], Buffer.from('{"kind":"environment","accesses":[]}'), 'application/json')).toBe('environment');
  });

  it('bodyField: a numeric segment picks an array item; a name on an array, or an item past the end, is nothing', () => {
    const body = Buffer.from('{"events":[{"name":"member_added"},{"name":"member_removed"}]}');
    expect(bodyField('events.1.name')([], body, 'application/json')).toBe('member_removed');
    expect(bodyField('events.name')([], body, 'application/json')).toBeNull();
    expect(bodyField('events.2.name')([], body, 'application/json')).toBeNull();
  });

  it('segment: a non-track call is named by its type', () => {
    expect(eventTypeOf('segment', [], Buffer.from('{"type":"identify","traits":{"plan":"pro"}}'), 'application/json')).toBe('identify');
  });

  it('segment: a batched body (Segment signs only the first event) is diagnosed, not accepted', () => {
    const first = { type: 'track', event: 'A' };
    const signature = createHmac('sha1', SECRET).update(JSON.stringify(first)).digest('hex');
    const batched = JSON.stringify([first, { type: 'track', event: 'B' }]);
    expect(verify('segment', { 'X-Signature': signature }, batched, { secret: SECRET }).verdict).toBe('invalid');
  });

  it('body_reserialized: ClickUp signed compact JSON but the body arrived pretty-printed', () => {
    const compact = CASES[1]!.body;
    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    const result = verify('clickup', { 'X-Signature': createHmac('sha256', SECRET).update(compact).digest('hex') }, pretty, {
      secret: SECRET,
    });
    expect(result.verdict).toBe('invalid');
    expect(codes(result)).toContain('body_reserialized');
  });
});

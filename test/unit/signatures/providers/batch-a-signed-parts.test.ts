import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

const hmac = (content: string, secret: string, encoding: 'hex' | 'base64') => createHmac('sha256', secret).update(content).digest(encoding);

describe('Square', () => {
  // The vectors of Square's own SDK tests (square-nodejs-sdk test/utilities/webhooksHelper.test.ts,
  // the same in its Go, Python, PHP, Ruby and Java SDKs): body, signature key, notification URL.
  const body =
    '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}';
  const url = 'https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9';
  const key = 'Ibxx_5AKakO-3qeNVR61Dw';
  const headers = { 'x-square-hmacsha256-signature': 'GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=' };

  it("verifies the SDKs' vector and signs the same signature", () => {
    expect(verify('square', headers, body, { secret: key }, url)).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(
      scheme('square').sign({ secret: key, body: Buffer.from(body), timestampSeconds: 0, url }).headers['X-Square-HmacSha256-Signature'],
    ).toBe(headers['x-square-hmacsha256-signature']);
  });

  it("verifies the SDKs' escaped-characters vector (the body's bytes, not unescaped text)", () => {
    const escaped = { 'x-square-hmacsha256-signature': 'Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=' };
    expect(
      verify('square', escaped, '{"data":{"type":"webhooks","id":">id<"}}', { secret: 'signature-key' }, 'https://webhook.site/webhooks')
        .verdict,
    ).toBe('valid');
  });

  it('a wrong key, another notification URL, a missing header', () => {
    expect(verify('square', headers, body, { secret: 'wrong' }, url).reason).toBe('signature_mismatch');
    expect(verify('square', headers, body, { secret: key }, `${url}/`).reason).toBe('signature_mismatch');
    expect(verify('square', {}, body, { secret: key }, url).reason).toBe('missing_header');
  });

  it('reads the event type from the body', () => {
    expect(eventTypeOf('square', [], Buffer.from(body), 'application/json')).toBe('webhooks.test_notification');
  });
});

describe('Zendesk', () => {
  const secret = 'zendesk-signing-secret';
  const body = '{"type":"zen:event-type:ticket.created","detail":{"id":"35"}}';
  const timestamp = '2021-07-25T10:00:00Z';
  const now = Date.parse(timestamp) / 1000;
  // Computed here per https://developer.zendesk.com/documentation/webhooks/verifying/: base64(HMACSHA256(TIMESTAMP + BODY)).
  const headers = {
    'X-Zendesk-Webhook-Signature': hmac(timestamp + body, secret, 'base64'),
    'X-Zendesk-Webhook-Signature-Timestamp': timestamp,
  };

  it('verifies timestamp + body, base64; wrong secret; missing timestamp header', () => {
    expect(verify('zendesk', headers, body, { secret, nowSeconds: now + 10 })).toMatchObject({ verdict: 'valid' });
    expect(scheme('zendesk').sign({ secret, body: Buffer.from(body), timestampSeconds: now }).headers['X-Zendesk-Webhook-Signature']).toBe(
      hmac(`2021-07-25T10:00:00.000Z${body}`, secret, 'base64'),
    );
    expect(verify('zendesk', headers, body, { secret: 'wrong', nowSeconds: now }).reason).toBe('signature_mismatch');
    expect(
      verify('zendesk', { 'X-Zendesk-Webhook-Signature': headers['X-Zendesk-Webhook-Signature'] }, body, { secret, nowSeconds: now })
        .reason,
    ).toBe('missing_header');
  });

  it('an old timestamp is expired', () => {
    expect(verify('zendesk', headers, body, { secret, nowSeconds: now + 301 }).reason).toBe('timestamp_expired');
  });

  it("the older docs' literal example (body + timestamp) is diagnosed as the parts swapped", () => {
    // The example of developer.zendesk.com/documentation/event-connectors/webhooks/verifying/ (secret,
    // body, timestamp, signature as published) signs BODY + TIMESTAMP, while both pages' prose says
    // TIMESTAMP + BODY, as senders and receivers in the wild compute it.
    const result = verify(
      'zendesk',
      { 'X-Zendesk-Webhook-Signature': 'tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=', 'X-Zendesk-Webhook-Signature-Timestamp': timestamp },
      '{"say": "hello"}',
      { secret: 'HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=', nowSeconds: now },
    );
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toContain('signed_content');
  });

  it('reads the event type from the body', () => {
    expect(eventTypeOf('zendesk', [], Buffer.from(body), 'application/json')).toBe('zen:event-type:ticket.created');
  });
});

describe.each([
  // https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures
  {
    id: 'calendly',
    header: 'Calendly-Webhook-Signature',
    body: '{"event":"invitee.created","payload":{"email":"a@example.com"}}',
    event: 'invitee.created',
  },
  // https://www.mux.com/docs/core/verify-webhook-signatures
  {
    id: 'mux',
    header: 'Mux-Signature',
    body: '{"type":"video.asset.ready","object":{"type":"asset","id":"a1"}}',
    event: 'video.asset.ready',
  },
  // https://buildkite.com/docs/apis/webhooks/pipelines#webhook-signature (other keys)
  {
    id: 'buildkite',
    header: 'X-Buildkite-Signature',
    keys: ['timestamp', 'signature'],
    body: '{"event":"build.finished","build":{"number":1}}',
    event: 'build.finished',
    eventHeaders: { 'X-Buildkite-Event': 'build.finished' },
  },
])(
  '$id (t=<ts>,v1=<hex> over `${t}.${body}`, computed here per the docs)',
  ({ id, header, body, event, keys = ['t', 'v1'], eventHeaders = {} }) => {
    const secret = `${id}-signing-key`;
    const t = 1565220904;
    const value = `${keys[0]}=${t},${keys[1]}=${hmac(`${t}.${body}`, secret, 'hex')}`;

    it('verifies and signs the same header', () => {
      expect(verify(id, { [header]: value }, body, { secret, nowSeconds: t + 5 }).verdict).toBe('valid');
      expect(scheme(id).sign({ secret, body: Buffer.from(body), timestampSeconds: t }).headers[header]).toBe(value);
    });

    it('wrong secret, missing header, expired (a timestamp from the future is accepted: past only)', () => {
      expect(verify(id, { [header]: value }, body, { secret: 'wrong', nowSeconds: t }).reason).toBe('signature_mismatch');
      expect(verify(id, {}, body, { secret, nowSeconds: t }).reason).toBe('missing_header');
      expect(verify(id, { [header]: value }, body, { secret, nowSeconds: t + 301 }).reason).toBe('timestamp_expired');
      expect(verify(id, { [header]: value }, body, { secret, nowSeconds: t - 3600 }).reason).toBe('ok');
    });

    it('reads the event type where the provider names it', () => {
      expect(eventTypeOf(id, Object.entries(eventHeaders), Buffer.from(body), 'application/json')).toBe(event);
    });
  },
);

describe('WorkOS', () => {
  // Per https://workos.com/docs/events/data-syncing/webhooks and workos-node's webhooks.ts: t in unix ms, "t=..., v1=...".
  const secret = 'workos-endpoint-secret';
  const body = '{"id":"event_01","event":"user.created","data":{"id":"user_01"}}';
  const t = 1_700_000_000_000;
  const value = `t=${t}, v1=${hmac(`${t}.${body}`, secret, 'hex')}`;
  it('verifies `t=<ms>, v1=<hex>`, rejects a wrong secret, a missing header and a timestamp older than the tolerance', () => {
    expect(verify('workos', { 'WorkOS-Signature': value }, body, { secret, nowSeconds: t / 1000 + 5 }).verdict).toBe('valid');
    expect(verify('workos', { 'WorkOS-Signature': value }, body, { secret: 'wrong', nowSeconds: t / 1000 }).reason).toBe(
      'signature_mismatch',
    );
    expect(verify('workos', {}, body, { secret, nowSeconds: t / 1000 }).reason).toBe('missing_header');
    expect(
      verify('workos', { 'WorkOS-Signature': value }, body, { secret, nowSeconds: t / 1000 + 181, toleranceSeconds: 180 }).reason,
    ).toBe('timestamp_expired');
    expect(eventTypeOf('workos', [], Buffer.from(body), 'application/json')).toBe('user.created');
  });
  it('a timestamp in seconds where milliseconds are expected is diagnosed', () => {
    const seconds = `t=${t / 1000}, v1=${hmac(`${t / 1000}.${body}`, secret, 'hex')}`;
    const result = verify('workos', { 'WorkOS-Signature': seconds }, body, { secret, nowSeconds: t / 1000 });
    expect(result.verdict).toBe('invalid');
    expect(codes(result).join(' ')).toMatch(/timestamp/);
  });
});

describe('Frame.io', () => {
  // Per https://developer.frame.io/platform/v2/webhooks-overview: v0=<hex> over `v0:${timestamp}:${body}`.
  const secret = 'frameio-signing-secret';
  const body = '{"type":"asset.created","resource":{"type":"asset","id":"a1"}}';
  const ts = 1_700_000_000;
  const headers = { 'X-Frameio-Signature': `v0=${hmac(`v0:${ts}:${body}`, secret, 'hex')}`, 'X-Frameio-Request-Timestamp': String(ts) };
  it('verifies, signs the same, and rejects wrong secret, missing timestamp, too old and too new', () => {
    expect(verify('frameio', headers, body, { secret, nowSeconds: ts }).verdict).toBe('valid');
    expect(scheme('frameio').sign({ secret, body: Buffer.from(body), timestampSeconds: ts }).headers).toEqual(headers);
    expect(verify('frameio', headers, body, { secret: 'wrong', nowSeconds: ts }).reason).toBe('signature_mismatch');
    expect(verify('frameio', { 'X-Frameio-Signature': headers['X-Frameio-Signature'] }, body, { secret, nowSeconds: ts }).reason).toBe(
      'missing_header',
    );
    expect(verify('frameio', headers, body, { secret, nowSeconds: ts + 301 }).reason).toBe('timestamp_expired');
    expect(verify('frameio', headers, body, { secret, nowSeconds: ts - 301 }).reason).toBe('timestamp_future');
    expect(eventTypeOf('frameio', [], Buffer.from(body), 'application/json')).toBe('asset.created');
  });
});

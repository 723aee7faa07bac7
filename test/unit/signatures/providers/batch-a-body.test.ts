import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * Providers of batch A that sign the raw body alone. None publishes a literal vector with its
 * secret, so each vector is computed here independently with node:crypto, following the docs
 * cited in the scheme's file (header, prefix, hash, encoding), and our signer must agree.
 */
const SECRET = 'provider-secret-42';
const hmac = (algorithm: string, content: string, encoding: 'hex' | 'base64', secret = SECRET) =>
  createHmac(algorithm, secret).update(content).digest(encoding);

interface Case {
  id: string;
  header: string;
  algorithm: 'sha1' | 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  prefix: string;
  body: string;
  eventHeaders: Record<string, string>;
  event: string;
}

const cases: Case[] = [
  // https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications
  {
    id: 'intercom',
    header: 'X-Hub-Signature',
    algorithm: 'sha1',
    encoding: 'hex',
    prefix: 'sha1=',
    body: '{"type":"notification_event","topic":"conversation.user.created","id":"notif_1","data":{"item":{"type":"conversation"}}}',
    eventHeaders: {},
    event: 'conversation.user.created',
  },
  // https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/
  {
    id: 'bitbucket',
    header: 'X-Hub-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'sha256=',
    body: '{"push":{"changes":[]},"repository":{"full_name":"team/repo"}}',
    eventHeaders: { 'X-Event-Key': 'repo:push' },
    event: 'repo:push',
  },
  // https://www.typeform.com/developers/webhooks/secure-your-webhooks/
  {
    id: 'typeform',
    header: 'Typeform-Signature',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: 'sha256=',
    body: '{"event_id":"01H","event_type":"form_response","form_response":{"form_id":"lT4Z3j"}}',
    eventHeaders: {},
    event: 'form_response',
  },
  // https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks
  {
    id: 'woocommerce',
    header: 'X-WC-Webhook-Signature',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: '',
    body: '{"id":727,"status":"processing","total":"29.35"}',
    eventHeaders: { 'X-WC-Webhook-Topic': 'order.created' },
    event: 'order.created',
  },
  // https://docs.sentry.io/organization/integrations/integration-platform/webhooks/
  {
    id: 'sentry',
    header: 'Sentry-Hook-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"action":"created","data":{"issue":{"id":"1"}},"installation":{"uuid":"i-1"}}',
    eventHeaders: { 'Sentry-Hook-Resource': 'issue' },
    event: 'issue.created',
  },
  // https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks
  {
    id: 'vercel',
    header: 'x-vercel-signature',
    algorithm: 'sha1',
    encoding: 'hex',
    prefix: '',
    body: '{"id":"evt_1","type":"deployment.created","payload":{"deployment":{"id":"dpl_1"}}}',
    eventHeaders: {},
    event: 'deployment.created',
  },
  // https://developer.pagerduty.com/docs/28e906a0bd5c8-verifying-signatures
  {
    id: 'pagerduty',
    header: 'X-PagerDuty-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: 'v1=',
    body: '{"event":{"id":"01D","event_type":"incident.triggered","resource_type":"incident"}}',
    eventHeaders: {},
    event: 'incident.triggered',
  },
  // https://devcenter.heroku.com/articles/app-webhooks#securing-webhook-requests
  {
    id: 'heroku',
    header: 'Heroku-Webhook-Hmac-SHA256',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: '',
    body: '{"action":"update","resource":"build","data":{"status":"succeeded"}}',
    eventHeaders: {},
    event: 'build.update',
  },
  // https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity
  {
    id: 'terraform',
    header: 'X-TFE-Notification-Signature',
    algorithm: 'sha512',
    encoding: 'hex',
    prefix: '',
    body: '{"payload_version":1,"notifications":[{"message":"Run Planned","trigger":"run:planning"}]}',
    eventHeaders: {},
    event: 'run:planning',
  },
  // https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/
  {
    id: 'xero',
    header: 'x-xero-signature',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: '',
    body: '{"events":[{"resourceId":"r1","eventCategory":"INVOICE","eventType":"UPDATE"}],"firstEventSequence":1}',
    eventHeaders: {},
    event: 'INVOICE.UPDATE',
  },
  // https://pusher.com/docs/channels/server_api/webhooks/#authentication
  {
    id: 'pusher',
    header: 'X-Pusher-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"test_channel"}]}',
    eventHeaders: { 'X-Pusher-Key': 'key' },
    event: 'channel_occupied',
  },
  // https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security
  {
    id: 'coinbase-commerce',
    header: 'X-CC-Webhook-Signature',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: '{"id":1,"event":{"id":"e1","type":"charge:confirmed","data":{"code":"66BEOV2A"}}}',
    eventHeaders: {},
    event: 'charge:confirmed',
  },
  // https://www.aftership.com/docs/aftership/95a6c99e13602-webhook-signature
  {
    id: 'aftership',
    header: 'aftership-hmac-sha256',
    algorithm: 'sha256',
    encoding: 'base64',
    prefix: '',
    body: '{"event":"tracking_update","msg":{"tag":"InTransit"}}',
    eventHeaders: {},
    event: 'tracking_update',
  },
  // Chargify posts form fields: https://maxio-chargify.zendesk.com/hc/en-us/articles/5405357509645-Webhooks-Reference#webhook-signature
  {
    id: 'chargify',
    header: 'X-Chargify-Webhook-Signature-Hmac-Sha-256',
    algorithm: 'sha256',
    encoding: 'hex',
    prefix: '',
    body: 'id=123&event=signup_success&payload%5Bsite%5D%5Bid%5D=1',
    eventHeaders: {},
    event: 'signup_success',
  },
  // https://developer.webex.com/docs/webhooks#handling-requests-from-webex
  {
    id: 'webex',
    header: 'X-Spark-Signature',
    algorithm: 'sha1',
    encoding: 'hex',
    prefix: '',
    body: '{"id":"wh1","resource":"messages","event":"created","data":{"id":"m1"}}',
    eventHeaders: {},
    event: 'messages.created',
  },
];

describe.each(cases)('$id', (c) => {
  const signature = c.prefix + hmac(c.algorithm, c.body, c.encoding);
  const headers = { ...c.eventHeaders, [c.header]: signature };

  it('verifies a vector computed with node:crypto per the docs, and signs the same header', () => {
    expect(verify(c.id, headers, c.body, { secret: SECRET })).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(scheme(c.id).sign({ secret: SECRET, body: Buffer.from(c.body), timestampSeconds: 0 }).headers[c.header]).toBe(signature);
  });

  it('a wrong secret is a signature_mismatch; no header is missing_header', () => {
    expect(verify(c.id, headers, c.body, { secret: 'another-secret' })).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
    expect(verify(c.id, c.eventHeaders, c.body, { secret: SECRET })).toMatchObject({ verdict: 'invalid', reason: 'missing_header' });
  });

  it('reads the event type where the provider names it', () => {
    expect(eventTypeOf(c.id, Object.entries(headers), Buffer.from(c.body), 'application/json')).toBe(c.event);
  });
});

describe('Pusher', () => {
  // The vector of Pusher's own SDK test (pusher-http-go client_test.go, TestClientWebhookValidation).
  it("verifies the SDK test's literal signature", () => {
    const headers = { 'X-Pusher-Key': 'key', 'X-Pusher-Signature': '2677ad3e7c090b2fa2c0fb13020d66d5420879b8316eb356a2d60fb9073bc778' };
    expect(verify('pusher', headers, '{"hello":"world"}', { secret: 'secret' }).verdict).toBe('valid');
  });
});

describe('PagerDuty', () => {
  const body = cases.find((c) => c.id === 'pagerduty')!.body;
  it('accepts any of several comma-separated v1 entries (a secret rotation) and skips other versions', () => {
    const header = `v2=abc,v1=${hmac('sha256', body, 'hex', 'old-secret')},v1=${hmac('sha256', body, 'hex')}`;
    expect(verify('pagerduty', { 'X-PagerDuty-Signature': header }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(verify('pagerduty', { 'X-PagerDuty-Signature': 'v2=abc' }, body, { secret: SECRET }).reason).toBe('malformed_header');
  });
});

describe('diagnosis on a body-signing provider', () => {
  it('Bitbucket: a body re-serialized before signing is body_reserialized', () => {
    const pretty = JSON.stringify({ push: { changes: [] }, repository: { full_name: 'team/repo' } }, null, 2);
    const compact = JSON.stringify(JSON.parse(pretty));
    const result = verify('bitbucket', { 'X-Hub-Signature': `sha256=${hmac('sha256', compact, 'hex')}` }, pretty, { secret: SECRET });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toContain('body_reserialized');
  });

  it('Typeform: hex where base64 is expected is diagnosed as an encoding slip', () => {
    const body = cases.find((c) => c.id === 'typeform')!.body;
    const result = verify('typeform', { 'Typeform-Signature': `sha256=${hmac('sha256', body, 'hex')}` }, body, { secret: SECRET });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result).join(' ')).toMatch(/encoding/);
  });
});

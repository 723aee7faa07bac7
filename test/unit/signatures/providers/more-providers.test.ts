import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * Box, Airtable, Pusher, Microsoft Teams, TikTok, Sonatype Nexus, AfterShip and Autodesk publish
 * no literal vector: each expected signature is computed here with node:crypto following the docs
 * cited in the scheme files. Coinbase Commerce's, Worldline's and Castle's come from their SDKs'
 * own tests.
 */

describe('Box', () => {
  const PRIMARY = 'SamplePrimaryKey7wYkBqv';
  const SECONDARY = 'SampleSecondaryKeyq2Lx';
  const body =
    '{"type":"webhook_event","id":"eb0c4e06-751f-442c-86f8-fd5bb404dbec","created_at":"2024-03-01T12:00:00-08:00","trigger":"FILE.UPLOADED","source":{"id":"12345","type":"file","name":"Résumé.pdf"}}';
  const timestamp = '2024-03-01T12:00:05-08:00';
  const at = Date.parse(timestamp) / 1000;
  // developer.box.com/guides/webhooks/v2/signatures-v2: body bytes first, then the timestamp bytes; base64.
  const mac = (key: string) => createHmac('sha256', key).update(body).update(timestamp).digest('base64');
  const headers = {
    'BOX-DELIVERY-TIMESTAMP': timestamp,
    'BOX-SIGNATURE-VERSION': '1',
    'BOX-SIGNATURE-ALGORITHM': 'HmacSHA256',
    'BOX-SIGNATURE-PRIMARY': mac(PRIMARY),
    'BOX-SIGNATURE-SECONDARY': mac(SECONDARY),
  };

  it('verifies with the primary key or the secondary key', () => {
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at + 5 }).verdict).toBe('valid');
    expect(verify('box', headers, body, { secret: SECONDARY, nowSeconds: at + 5 }).verdict).toBe('valid');
    expect(verify('box', headers, body, { secret: 'neither', nowSeconds: at + 5 }).reason).toBe('signature_mismatch');
  });

  it('signs body + timestamp, with the version and algorithm headers box-node-sdk requires', () => {
    const signed = scheme('box').sign({ secret: PRIMARY, body: Buffer.from(body), timestampSeconds: at }).headers;
    expect(signed['BOX-SIGNATURE-VERSION']).toBe('1');
    expect(signed['BOX-SIGNATURE-ALGORITHM']).toBe('HmacSHA256');
    const stamp = signed['BOX-DELIVERY-TIMESTAMP'] as string;
    expect(Date.parse(stamp) / 1000).toBe(at);
    expect(signed['BOX-SIGNATURE-PRIMARY']).toBe(createHmac('sha256', PRIMARY).update(body).update(stamp).digest('base64'));
  });

  it('rejects a delivery older than the tolerance (past only, as the docs check), and a missing timestamp', () => {
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at + 301 }).reason).toBe('timestamp_expired');
    expect(verify('box', headers, body, { secret: PRIMARY, nowSeconds: at - 3600 }).verdict).toBe('valid');
    const { 'BOX-DELIVERY-TIMESTAMP': _t, ...untimed } = headers;
    expect(verify('box', untimed, body, { secret: PRIMARY, nowSeconds: at }).reason).toBe('missing_header');
    const { 'BOX-SIGNATURE-PRIMARY': _p, 'BOX-SIGNATURE-SECONDARY': _s, ...unsigned } = headers;
    expect(verify('box', unsigned, body, { secret: PRIMARY, nowSeconds: at }).reason).toBe('missing_header');
  });

  it('diagnoses timestamp and body swapped (the order Box documents is body first)', () => {
    const swapped = createHmac('sha256', PRIMARY).update(timestamp).update(body).digest('base64');
    const result = verify('box', { ...headers, 'BOX-SIGNATURE-PRIMARY': swapped, 'BOX-SIGNATURE-SECONDARY': swapped }, body, {
      secret: PRIMARY,
      nowSeconds: at,
    });
    expect(codes(result)).toContain('signed_content');
  });

  it('the event type is the trigger', () => {
    expect(eventTypeOf('box', [], Buffer.from(body), 'application/json')).toBe('FILE.UPLOADED');
  });
});

describe('Airtable', () => {
  const MAC_SECRET_BASE64 = Buffer.from('airtable-mac-secret-bytes-0123456789').toString('base64');
  const body = '{"base":{"id":"appABC123"},"webhook":{"id":"achXYZ789"},"timestamp":"2024-02-01T21:25:05.663Z"}';
  // The docs: createHmac('sha256', Buffer.from(macSecretBase64, 'base64')) ... 'hmac-sha256=' + hex.
  const header = `hmac-sha256=${createHmac('sha256', Buffer.from(MAC_SECRET_BASE64, 'base64')).update(body, 'ascii').digest('hex')}`;

  it('verifies with the base64-decoded MAC secret, and signs the same', () => {
    expect(verify('airtable', { 'X-Airtable-Content-MAC': header }, body, { secret: MAC_SECRET_BASE64 }).verdict).toBe('valid');
    expect(scheme('airtable').sign({ secret: MAC_SECRET_BASE64, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-Airtable-Content-MAC': header,
    });
  });

  it('the secret used as text (not decoded) is a mismatch the diagnosis explains; a missing header is missing_header', () => {
    const asText = `hmac-sha256=${createHmac('sha256', MAC_SECRET_BASE64).update(body).digest('hex')}`;
    const result = verify('airtable', { 'X-Airtable-Content-MAC': asText }, body, { secret: MAC_SECRET_BASE64 });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toContain('secret_format');
    expect(verify('airtable', {}, body, { secret: MAC_SECRET_BASE64 }).reason).toBe('missing_header');
  });
});

describe('Pusher Channels', () => {
  const SECRET = '7ad3773142a6692b25b8';
  const body = '{"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"presence-room-1"}]}';
  const signature = createHmac('sha256', SECRET).update(body).digest('hex');

  it('verifies X-Pusher-Signature (hex HMAC-SHA256 of the body with the app secret) and signs it', () => {
    expect(
      verify('pusher', { 'X-Pusher-Key': '278d425bdf160c739803', 'X-Pusher-Signature': signature }, body, { secret: SECRET }).verdict,
    ).toBe('valid');
    expect(scheme('pusher').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-Pusher-Signature': signature,
    });
  });

  it('wrong secret, missing signature, and the event type from the first event', () => {
    expect(verify('pusher', { 'X-Pusher-Signature': signature }, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('pusher', { 'X-Pusher-Key': '278d425bdf160c739803' }, body, { secret: SECRET }).reason).toBe('missing_header');
    expect(eventTypeOf('pusher', [], Buffer.from(body), 'application/json')).toBe('channel_occupied');
  });
});

describe('Microsoft Teams outgoing webhook', () => {
  // The format of OfficeDev's sample token (base64 of 32 bytes).
  const TOKEN = '+ZaRRMC8+mpnfGaGsBOmkIFt98bttL5YQRq3p2tXgcE=';
  const body = '{"type":"message","id":"1485983408511","text":"<at>Bot</at> hello","from":{"name":"Megan"}}';
  const header = `HMAC ${createHmac('sha256', Buffer.from(TOKEN, 'base64')).update(Buffer.from(body, 'utf8')).digest('base64')}`;

  it('verifies Authorization: HMAC <base64> keyed with the decoded token, and signs it', () => {
    expect(verify('microsoft-teams', { Authorization: header }, body, { secret: TOKEN }).verdict).toBe('valid');
    expect(scheme('microsoft-teams').sign({ secret: TOKEN, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      Authorization: header,
    });
  });

  it('a bearer token is a malformed header; another token is a mismatch; the event type is the activity type', () => {
    expect(verify('microsoft-teams', { Authorization: 'Bearer abc' }, body, { secret: TOKEN }).reason).toBe('malformed_header');
    expect(
      verify('microsoft-teams', { Authorization: header }, body, { secret: 'QgyNSToQjf4p6+YzDpjKks1/tXeJQ7FhVHqRwTnugVI=' }).reason,
    ).toBe('signature_mismatch');
    expect(verify('microsoft-teams', {}, body, { secret: TOKEN }).reason).toBe('missing_header');
    expect(eventTypeOf('microsoft-teams', [], Buffer.from(body), 'application/json')).toBe('message');
  });
});

describe('TikTok', () => {
  const SECRET = 'tiktok-client-secret';
  const body =
    '{"client_key":"bwo2m45353a6k85","event":"authorization.removed","create_time":1615338610,"user_openid":"act.example12345","content":"{\\"reason\\": 1}"}';
  const t = 1633174587;
  // developers.tiktok.com/doc/webhooks-verification: HMAC-SHA256(client secret, `${t}.${body}`), `t=…,s=…`.
  const header = `t=${t},s=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`;

  it('verifies t=…,s=… over `${t}.${body}` and signs the same', () => {
    expect(verify('tiktok', { 'TikTok-Signature': header }, body, { secret: SECRET, nowSeconds: t + 10 }).verdict).toBe('valid');
    expect(scheme('tiktok').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: t }).headers).toEqual({
      'TikTok-Signature': header,
    });
  });

  it('an old timestamp is timestamp_expired; a wrong secret a mismatch; no header missing_header; the event is the body event', () => {
    expect(verify('tiktok', { 'TikTok-Signature': header }, body, { secret: SECRET, nowSeconds: t + 301 }).reason).toBe(
      'timestamp_expired',
    );
    expect(verify('tiktok', { 'TikTok-Signature': header }, body, { secret: 'other', nowSeconds: t }).reason).toBe('signature_mismatch');
    expect(verify('tiktok', {}, body, { secret: SECRET, nowSeconds: t }).reason).toBe('missing_header');
    expect(verify('tiktok', { 'TikTok-Signature': `s=${'0'.repeat(64)}` }, body, { secret: SECRET, nowSeconds: t }).reason).toBe(
      'malformed_header',
    );
    expect(eventTypeOf('tiktok', [], Buffer.from(body), 'application/json')).toBe('authorization.removed');
  });
});

describe('Coinbase Commerce', () => {
  // The vector of coinbase-commerce-node's own test (test/testWebhook.spec.js).
  const secret = '30291a20-0bd1-4267-9b0f-e6e7b123c0bf';
  const payload =
    '{"id":1,"scheduled_for":"2017-01-31T20:50:02Z","attempt_number":1,"event":{"id":"24934862-d980-46cb-9402-43c81b0cdba6","type":"charge:created","api_version":"2018-03-22","created_at":"2017-01-31T20:49:02Z","data":{"code":"66BEOV2A","name":"The Sovereign Individual","description":"Mastering the Transition to the Information Age","hosted_url":"https://commerce.coinbase.com/charges/66BEOV2A","created_at":"2017-01-31T20:49:02Z","expires_at":"2017-01-31T21:04:02Z","timeline":[{"time":"2017-01-31T20:49:02Z","status":"NEW"}],"metadata":{},"pricing_type":"no_price","payments":[],"addresses":{"bitcoin":"0000000000000000000000000000000000","ethereum":"0x0000000000000000000000000000000000000000","litecoin":"3000000000000000000000000000000000","bitcoincash":"bitcoincash:000000000000000000000000000000000000000000"}}}}';
  const signature = '8be7742c7d372f08a6a3224edadf18a22b65fa9e28f3f2de97376cdaa092590d';

  it("verifies the SDK test's vector and signs the same", () => {
    expect(verify('coinbase-commerce', { 'X-CC-Webhook-Signature': signature }, payload, { secret }).verdict).toBe('valid');
    expect(scheme('coinbase-commerce').sign({ secret, body: Buffer.from(payload), timestampSeconds: 0 }).headers).toEqual({
      'X-CC-Webhook-Signature': signature,
    });
  });

  it("the SDK test's invalid secret is a mismatch; no header is missing_header; the event is event.type", () => {
    expect(
      verify('coinbase-commerce', { 'X-CC-Webhook-Signature': signature }, payload, { secret: '30291a20-0bd1-4267-9b0f-e6e7b123c0bg' })
        .reason,
    ).toBe('signature_mismatch');
    expect(verify('coinbase-commerce', {}, payload, { secret }).reason).toBe('missing_header');
    expect(eventTypeOf('coinbase-commerce', [], Buffer.from(payload), 'application/json')).toBe('charge:created');
  });
});

describe('Sonatype Nexus', () => {
  const SECRET = 'nexus-secret-key';
  // help.sonatype.com's example payload (compact, as Nexus sends it "without whitespace").
  const body =
    '{"timestamp":"2016-11-10T23:57:49.664+0000","nodeId":"52905B51-085CCABB-CEBBEAAD-16795588-FC927D93","initiator":"admin/127.0.0.1","repositoryName":"npm-proxy","action":"CREATED","asset":{"id":"31c950c8eeeab78336308177ae9c441c","format":"npm","name":"concrete"}}';
  const signature = createHmac('sha1', SECRET).update(body).digest('hex');
  const headers = {
    'X-Nexus-Webhook-Signature': signature,
    'X-Nexus-Webhook-Id': 'rm:repository:asset',
    'X-Nexus-Webhook-Delivery': '7f4a6dde-5c68-4999-bcc0-a62f3fb8ae48',
  };

  it('verifies the hex HMAC-SHA1 of the body and signs it', () => {
    expect(verify('sonatype-nexus', headers, body, { secret: SECRET }).verdict).toBe('valid');
    expect(scheme('sonatype-nexus').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-Nexus-Webhook-Signature': signature,
    });
  });

  it('wrong key, missing signature; the event is the webhook id with the action; a pretty body is diagnosed', () => {
    expect(verify('sonatype-nexus', headers, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('sonatype-nexus', { 'X-Nexus-Webhook-Id': 'rm:repository:asset' }, body, { secret: SECRET }).reason).toBe(
      'missing_header',
    );
    expect(eventTypeOf('sonatype-nexus', Object.entries(headers), Buffer.from(body), 'application/json')).toBe(
      'rm:repository:asset.CREATED',
    );
    expect(codes(verify('sonatype-nexus', headers, JSON.stringify(JSON.parse(body), null, 2), { secret: SECRET }))).toContain(
      'body_reserialized',
    );
  });
});

describe('AfterShip', () => {
  const SECRET = 'aftership-webhook-secret';
  const body =
    '{"event":"tracking_update","event_id":"7c7e1ac4-8c4b-4c89-9f2a-9a3e0b7a5c11","is_tracking_first_tag":false,"msg":{"id":"5b7658cec7c33c0e007de3c5","tracking_number":"1234567890","tag":"InTransit"},"ts":1534490321}';
  const signature = createHmac('sha256', SECRET).update(body).digest('base64');

  it('verifies aftership-hmac-sha256 (Tracking) and as-signature-hmac-sha256 (Returns, Warranty), and signs the first', () => {
    expect(verify('aftership', { 'aftership-hmac-sha256': signature }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(verify('aftership', { 'as-signature-hmac-sha256': signature }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(scheme('aftership').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'aftership-hmac-sha256': signature,
    });
  });

  it('wrong secret, missing header, and the event from the body', () => {
    expect(verify('aftership', { 'aftership-hmac-sha256': signature }, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('aftership', {}, body, { secret: SECRET }).reason).toBe('missing_header');
    expect(eventTypeOf('aftership', [], Buffer.from(body), 'application/json')).toBe('tracking_update');
  });
});

describe('Worldline', () => {
  // The vector of Worldline's SDK tests (connect-sdk-nodejs test/unit/webhooks, WebhooksHelperTest.php).
  const body = `{
  "apiVersion": "v1",
  "id": "8ee793f6-4553-4749-85dc-f2ef095c5ab0",
  "created": "2017-02-02T11:24:14.040+0100",
  "merchantId": "20000",
  "type": "payment.paid",
  "payment": {
    "id": "00000200000143570012",
    "paymentOutput": {
      "amountOfMoney": {
        "amount": 1000,
        "currencyCode": "EUR"
      },
      "references": {
        "paymentReference": "200001681810"
      },
      "paymentMethod": "bankTransfer",
      "bankTransferPaymentMethodSpecificOutput": {
        "paymentProductId": 11
      }
    },
    "status": "PAID",
    "statusOutput": {
      "isCancellable": false,
      "statusCategory": "COMPLETED",
      "statusCode": 1000,
      "statusCodeChangeDateTime": "20170202112414",
      "isAuthorized": true
    }
  }
}`;
  const headers = { 'X-GCS-Signature': '2S7doBj/GnJnacIjSJzr5fxGM5xmfQyFAwxv1I53ZEk=', 'X-GCS-KeyId': 'dummy-key-id' };

  it('verifies the SDK test vector and signs the same', () => {
    expect(verify('worldline', headers, body, { secret: 'hello+world' }).verdict).toBe('valid');
    expect(scheme('worldline').sign({ secret: 'hello+world', body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-GCS-Signature': headers['X-GCS-Signature'],
    });
  });

  it("the SDK tests' invalid key and changed body fail; no signature is missing_header; the event is the type", () => {
    expect(verify('worldline', headers, body, { secret: '1hello+world' }).reason).toBe('signature_mismatch');
    expect(verify('worldline', headers, body.replace('20170202112414', '20170202112514'), { secret: 'hello+world' }).reason).toBe(
      'signature_mismatch',
    );
    expect(verify('worldline', { 'X-GCS-KeyId': 'dummy-key-id' }, body, { secret: 'hello+world' }).reason).toBe('missing_header');
    expect(eventTypeOf('worldline', [], Buffer.from(body), 'application/json')).toBe('payment.paid');
  });
});

describe('Castle', () => {
  // castle-ruby spec/lib/castle/webhooks/verify_spec.rb: the webhook body as Ruby's to_json writes it, API secret `secret`.
  const body =
    '{"api_version":"v1","app_id":"12345","type":"$incident.confirmed","created_at":"2020-12-18T12:55:21.779Z","data":{"id":"test","device_token":"token","user_id":"12345","trigger":"$login.succeeded","context":{},"location":{},"user_agent":{}},"user_traits":{},"properties":{},"policy":{}}';
  const signature = '3ptx3rUOBnGEqPjMrbcJn2UUfzwTKP54dFyP5uyPY+Y=';

  it("verifies castle-ruby's spec vector and signs the same", () => {
    expect(verify('castle', { 'X-Castle-Signature': signature }, body, { secret: 'secret' }).verdict).toBe('valid');
    expect(scheme('castle').sign({ secret: 'secret', body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'X-Castle-Signature': signature,
    });
  });

  it("the spec's malformed signature `123` and a wrong secret are mismatches; no header is missing_header; the event is the type", () => {
    expect(verify('castle', { 'X-Castle-Signature': '123' }, body, { secret: 'secret' }).reason).toBe('signature_mismatch');
    expect(verify('castle', { 'X-Castle-Signature': signature }, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('castle', {}, body, { secret: 'secret' }).reason).toBe('missing_header');
    expect(eventTypeOf('castle', [], Buffer.from(body), 'application/json')).toBe('$incident.confirmed');
  });
});

describe('Autodesk Platform Services', () => {
  const SECRET = 'aps-webhook-secret-token';
  const body =
    '{"version":"1.0","resourceUrn":"urn:adsk.wipprod:dm.lineage:abc","hook":{"hookId":"0f60f6a0-996c-11e7-abf3-51d68cff984c","event":"dm.version.added","system":"data"},"payload":{"name":"Level 3.rvt"}}';
  const header = `sha1hash=${createHmac('sha1', SECRET).update(body).digest('hex')}`;

  it('verifies sha1hash=<hex HMAC-SHA1 of the body> and signs it', () => {
    expect(verify('autodesk', { 'x-adsk-signature': header }, body, { secret: SECRET }).verdict).toBe('valid');
    expect(scheme('autodesk').sign({ secret: SECRET, body: Buffer.from(body), timestampSeconds: 0 }).headers).toEqual({
      'x-adsk-signature': header,
    });
  });

  it('a bare hex digest is malformed; a wrong token a mismatch; no header missing_header; the event is hook.event', () => {
    expect(verify('autodesk', { 'x-adsk-signature': header.slice('sha1hash='.length) }, body, { secret: SECRET }).reason).toBe(
      'malformed_header',
    );
    expect(verify('autodesk', { 'x-adsk-signature': header }, body, { secret: 'other' }).reason).toBe('signature_mismatch');
    expect(verify('autodesk', {}, body, { secret: SECRET }).reason).toBe('missing_header');
    expect(eventTypeOf('autodesk', [], Buffer.from(body), 'application/json')).toBe('dm.version.added');
  });
});

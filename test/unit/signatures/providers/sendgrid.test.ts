import { describe, expect, it } from 'vitest';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';

/**
 * SendGrid Signed Event Webhook
 * (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features).
 * The literal vector is the official @sendgrid/eventwebhook package's own test
 * (src/eventwebhook.spec.js: PUBLIC_KEY, SIGNATURE, TIMESTAMP, PAYLOAD with its trailing CRLF); the package
 * itself is the oracle for what we sign.
 */

const PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==';
const SIGNATURE = 'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=';
const TIMESTAMP = '1600112502';
const PAYLOAD = `${JSON.stringify([
  {
    email: 'hello@world.com',
    event: 'dropped',
    reason: 'Bounced Address',
    sg_event_id: 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA',
    sg_message_id: 'LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0',
    'smtp-id': '<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>',
    timestamp: 1600112492,
  },
])}\r\n`;
// The SDK test's "invalid key": a valid P-256 key of another pair.
const OTHER_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==';
const NOW = Number(TIMESTAMP);
const headers = { 'X-Twilio-Email-Event-Webhook-Signature': SIGNATURE, 'X-Twilio-Email-Event-Webhook-Timestamp': TIMESTAMP };
const sendgrid = scheme('sendgrid');

describe('SendGrid (ECDSA P-256, base64 SPKI key)', () => {
  it('verifies the official SDK vector, as base64 DER and as PEM', () => {
    expect(verify('sendgrid', headers, PAYLOAD, { secret: PUBLIC_KEY, nowSeconds: NOW }).verdict).toBe('valid');
    const pem = `-----BEGIN PUBLIC KEY-----\n${PUBLIC_KEY.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(verify('sendgrid', headers, PAYLOAD, { secret: pem, nowSeconds: NOW }).verdict).toBe('valid');
  });

  it('what it signs verifies with @sendgrid/eventwebhook', () => {
    const pair = sendgrid.keyPair!.generate();
    expect(pair.public_key).toMatch(/^MFkw/);
    const signed = sendgrid.sign({ secret: pair.private_key, body: Buffer.from(PAYLOAD), timestampSeconds: NOW }).headers;
    const sdk = new EventWebhook();
    const key = sdk.convertPublicKeyToECDSA(pair.public_key);
    expect(
      sdk.verifySignature(
        key,
        PAYLOAD,
        signed['X-Twilio-Email-Event-Webhook-Signature']!,
        signed['X-Twilio-Email-Event-Webhook-Timestamp']!,
      ),
    ).toBe(true);
    expect(
      sdk.verifySignature(
        key,
        `${PAYLOAD} `,
        signed['X-Twilio-Email-Event-Webhook-Signature']!,
        signed['X-Twilio-Email-Event-Webhook-Timestamp']!,
      ),
    ).toBe(false);
    expect(verify('sendgrid', signed, PAYLOAD, { secret: pair.public_key, nowSeconds: NOW }).verdict).toBe('valid');
  });

  it('the wrong key, a tampered body, a missing header and an old timestamp are each named', () => {
    const wrong = verify('sendgrid', headers, PAYLOAD, { secret: OTHER_KEY, nowSeconds: NOW });
    expect([wrong.verdict, wrong.reason]).toEqual(['invalid', 'signature_mismatch']);
    expect(verify('sendgrid', headers, PAYLOAD.replace('dropped', 'delivered'), { secret: PUBLIC_KEY, nowSeconds: NOW }).reason).toBe(
      'signature_mismatch',
    );
    const missing = verify('sendgrid', { 'X-Twilio-Email-Event-Webhook-Signature': SIGNATURE }, PAYLOAD, {
      secret: PUBLIC_KEY,
      nowSeconds: NOW,
    });
    expect([missing.reason, missing.diagnosis[0]?.message]).toEqual([
      'missing_header',
      expect.stringContaining('X-Twilio-Email-Event-Webhook-Timestamp'),
    ]);
    const expired = verify('sendgrid', headers, PAYLOAD, { secret: PUBLIC_KEY, nowSeconds: NOW + 600 });
    expect([expired.reason, codes(expired)]).toEqual(['timestamp_expired', ['timestamp_expired']]);
    const future = verify('sendgrid', headers, PAYLOAD, { secret: PUBLIC_KEY, nowSeconds: NOW - 600 });
    expect(future.reason).toBe('timestamp_future');
    const notBase64 = verify('sendgrid', { ...headers, 'X-Twilio-Email-Event-Webhook-Signature': '%%%' }, PAYLOAD, {
      secret: PUBLIC_KEY,
      nowSeconds: NOW,
    });
    expect(notBase64.reason).toBe('malformed_header');
  });

  it("another endpoint's key that verifies is named", () => {
    const result = verify('sendgrid', headers, PAYLOAD, {
      secret: OTHER_KEY,
      nowSeconds: NOW,
      otherSecrets: [{ label: 'Mail events', secret: PUBLIC_KEY }],
    });
    expect(result.diagnosis.at(-1)?.message).toMatch(/DOES verify with the key of "Mail events"/);
  });

  it('keys in the wrong format: the expected format is named; a private key is told apart', () => {
    const pair = sendgrid.keyPair!.generate();
    const garbage = verify('sendgrid', headers, PAYLOAD, { secret: 'abc', nowSeconds: NOW });
    expect(codes(garbage)).toEqual(['key_format']);
    expect(garbage.diagnosis[0]?.message).toMatch(/ECDSA P-256 public key as base64 DER/);
    const ed25519 = verify('sendgrid', headers, PAYLOAD, {
      secret: 'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
      nowSeconds: NOW,
    });
    expect(ed25519.diagnosis[0]?.message).toMatch(/got a key of type ed25519, not P-256/);
    const privateGiven = verify('sendgrid', headers, PAYLOAD, { secret: pair.private_key, nowSeconds: NOW });
    expect(privateGiven.diagnosis.map((item) => item.message).join(' ')).toContain(`Its public key is ${pair.public_key}`);
    expect(() => sendgrid.sign({ secret: pair.public_key, body: Buffer.from('[]'), timestampSeconds: NOW })).toThrow(
      /got a public key \(signing needs the private one\)/,
    );
  });

  it('diagnoses a body whose trailing CRLF was stripped after signing', () => {
    const result = verify('sendgrid', headers, PAYLOAD.trimEnd(), { secret: PUBLIC_KEY, nowSeconds: NOW });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toEqual(['body_trailing_newline']);
    expect(result.diagnosis[0]?.message).toMatch(/CRLF/);
  });

  it('names the event of the first event in the batch', () => {
    expect(eventTypeOf('sendgrid', [], Buffer.from(PAYLOAD), 'application/json')).toBe('dropped');
    expect(eventTypeOf('sendgrid', [], Buffer.from('[]'), 'application/json')).toBeNull();
  });
});

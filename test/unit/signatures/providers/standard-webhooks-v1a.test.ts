import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { codes, scheme, verify } from '../helpers';

/**
 * Standard Webhooks v1a (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md,
 * "Signature scheme"): Ed25519 over `${id}.${timestamp}.${body}`, `v1a,<base64>` entries, keys `whpk_`/`whsk_` +
 * base64. The spec publishes no v1a vector and the standardwebhooks package implements v1 only, so the vector is
 * computed here independently: RFC 8032's TEST 1 key, signed by node:crypto from the key's JWK form (Ed25519
 * is deterministic, so the signature is fixed). The package remains the oracle for v1 beside v1a.
 */

const RFC_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const RFC_PUBLIC = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
const WHPK = `whpk_${RFC_PUBLIC.toString('base64')}`;
const WHSK = `whsk_${Buffer.concat([RFC_SEED, RFC_PUBLIC]).toString('base64')}`;
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const NOW = 1_674_087_231;
const body = '{"type":"contact.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"1f81eb52-5198-4599-803e-771906343485"}}';
const standard = scheme('standard-webhooks');

const independentSignature = () => {
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: RFC_SEED.toString('base64url'), x: RFC_PUBLIC.toString('base64url') },
    format: 'jwk',
  });
  return nodeSign(null, Buffer.from(`${ID}.${NOW}.${body}`), key).toString('base64');
};
const base = { 'webhook-id': ID, 'webhook-timestamp': String(NOW) };

describe('Standard Webhooks v1a (Ed25519)', () => {
  it('signs with whsk_ exactly as an independent node:crypto signer, and verifies with whpk_', () => {
    const expected = independentSignature();
    for (const secret of [WHSK, `whsk_${RFC_SEED.toString('base64')}`]) {
      const signed = standard.sign({ secret, body: Buffer.from(body), timestampSeconds: NOW, id: ID });
      expect(signed.headers).toEqual({ 'webhook-id': ID, 'webhook-timestamp': String(NOW), 'webhook-signature': `v1a,${expected}` });
    }
    expect(
      verify('standard-webhooks', { ...base, 'webhook-signature': `v1a,${expected}` }, body, { secret: WHPK, nowSeconds: NOW }).verdict,
    ).toBe('valid');
  });

  it('one header with v1 and v1a entries verifies with the whsec_ secret (v1, checked by the standardwebhooks package) and the whpk_ key (v1a)', () => {
    const v1 = new Webhook(WHSEC).sign(ID, new Date(NOW * 1000), body);
    const header = `${v1} v1a,${independentSignature()}`;
    expect(verify('standard-webhooks', { ...base, 'webhook-signature': header }, body, { secret: WHSEC, nowSeconds: NOW }).verdict).toBe(
      'valid',
    );
    expect(verify('standard-webhooks', { ...base, 'webhook-signature': header }, body, { secret: WHPK, nowSeconds: NOW }).verdict).toBe(
      'valid',
    );
    const tampered = verify('standard-webhooks', { ...base, 'webhook-signature': header }, `${body} `, { secret: WHPK, nowSeconds: NOW });
    expect(tampered.reason).toBe('signature_mismatch');
  });

  it('a header of the other kind says which key it needs', () => {
    const v1Only = verify(
      'standard-webhooks',
      { ...base, 'webhook-signature': new Webhook(WHSEC).sign(ID, new Date(NOW * 1000), body) },
      body,
      { secret: WHPK, nowSeconds: NOW },
    );
    expect(v1Only.reason).toBe('malformed_header');
    expect(v1Only.diagnosis[1]?.message).toMatch(/only v1 \(HMAC-SHA256\) signatures: verify them with the whsec_ secret/);
    const v1aOnly = verify('standard-webhooks', { ...base, 'webhook-signature': `v1a,${independentSignature()}` }, body, {
      secret: WHSEC,
      nowSeconds: NOW,
    });
    expect(v1aOnly.reason).toBe('malformed_header');
    expect(v1aOnly.diagnosis[1]?.message).toMatch(/only v1a \(Ed25519\) signatures: verify them with the sender's whpk_ public key/);
  });

  it('a whsk_ key configured to verify is recognised, with its public key', () => {
    const result = verify('standard-webhooks', { ...base, 'webhook-signature': `v1a,${independentSignature()}` }, body, {
      secret: WHSK,
      nowSeconds: NOW,
    });
    expect(result.verdict).toBe('invalid');
    expect(codes(result)).toEqual(['key_format', 'key_format']);
    expect(result.diagnosis[0]?.message).toContain(`Its public key is ${WHPK}`);
    expect(result.diagnosis[1]?.message).toMatch(/signature verifies: configure the public key here/);
    expect(() => standard.sign({ secret: WHPK, body: Buffer.from(body), timestampSeconds: NOW, id: ID })).toThrow(
      /This is the public key \(whpk_\)/,
    );
    expect(() =>
      standard.sign({
        secret: `whsk_${Buffer.concat([RFC_SEED, RFC_SEED]).toString('base64')}`,
        body: Buffer.from(body),
        timestampSeconds: NOW,
        id: ID,
      }),
    ).toThrow(/last 32 bytes are not the public key/);
  });

  it('missing headers and a stale timestamp (checked first, as for v1)', () => {
    const header = { ...base, 'webhook-signature': `v1a,${independentSignature()}` };
    expect(
      verify('standard-webhooks', { 'webhook-signature': header['webhook-signature'] }, body, { secret: WHPK, nowSeconds: NOW }).reason,
    ).toBe('missing_header');
    const stale = verify('standard-webhooks', header, `${body} `, { secret: WHPK, nowSeconds: NOW + 3600 });
    expect(stale.reason).toBe('timestamp_expired');
  });

  it('generates a whpk_/whsk_ pair that round-trips; the descriptor announces both kinds of key', () => {
    const pair = standard.keyPair!.generate();
    expect(pair.public_key).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(pair.private_key).toMatch(/^whsk_[A-Za-z0-9+/]{86}==$/);
    const signed = standard.sign({ secret: pair.private_key, body: Buffer.from(body), timestampSeconds: NOW, id: ID });
    expect(verify('standard-webhooks', signed.headers, body, { secret: pair.public_key, nowSeconds: NOW }).verdict).toBe('valid');
    expect(standard.descriptor.key_kind).toBe('shared_secret');
    expect(standard.descriptor.key_pair?.algorithm).toBe('ed25519');
    expect(scheme('svix').descriptor.key_pair).toBeNull();
  });
});

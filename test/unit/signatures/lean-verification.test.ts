import { describe, expect, it } from 'vitest';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import { buildCustomScheme } from '../../../src/main/engine/signatures/schemes/custom';
import type { SignatureScheme, SignedMessage } from '../../../src/main/engine/signatures/types';
import { verifyMessage } from '../../../src/main/engine/signatures/verify';
import { keysFor } from './helpers';
import type { HeaderPair } from '../../../src/shared/http-headers';

// The receiver verifies with `diagnose: false`, which takes the lean path (the MAC streamed from
// the template's parts, no signed-content copy, no probe). It must reach exactly the verdict
// and the expected signature of the full path, for every scheme and every kind of request.
const NOW = 1700000000;
const BODY = Buffer.from('{"event":"model.deployed","data":{"id":"model_1","name":"caf\u00e9"}}');
const URL = 'https://hooks.example.com/twilio/sms';
const secretFor = (id: string) =>
  id === 'standard-webhooks' || id === 'svix' ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' : 'scheme-secret';

function customScheme(): SignatureScheme {
  const built = buildCustomScheme({
    signature_header: 'X-Sig',
    signature_prefix: 'v1=',
    timestamp_header: 'X-Ts',
    id_header: 'X-Id',
    signed_content: '{id}:{timestamp}:{url}:{body}',
    algorithm: 'sha512',
    encoding: 'base64',
    secret_encoding: 'hex',
  });
  if (!built.ok) throw new Error(built.message);
  return built.scheme;
}

const schemes: Array<[string, SignatureScheme, string]> = [
  ...listSchemes().map((scheme): [string, SignatureScheme, string] => [scheme.id, scheme, keysFor(scheme, secretFor(scheme.id))[1]]),
  ['custom (hex key, sha512, base64, every placeholder)', customScheme(), '00ff10ab'],
];

function requests(scheme: SignatureScheme, secret: string): Array<[string, SignedMessage, number]> {
  // A key-pair scheme verifies with `secret` (the public key) what its private key signed.
  const signed = scheme.sign({
    secret: scheme.descriptor.key_kind === 'key_pair' ? keysFor(scheme, '')[0] : secret,
    body: BODY,
    timestampSeconds: NOW,
    id: 'msg_1',
    url: URL,
  });
  const headers = Object.entries(signed.headers);
  // Mailgun's signature travels in the body: the signed body is the one sent.
  const sent = signed.body ?? BODY;
  return [
    ['valid', { headers, body: sent, url: URL }, NOW],
    ['body changed', { headers, body: Buffer.from(BODY.toString().replace('model_1', 'model_2')), url: URL }, NOW],
    ['expired', { headers, body: sent, url: URL }, NOW + 86_400],
    ['no headers', { headers: [], body: BODY, url: URL }, NOW],
    ['signature garbled', { headers: headers.map(([name, value]) => [name, `${value}x`] as HeaderPair), body: BODY, url: URL }, NOW],
  ];
}

describe("lean verification (the receiver's) agrees with the full one", () => {
  it.each(schemes)('%s', (_label, scheme, secret) => {
    for (const [kind, message, now] of requests(scheme, secret)) {
      const full = scheme.verify(message, { secret, toleranceSeconds: 300, nowSeconds: now });
      const lean = scheme.verify(message, { secret, toleranceSeconds: 300, nowSeconds: now, lean: true });
      const verdict = ({ reason, received, expected, timestamp, signatureMatched, diagnosis }: typeof full) => ({
        reason,
        received,
        expected,
        timestamp,
        signatureMatched,
        diagnosis,
      });
      expect(verdict(lean), kind).toEqual(verdict(full));
      expect(lean.signedContent, kind).toBeNull();
      expect(lean.probe, kind).toBeUndefined();
      if (kind === 'valid') expect(full.reason, `${scheme.id} signs what it verifies`).toBe('ok');
    }
  });

  it('verifyMessage with diagnose: false stores no signed content and runs no diagnosis search', () => {
    const scheme = listSchemes()[0] as SignatureScheme;
    const signed = scheme.sign({ secret: 'right', body: BODY, timestampSeconds: NOW });
    const message = { headers: Object.entries(signed.headers), body: BODY };
    const settings = {
      scheme: scheme.id,
      secret: 'wrong',
      toleranceSeconds: 300,
      nowSeconds: NOW,
      otherSecrets: [{ label: 'other endpoint', secret: 'right' }],
    };
    const strict = verifyMessage(message, { ...settings, diagnose: false });
    const diagnosed = verifyMessage(message, settings);
    expect(strict).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch', signed_content_base64: null });
    expect(strict.signature).toEqual(diagnosed.signature);
    expect(diagnosed.signed_content_base64).not.toBeNull();
    const namesOtherEndpoint = (items: typeof strict.diagnosis) =>
      items.some((item) => item.message.includes('DOES match the secret of "other endpoint"'));
    expect(namesOtherEndpoint(diagnosed.diagnosis)).toBe(true);
    expect(namesOtherEndpoint(strict.diagnosis)).toBe(false);
  });
});

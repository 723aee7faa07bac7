import { createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyKey } from 'discord-interactions';
import { discordPing } from '../../../../src/main/engine/signatures/schemes/discord';
import { eventTypeOf } from '../../../../src/main/engine/receiver/event-type';
import { codes, scheme, verify } from '../helpers';
import type { HeaderPair } from '../../../../src/shared/http-headers';

/**
 * Discord (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request).
 * Discord publishes no literal vector: the official discord-interactions library (verifyKey, WebCrypto)
 * is the oracle, and RFC 8032's TEST 1 key pins the key handling (Ed25519 signatures are deterministic,
 * so an independent node:crypto signature built from the JWK form of that key must equal ours).
 */

// RFC 8032 section 7.1, TEST 1.
const RFC_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const NOW = 1_700_000_000;
const TS = String(NOW);
const body = '{"type":2,"id":"1170000000000000000","data":{"name":"ping"}}';
const discord = scheme('discord');

const signWith = (privateKey: string, text = body, timestampSeconds = NOW) =>
  discord.sign({ secret: privateKey, body: Buffer.from(text), timestampSeconds }).headers;

describe('Discord (Ed25519, hex keys)', () => {
  it('derives RFC 8032 TEST 1 public key and signs exactly as an independent node:crypto signer', () => {
    const independent = createPrivateKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        d: Buffer.from(RFC_SEED, 'hex').toString('base64url'),
        x: Buffer.from(RFC_PUBLIC, 'hex').toString('base64url'),
      },
      format: 'jwk',
    });
    const expected = nodeSign(null, Buffer.from(TS + body), independent).toString('hex');
    const headers = signWith(RFC_SEED + RFC_PUBLIC);
    expect(headers['X-Signature-Ed25519']).toBe(expected);
    expect(headers['X-Signature-Timestamp']).toBe(TS);
    expect(
      verify('discord', { 'X-Signature-Ed25519': expected, 'X-Signature-Timestamp': TS }, body, { secret: RFC_PUBLIC, nowSeconds: NOW })
        .verdict,
    ).toBe('valid');
  });

  it('agrees with discord-interactions verifyKey on a generated pair', async () => {
    const pair = discord.keyPair!.generate();
    expect(pair.public_key).toMatch(/^[0-9a-f]{64}$/);
    expect(pair.private_key).toMatch(/^[0-9a-f]{128}$/);
    const headers = signWith(pair.private_key);
    expect(await verifyKey(body, headers['X-Signature-Ed25519']!, headers['X-Signature-Timestamp']!, pair.public_key)).toBe(true);
    expect(await verifyKey(`${body} `, headers['X-Signature-Ed25519']!, headers['X-Signature-Timestamp']!, pair.public_key)).toBe(false);
    expect(verify('discord', headers, body, { secret: pair.public_key, nowSeconds: NOW }).verdict).toBe('valid');
  });

  it('a wrong key, a tampered body, a missing header and an old timestamp are each named', () => {
    const pair = discord.keyPair!.generate();
    const other = discord.keyPair!.generate();
    const headers = signWith(pair.private_key);
    const wrongKey = verify('discord', headers, body, { secret: other.public_key, nowSeconds: NOW });
    expect([wrongKey.verdict, wrongKey.reason]).toEqual(['invalid', 'signature_mismatch']);
    expect(wrongKey.diagnosis.at(-1)?.message).toMatch(/does not verify with the configured public key/);
    expect(verify('discord', headers, body.replace('ping', 'pong'), { secret: pair.public_key, nowSeconds: NOW }).reason).toBe(
      'signature_mismatch',
    );
    const missing = verify('discord', { 'X-Signature-Ed25519': headers['X-Signature-Ed25519']! }, body, {
      secret: pair.public_key,
      nowSeconds: NOW,
    });
    expect([missing.reason, missing.diagnosis[0]?.message]).toEqual(['missing_header', expect.stringContaining('X-Signature-Timestamp')]);
    expect(verify('discord', {}, body, { secret: pair.public_key, nowSeconds: NOW }).reason).toBe('missing_header');
    const expired = verify('discord', headers, body, { secret: pair.public_key, nowSeconds: NOW + 3600 });
    expect([expired.reason, codes(expired)]).toEqual(['timestamp_expired', ['timestamp_expired']]);
  });

  it('a key in the wrong format names the format; a private key given to verify is recognised', () => {
    const pair = discord.keyPair!.generate();
    const headers = signWith(pair.private_key);
    const garbage = verify('discord', headers, body, { secret: 'not-a-key', nowSeconds: NOW });
    expect([garbage.reason, codes(garbage)]).toEqual(['signature_mismatch', ['key_format']]);
    expect(garbage.diagnosis[0]?.message).toMatch(/64-hex-character Ed25519 public key/);
    const privateGiven = verify('discord', headers, body, { secret: pair.private_key, nowSeconds: NOW });
    expect(privateGiven.verdict).toBe('invalid');
    expect(privateGiven.diagnosis.map((item) => item.message).join(' ')).toMatch(
      new RegExp(`private key.*Its public key is ${pair.public_key}.*signature verifies`),
    );
    expect(() => signWith(pair.public_key)).toThrow(/the length of a public key \(signing needs the private one\)/);
    expect(() => signWith(pair.public_key.slice(2))).toThrow(/128-hex-character Ed25519 secret key/);
  });

  it('diagnoses a body re-serialized after signing', () => {
    const pair = discord.keyPair!.generate();
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const headers = signWith(pair.private_key, pretty);
    const result = verify('discord', headers, body, { secret: pair.public_key, nowSeconds: NOW });
    expect(result.reason).toBe('signature_mismatch');
    expect(codes(result)).toEqual(['body_reserialized']);
    expect(result.diagnosis[0]?.message).toMatch(/pretty, 2 spaces/);
  });

  it('names interactions by their type and webhook events by event.type', () => {
    expect(eventTypeOf('discord', [], Buffer.from(body), 'application/json')).toBe('APPLICATION_COMMAND');
    expect(eventTypeOf('discord', [], Buffer.from('{"type":1}'), 'application/json')).toBe('PING');
    expect(
      eventTypeOf('discord', [], Buffer.from('{"version":1,"type":1,"event":{"type":"APPLICATION_AUTHORIZED"}}'), 'application/json'),
    ).toBe('APPLICATION_AUTHORIZED');
  });
});

describe('Discord PING handshake', () => {
  const ping = {
    method: 'POST',
    url: '/discord',
    query: '',
    headers: [
      ['X-Signature-Ed25519', 'ab'],
      ['X-Signature-Timestamp', TS],
    ] as HeaderPair[],
    body: Buffer.from('{"type":1,"application_id":"1","version":1}'),
  };

  it('matches a signed PING only', () => {
    expect(discordPing.matches(ping)).toBe(true);
    expect(discordPing.matches({ ...ping, body: Buffer.from(body) })).toBe(false);
    expect(discordPing.matches({ ...ping, method: 'GET' })).toBe(false);
    expect(discordPing.matches({ ...ping, headers: [] })).toBe(false);
    expect(discordPing.matches({ ...ping, body: Buffer.from('type=1') })).toBe(false);
  });

  it('answers PONG as JSON when the request verifies, 401 when it does not (Discord probes with bad signatures)', () => {
    const context = { secret: 'k', verifyToken: null };
    expect(discordPing.answer(ping, { ...context, verified: true })).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"type":1}',
    });
    const refused = discordPing.answer(ping, { ...context, verified: false });
    expect(refused?.status).toBe(401);
    expect(refused?.body).not.toContain('"type"');
  });

  it("is the discord scheme's handshake", () => {
    expect(discord.handshake).toBe(discordPing);
  });
});

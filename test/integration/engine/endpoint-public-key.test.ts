import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, SchemeDescriptor, SignatureKeyPair, Verification } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/** An endpoint of a key-pair scheme stores a public key: checked on save, named in verdicts. */
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const pairFor = async (scheme: string) =>
  (await t.api<{ data: SignatureKeyPair }>('POST', `/signatures/keypair?scheme=${scheme}`)).body.data;
type ApiError = { error: { code: string; message: string } };

describe('endpoint public keys', () => {
  it('refuses a Discord endpoint whose key is not a public key, naming the format; accepts the public key', async () => {
    const pair = await pairFor('discord');
    const bad = await t.api<ApiError>('POST', '/endpoints', { name: 'd', path: '/d', scheme: 'discord', secret: 'whsec_abc' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('secret: The public key must be a 64-hex-character Ed25519 public key');

    const privateGiven = await t.api<ApiError>('POST', '/endpoints', {
      name: 'd',
      path: '/d',
      scheme: 'discord',
      secret: pair.private_key,
    });
    expect(privateGiven.status).toBe(400);
    expect(privateGiven.body.error.message).toContain(`This is a private key (128 hex characters)`);
    expect(privateGiven.body.error.message).toContain(`Its public key is ${pair.public_key}.`);

    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 'd',
      path: '/d',
      scheme: 'discord',
      secret: pair.public_key,
    });
    expect(created.status).toBe(201);
    // Switching an endpoint with a whsec_ secret to SendGrid without a key in its format is refused too.
    const switched = await t.api<ApiError>('PUT', `/endpoints/${created.body.data.id}`, { scheme: 'sendgrid' });
    expect(switched.status).toBe(400);
    expect(switched.body.error.message).toContain('base64');
    // An empty key is allowed: the endpoint captures, unverifiable until a key is set.
    expect((await t.api('PUT', `/endpoints/${created.body.data.id}`, { scheme: 'sendgrid', secret: '' })).status).toBe(200);
  });

  it('Standard Webhooks takes a whsec_ secret or a whpk_ public key, and refuses a whsk_ private key', async () => {
    const pair = await pairFor('standard-webhooks');
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 's',
      path: '/s',
      scheme: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(created.status).toBe(201);
    expect((await t.api('PUT', `/endpoints/${created.body.data.id}`, { secret: pair.public_key })).status).toBe(200);
    const privateGiven = await t.api<ApiError>('PUT', `/endpoints/${created.body.data.id}`, { secret: pair.private_key });
    expect(privateGiven.status).toBe(400);
    expect(privateGiven.body.error.message).toContain(`This is a private key (whsk_); verifying needs whpk_`);
    expect(privateGiven.body.error.message).toContain(`Its public key is ${pair.public_key}.`);
  });

  it('a verification made with a public key says so (key_algorithm); an HMAC one does not', async () => {
    const pair = await pairFor('discord');
    const body = Buffer.from('{"type":2}');
    const signed = (
      await t.api<{ data: { headers: Record<string, string> } }>('POST', '/signatures/sign', {
        scheme: 'discord',
        secret: pair.private_key,
        body_base64: body.toString('base64'),
      })
    ).body.data;
    const other = await pairFor('discord');
    const verify = (scheme: string, secret: string, headers: Record<string, string>) =>
      t.api<{ data: Verification }>('POST', '/signatures/verify', { scheme, secret, headers, body_base64: body.toString('base64') });
    const mismatch = (await verify('discord', other.public_key, signed.headers)).body.data;
    expect(mismatch.reason).toBe('signature_mismatch');
    expect(mismatch.key_algorithm).toBe('ed25519');
    expect(mismatch.signature.expected).toBeNull();
    const noKey = (await verify('discord', '', signed.headers)).body.data;
    expect(noKey.reason).toBe('no_secret');
    expect(noKey.key_algorithm).toBe('ed25519');
    expect(noKey.diagnosis[0]?.message).toContain('No public key is configured');
    const hmac = (await verify('stripe', 'whsec_x', { 'stripe-signature': 't=1,v1=00' })).body.data;
    expect(hmac.key_algorithm).toBeUndefined();
  });

  it('plain-base64 secrets are described as base64, not whsec_', async () => {
    const schemes = (await t.api<{ data: SchemeDescriptor[] }>('GET', '/schemes')).body.data;
    const format = (id: string) => schemes.find((scheme) => scheme.id === id)?.secret_format;
    expect([format('airtable'), format('microsoft-teams'), format('brex')]).toEqual(['base64', 'base64', 'base64']);
    expect([format('standard-webhooks'), format('svix'), format('stripe')]).toEqual(['whsec_base64', 'whsec_base64', 'text']);
  });
});

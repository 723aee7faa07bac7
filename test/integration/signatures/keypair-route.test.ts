import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyKey } from 'discord-interactions';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { startEngine, type RunningEngine } from '../../../src/main/engine/engine';
import type { RequestDetail, SchemeDescriptor, SignatureKeyPair, SignatureSignResult, Verification } from '../../../src/shared/api';

/** Key-pair schemes through the control API and the receiver of a real engine (real sockets, real SQLite). */

const TOKEN = 'keypair-route-test-token';
let engine: RunningEngine;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hookscope-keypair-'));
  engine = await startEngine({
    dataDir,
    receiverPort: 0,
    uiPort: 0,
    receiverHost: '127.0.0.1',
    rendererDir: 'out/renderer',
    version: 'test',
    token: TOKEN,
  });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Answer<T> = { status: number; json: { data: T; error?: { code: string; message: string } } };
async function api<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${engine.uiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Answer<T>['json'] };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const BODY = '{"type":2,"data":{"name":"hello"}}';
const NOW = Math.floor(Date.now() / 1000);

describe('POST /api/signatures/keypair', () => {
  it("generates pairs in each scheme's formats that the providers' own libraries accept", async () => {
    const discord = await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=discord');
    expect(discord.status).toBe(200);
    expect(discord.json.data).toMatchObject({
      scheme: 'discord',
      algorithm: 'ed25519',
      public_key: expect.stringMatching(/^[0-9a-f]{64}$/),
      private_key: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
    const signed = await api<SignatureSignResult>('POST', '/api/signatures/sign', {
      scheme: 'discord',
      secret: discord.json.data.private_key,
      body_base64: b64(BODY),
      timestamp: NOW,
    });
    expect(signed.status).toBe(200);
    const headers = signed.json.data.headers;
    expect(await verifyKey(BODY, headers['X-Signature-Ed25519']!, headers['X-Signature-Timestamp']!, discord.json.data.public_key)).toBe(
      true,
    );

    const sendgrid = await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=sendgrid');
    expect(sendgrid.json.data.algorithm).toBe('ecdsa-p256');
    const sg = await api<SignatureSignResult>('POST', '/api/signatures/sign', {
      scheme: 'sendgrid',
      secret: sendgrid.json.data.private_key,
      body_base64: b64('[{"event":"delivered"}]\r\n'),
      timestamp: NOW,
    });
    const sdk = new EventWebhook();
    expect(
      sdk.verifySignature(
        sdk.convertPublicKeyToECDSA(sendgrid.json.data.public_key),
        '[{"event":"delivered"}]\r\n',
        sg.json.data.headers['X-Twilio-Email-Event-Webhook-Signature']!,
        sg.json.data.headers['X-Twilio-Email-Event-Webhook-Timestamp']!,
      ),
    ).toBe(true);

    const standard = await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=standard-webhooks');
    expect(standard.json.data.public_key).toMatch(/^whpk_/);
    expect(standard.json.data.private_key).toMatch(/^whsk_/);
  });

  it('400s, naming the field, for a shared-secret scheme, an unknown one, or none', async () => {
    const hmac = await api('POST', '/api/signatures/keypair?scheme=github');
    expect([hmac.status, hmac.json.error?.code]).toEqual([400, 'invalid_request']);
    expect(hmac.json.error?.message).toMatch(
      /query\.scheme: the GitHub .* shared secret, not a key pair; key pairs exist for: standard-webhooks, discord, sendgrid/,
    );
    const unknown = await api('POST', '/api/signatures/keypair?scheme=nope');
    expect([unknown.status, unknown.json.error?.message]).toEqual([
      400,
      expect.stringMatching(/query\.scheme: Unknown signature scheme "nope"/),
    ]);
    expect((await api('POST', '/api/signatures/keypair')).status).toBe(400);
  });

  it('signing with a public key is a 400 naming the private key format', async () => {
    const pair = await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=discord');
    const wrong = await api('POST', '/api/signatures/sign', {
      scheme: 'discord',
      secret: pair.json.data.public_key,
      body_base64: b64(BODY),
      timestamp: NOW,
    });
    expect([wrong.status, wrong.json.error?.code]).toEqual([400, 'invalid_key']);
    expect(wrong.json.error?.message).toMatch(/128-hex-character Ed25519 secret key/);
  });

  it('GET /api/schemes tells shared secrets from key pairs', async () => {
    const { json } = await api<SchemeDescriptor[]>('GET', '/api/schemes');
    const byId = new Map(json.data.map((scheme) => [scheme.id, scheme]));
    expect(byId.get('discord')).toMatchObject({
      key_kind: 'key_pair',
      secret_format: 'key_pair',
      algorithm: 'ed25519',
      encoding: 'hex',
      signed_content: '{timestamp}{body}',
      has_snippets: false,
    });
    expect(byId.get('discord')?.key_pair?.public_key_format).toMatch(/Discord developer portal/);
    expect(byId.get('sendgrid')).toMatchObject({ key_kind: 'key_pair', algorithm: 'ecdsa-p256-sha256', encoding: 'base64' });
    expect(byId.get('standard-webhooks')).toMatchObject({ key_kind: 'shared_secret', key_pair: { algorithm: 'ed25519' } });
    expect(byId.get('github')).toMatchObject({ key_kind: 'shared_secret', key_pair: null });
  });
});

describe('a Discord endpoint on the receiver', () => {
  it('stores captures verified with the public key, and re-verifies them with a wrong key as a mismatch', async () => {
    const pair = (await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=discord')).json.data;
    const created = await api<{ id: string }>('POST', '/api/endpoints', {
      name: 'Discord bot',
      path: '/discord',
      scheme: 'discord',
      secret: pair.public_key,
    });
    expect(created.status).toBe(201);
    const signed = (
      await api<SignatureSignResult>('POST', '/api/signatures/sign', {
        scheme: 'discord',
        secret: pair.private_key,
        body_base64: b64(BODY),
        timestamp: NOW,
      })
    ).json.data;
    const sent = await fetch(`${engine.receiverUrl}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers },
      body: BODY,
    });
    expect(sent.status).toBeLessThan(500);

    let id: number | undefined;
    for (let attempt = 0; attempt < 50 && id === undefined; attempt++) {
      const list = await api<Array<{ id: number; path: string }>>('GET', '/api/requests');
      id = list.json.data.find((summary) => summary.path === '/discord/interactions')?.id;
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stored = (await api<RequestDetail>('GET', `/api/requests/${id}`)).json.data;
    expect(stored.verification).toMatchObject({ scheme: 'discord', verdict: 'valid', reason: 'ok' });
    expect(stored.event).toBe('APPLICATION_COMMAND');

    // The diagnosis tries the keys of the other endpoints (never the capture's own).
    await api('POST', '/api/endpoints', { name: 'Discord prod', path: '/discord-prod', scheme: 'discord', secret: pair.public_key });
    const other = (await api<SignatureKeyPair>('POST', '/api/signatures/keypair?scheme=discord')).json.data;
    const whatIf = await api<Verification>('POST', `/api/requests/${id}/verify`, { secret: other.public_key });
    expect(whatIf.json.data).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
    expect(whatIf.json.data.diagnosis.map((item) => item.message).join(' ')).toMatch(
      /DOES verify with the key of "Discord prod \(\/discord-prod\)"/,
    );
  });
});

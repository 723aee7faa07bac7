import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyKey } from 'discord-interactions';
import type { Endpoint, RequestDetail, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/**
 * Discord's PING on a real receiver: Discord saves an Interactions Endpoint URL only when a signed
 * PING is answered `{"type":1}`, and it also sends PINGs with bad signatures, expecting 401.
 */
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const pair = generateKeyPairSync('ed25519');
const publicHex = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
const PING = '{"type":1,"application_id":"11779934","version":1}';

function signedHeaders(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), pair.privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

async function latest(): Promise<{ summary: RequestSummary; detail: RequestDetail }> {
  const summary = (await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1')).body.data[0] as RequestSummary;
  return { summary, detail: (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary.id}`)).body.data };
}

describe('Discord PING', () => {
  it('a signed PING is answered {"type":1} as JSON and flagged; a badly signed one gets 401; switched off, it is an ordinary capture', async () => {
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 'discord',
      path: '/discord',
      scheme: 'discord',
      secret: publicHex,
    });
    expect(created.status).toBe(201);

    const headers = signedHeaders(PING);
    // The oracle agrees the request is signed before the receiver sees it.
    expect(await verifyKey(PING, headers['x-signature-ed25519']!, headers['x-signature-timestamp']!, publicHex)).toBe(true);
    const ok = await t.send('/discord', { headers, body: PING });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await ok.text()).toBe('{"type":1}');
    const answered = await latest();
    expect(answered.summary.handshake).toBe(true);
    expect(answered.summary.verification.verdict).toBe('valid');

    const forged = await t.send('/discord', { headers: { ...headers, 'x-signature-ed25519': '00'.repeat(64) }, body: PING });
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toContain('"type":1');
    expect((await latest()).summary.verification.verdict).toBe('invalid');

    expect((await t.api('PUT', `/endpoints/${created.body.data.id}`, { answer_handshakes: false })).status).toBe(200);
    const plain = await t.send('/discord', { headers: signedHeaders(PING), body: PING });
    expect(await plain.text()).not.toBe('{"type":1}');
    expect((await latest()).summary.handshake).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, listSnippets, signPayload, verifyCapture, verifySignature } from '../../../src/shared/contract/signatures';
import { TOLERANCE_SECONDS } from '../../../src/shared/contract/custom-scheme';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { latestCaptureId, refusal } from '../../helpers/typed-client';

// The Signature Lab's operations through the typed client: inputs and answers typed from the contract.
let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body_base64 = Buffer.from('{"type":"ping"}').toString('base64');
describe('signature operations through the typed client', () => {
  it('signs, then verifies what it signed; a tolerance past the limit is refused', async () => {
    const signed = await t.client.data(signPayload, {
      body: { scheme: 'standard-webhooks', secret: SECRET, body_base64, timestamp: 1_700_000_000 },
    });
    expect(Object.keys(signed.headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    const input = { scheme: 'standard-webhooks', secret: SECRET, headers: signed.headers, body_base64, now: 1_700_000_000 };
    expect((await t.client.data(verifySignature, { body: input })).verdict).toBe('valid');
    const tooTolerant = await refusal(
      t.client.data(verifySignature, { body: { ...input, tolerance_seconds: TOLERANCE_SECONDS.maximum + 1 } }),
    );
    expect(tooTolerant).toMatchObject({ status: 400, message: 'body.tolerance_seconds must be <= 31536000.' });
  });

  it('re-verifies a stored capture with overrides, and with none', async () => {
    await t.send('/hooks/lab', { body: '{}' });
    const captureId = await latestCaptureId(t);
    const params = { id: String(captureId) };
    const verification = await t.client.data(verifyCapture, { params, body: { scheme: 'github', secret: 'x' } });
    expect(verification).toMatchObject({ scheme: 'github', verdict: 'invalid', reason: 'missing_header' });
    expect((await t.api('POST', `/requests/${captureId}/verify`)).status).toBe(200);
  });

  it('generates key pairs and lists snippets by scheme', async () => {
    const pair = await t.client.data(generateKeyPair, { query: { scheme: 'discord' } });
    expect(pair).toMatchObject({ scheme: 'discord', algorithm: 'ed25519' });
    const snippets = await t.client.data(listSnippets, { query: { scheme: 'stripe' } });
    expect(snippets.map((snippet) => snippet.language)).toEqual(['javascript', 'python', 'go', 'java']);
    const missing = await refusal(t.client.data(listSnippets, { query: { scheme: '' } }));
    expect(missing?.message).toBe('querystring.scheme must NOT have fewer than 1 characters.');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, RequestDetail, RequestSummary } from '../../../../src/shared/api';
import { startRendererHarness, until, type RendererHarness, type Store } from '../../../helpers/renderer-store';

// The Signature Lab (lab-slice) against a real engine: verify as you type, sign and apply, what-if
// on a stored capture, key pairs, snippets, and the sequence guard on verifications.

let h: RendererHarness;
beforeAll(async () => {
  h = await startRendererHarness();
});
afterAll(() => h.close());
beforeEach(() => h.setUnreachable(false));

const VERIFY = /^\/api\/signatures\/verify$/;

/** A Lab from scratch whose inputs carry a valid dcisionai signature made by the engine. */
async function signedLab(): Promise<Store> {
  const store = h.newStore();
  await store.getState().loadSchemes();
  store.getState().startLabFromScratch();
  store.getState().updateLabInputs({ secret: 'whsec_lab' });
  await store.getState().computeLabSignature(null);
  expect(store.getState().labSignError).toBeNull();
  store.getState().applyLabSignedHeaders();
  await until(store, (state) => expect(state.labResult?.verdict).toBe('valid'));
  return store;
}

describe('verify', () => {
  it('signing with the engine and applying the headers verifies as valid; another secret does not', async () => {
    const store = await signedLab();
    expect(store.getState()).toMatchObject({ labVerifyStatus: 'done', labVerifyError: null, labMode: 'edit' });
    store.getState().updateLabInputs({ secret: 'whsec_other' });
    await until(store, (state) => expect(state.labResult?.verdict).toBe('invalid'));
  });

  it('an older verification answered after a newer one is dropped', async () => {
    const store = await signedLab();
    const slow = h.hold('POST', VERIFY);
    store.getState().reverifyLab(); // verifies the signed inputs: valid
    await slow.arrived;
    store.getState().updateLabInputs({ secret: 'whsec_other' }); // newer: invalid
    await until(store, (state) => expect(state.labResult?.verdict).toBe('invalid'));
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState()).toMatchObject({ labVerifyStatus: 'done', labResult: { verdict: 'invalid' } });
  });

  it('inputs that cannot be sent are an error said here; an unreachable engine is an error with the reason', async () => {
    const store = await signedLab();
    const before = h.requests.length;
    store.getState().updateLabInputs({ tolerance: 'soon' });
    await until(store, (state) => expect(state.labVerifyStatus).toBe('error'));
    expect(store.getState().labVerifyError).toMatch(/whole number/);
    expect(h.requests.length).toBe(before);

    store.getState().updateLabInputs({ tolerance: '' });
    h.setUnreachable(true);
    await until(store, (state) => expect(state.labVerifyError).toBe('Engine unreachable'));
    expect(store.getState().labVerifyStatus).toBe('error');
  });
});

describe('what-if on a stored capture', () => {
  it('opens the Lab on the capture and re-verifies it as stored, beside the stored verdict', async () => {
    expect((await h.t.send('/webhooks/lab', { body: '{"lab":true}', headers: { 'content-type': 'application/json' } })).status).toBe(200);
    const id = (await h.t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1')).body.data[0]!.id;
    const detail = (await h.t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
    const store = h.newStore();
    await Promise.all([store.getState().loadSchemes(), store.getState().loadEndpoints()]);
    store.getState().openInLab(detail, detail.body_base64!);
    expect(store.getState()).toMatchObject({ page: 'signature-lab', labMode: 'what-if', labStored: detail.verification });
    await until(store, (state) => expect(state.labVerifyStatus).toBe('done'));
    expect(store.getState().labResult).toMatchObject({ verdict: detail.verification.verdict, reason: detail.verification.reason });
  });
});

describe('key pairs and snippets', () => {
  it('a key pair sets the private key and the public one as the secret; one for a scheme left meanwhile is dropped', async () => {
    const store = h.newStore();
    store.getState().updateLabInputs({ scheme: 'discord' });
    await store.getState().generateLabKeyPair();
    expect(store.getState().labPrivateKey).not.toBe('');
    expect(store.getState().labInputs.secret).not.toBe('');

    store.getState().updateLabInputs({ scheme: 'sendgrid' });
    expect(store.getState().labPrivateKey).toBe(''); // a key belongs to its scheme
    const slow = h.hold('POST', /^\/api\/signatures\/keypair$/);
    const generating = store.getState().generateLabKeyPair();
    await slow.arrived;
    store.getState().updateLabInputs({ scheme: 'discord', secret: 'typed' });
    slow.release();
    await generating;
    expect(store.getState()).toMatchObject({ labPrivateKey: '', labInputs: { scheme: 'discord', secret: 'typed' } });
  });

  it('snippets load once per scheme; an unknown scheme keeps the engine’s message', async () => {
    const store = h.newStore();
    await store.getState().loadLabSnippets('dcisionai');
    await store.getState().loadLabSnippets('dcisionai');
    expect(h.requests.filter((request) => request.url.pathname === '/api/snippets')).toHaveLength(1);
    expect(Array.isArray(store.getState().labSnippets.dcisionai)).toBe(true);
    const refused = await h.t.api<ApiError>('GET', '/snippets?scheme=nope');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await store.getState().loadLabSnippets('nope');
    expect(store.getState().labSnippets.nope).toEqual({ error: refused.body.error.message });
  });
});

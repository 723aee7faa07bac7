import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

type ErrorBody = { error: { code: string; message: string } };

async function latestDetail(): Promise<RequestDetail> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

describe('endpoints with a custom scheme', () => {
  const custom = {
    signature_header: 'X-Acme-Signature',
    signature_prefix: 'sha512=',
    timestamp_header: 'X-Acme-Time',
    signed_content: '{timestamp}:{body}',
    algorithm: 'sha512',
    encoding: 'base64',
  };

  it("verifies captures with the endpoint's own scheme configuration", async () => {
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 'Acme',
      path: '/acme',
      scheme: 'custom',
      custom,
      secret: 'acme-secret',
    });
    expect(created.status).toBe(201);
    expect(created.body.data.custom).toMatchObject(custom);

    const body = '{"order":42}';
    const now = String(Math.floor(Date.now() / 1000));
    const mac = createHmac('sha512', 'acme-secret').update(`${now}:${body}`).digest('base64');
    await t.send('/acme/orders', { headers: { 'X-Acme-Time': now, 'X-Acme-Signature': `sha512=${mac}` }, body });
    expect((await latestDetail()).verification).toMatchObject({ scheme: 'custom', verdict: 'valid', reason: 'ok' });

    await t.send('/acme/orders', { headers: { 'X-Acme-Time': now, 'X-Acme-Signature': `sha512=${mac}` }, body: `${body} ` });
    expect((await latestDetail()).verification).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
  });

  it('re-verifies stored captures when the custom configuration changes', async () => {
    const endpoint = (
      await t.api<{ data: Endpoint }>('POST', '/endpoints', {
        path: '/acme2',
        scheme: 'custom',
        custom: { signature_header: 'X-Sig' },
        secret: 's',
      })
    ).body.data;
    const body = 'plain body';
    await t.send('/acme2', { headers: { 'X-Sig': createHmac('sha256', 's').update(body).digest('base64') }, body });
    const first = await latestDetail();
    expect(first.verification.verdict).toBe('invalid');
    const updated = await t.api('PUT', `/endpoints/${endpoint.id}`, { custom: { signature_header: 'X-Sig', encoding: 'base64' } });
    expect(updated.status).toBe(200);
    const after = await t.api<{ data: RequestDetail }>('GET', `/requests/${first.id}`);
    expect(after.body.data.verification.verdict).toBe('valid');
  });

  it('rejects a custom scheme without or with a broken configuration, naming the field', async () => {
    const missing = await t.api<ErrorBody>('POST', '/endpoints', { path: '/c1', scheme: 'custom' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/needs its configuration/);
    const broken = await t.api<ErrorBody>('POST', '/endpoints', {
      path: '/c2',
      scheme: 'custom',
      custom: { signature_header: 'X', signed_content: '{nonce}.{body}' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/custom\.signed_content has an unknown placeholder \{nonce\}/);
    const badAlgorithm = await t.api<ErrorBody>('POST', '/endpoints', {
      path: '/c3',
      scheme: 'custom',
      custom: { signature_header: 'X', algorithm: 'md5' },
    });
    expect(badAlgorithm.status).toBe(400);
    expect(badAlgorithm.body.error.message).toMatch(/custom\.algorithm/);
  });
});

describe('the other-endpoints hint on a mismatch', () => {
  it('names the endpoint whose secret the sender actually used', async () => {
    await t.api('POST', '/endpoints', { name: 'Production', path: '/prod', secret: 'prod-secret' });
    await t.api('POST', '/endpoints', { name: 'Staging', path: '/staging', secret: 'staging-secret' });
    const body = '{"event":"project.created","data":{}}';
    await t.send('/staging/hook', { headers: { 'content-type': 'application/json', ...signDcisionAI('prod-secret', body) }, body });
    const detail = await latestDetail();
    expect(detail.verification.reason).toBe('signature_mismatch');
    const mismatch = detail.verification.diagnosis.find((item) => item.code === 'signature_mismatch');
    expect(mismatch?.message).toMatch(/DOES match the secret of "Production \(\/prod\)"/);
    expect(mismatch?.message).not.toMatch(/no common mistake explains it/);
  });
});

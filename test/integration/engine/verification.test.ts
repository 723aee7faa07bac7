import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type RequestDetail, type RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

const SECRET = 'webhook_secret_1234567890';
const BODY = '{"event":"project.created","data":{"id":"proj_1","name":"My Project"}}';
let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine();
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'DcisionAI', path: '/webhooks/dcisionai', secret: SECRET });
  expect(created.status).toBe(201);
});
afterAll(() => t.stop());

async function sendAndFetch(
  headers: Record<string, string>,
  body = BODY,
  path = '/webhooks/dcisionai',
): Promise<{ status: number; reply: unknown; detail: RequestDetail }> {
  const response = await t.send(path, { headers: { 'content-type': 'application/json', ...headers }, body });
  const reply = await response.json();
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  const detail = await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`);
  return { status: response.status, reply, detail: detail.body.data };
}

describe('DcisionAI verification on capture', () => {
  it('valid: correct secret over the raw bytes', async () => {
    const { detail } = await sendAndFetch(signDcisionAI(SECRET, BODY));
    expect(detail.verification.verdict).toBe('valid');
    expect(detail.verification.reason).toBe('ok');
    expect(detail.verification.signature.expected).toBe(detail.verification.signature.received);
    expect(detail.event).toBe('project.created');
    const signed = Buffer.from(detail.verification.signed_content_base64 ?? '', 'base64').toString();
    expect(signed).toBe(`${detail.verification.timestamp.value}.${BODY}`);
  });

  it('signature_mismatch: another secret', async () => {
    const { detail } = await sendAndFetch(signDcisionAI('other-secret', BODY));
    expect(detail.verification.verdict).toBe('invalid');
    expect(detail.verification.reason).toBe('signature_mismatch');
  });

  it("signature_mismatch: the guide's bug of signing re-serialized JSON", async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const { detail } = await sendAndFetch(signDcisionAI(SECRET, JSON.stringify(JSON.parse(pretty))), pretty);
    expect(detail.verification.reason).toBe('signature_mismatch');
  });

  it('missing_header', async () => {
    const { detail } = await sendAndFetch({});
    expect(detail.verification).toMatchObject({ verdict: 'invalid', reason: 'missing_header' });
    const onlySignature = signDcisionAI(SECRET, BODY);
    const { detail: second } = await sendAndFetch({ 'X-DcisionAI-Signature': onlySignature['X-DcisionAI-Signature'] as string });
    expect(second.verification.reason).toBe('missing_header');
    expect(second.verification.diagnosis[0]?.message).toMatch(/X-DcisionAI-Timestamp/);
  });

  it('malformed_header: a signature that is not 64 hex characters', async () => {
    const headers = signDcisionAI(SECRET, BODY);
    const { detail } = await sendAndFetch({ ...headers, 'X-DcisionAI-Signature': 'sha256=abc' });
    expect(detail.verification.reason).toBe('malformed_header');
  });

  it('timestamp_malformed', async () => {
    const { detail } = await sendAndFetch({ ...signDcisionAI(SECRET, BODY), 'X-DcisionAI-Timestamp': '2023-01-01T00:00:00Z' });
    expect(detail.verification.reason).toBe('timestamp_malformed');
  });

  it('timestamp_expired and timestamp_future, both directions of the 300 s tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await sendAndFetch(signDcisionAI(SECRET, BODY, now - 301 - 2));
    expect(old.detail.verification).toMatchObject({ verdict: 'invalid', reason: 'timestamp_expired' });
    expect(old.detail.verification.timestamp.age_seconds).toBeGreaterThan(300);
    const future = await sendAndFetch(signDcisionAI(SECRET, BODY, now + 400));
    expect(future.detail.verification).toMatchObject({ verdict: 'invalid', reason: 'timestamp_future' });
    const edge = await sendAndFetch(signDcisionAI(SECRET, BODY, now - 290));
    expect(edge.detail.verification.verdict).toBe('valid');
  });

  it('no_secret: unverifiable on an endpoint without a secret', async () => {
    // A fresh data directory's catch-all has a generated secret: take it away.
    expect((await t.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' })).status).toBe(200);
    const { detail } = await sendAndFetch(signDcisionAI(SECRET, BODY), BODY, '/elsewhere');
    expect(detail.endpoint_id).toBe(CATCH_ALL_ENDPOINT_ID);
    expect(detail.verification).toMatchObject({ verdict: 'unverifiable', reason: 'no_secret' });
  });
});

describe('enforce', () => {
  it("answers 401 with the guide's bodies only when enforce is on", async () => {
    const list = await t.api<{ data: Endpoint[] }>('GET', '/endpoints');
    const endpoint = list.body.data.find((e) => e.path === '/webhooks/dcisionai') as Endpoint;
    const off = await sendAndFetch(signDcisionAI('wrong', BODY));
    expect(off.status).toBe(200);
    expect(off.reply).toEqual({ received: true });

    await t.api('PUT', `/endpoints/${endpoint.id}`, { enforce: true });
    const badSignature = await sendAndFetch(signDcisionAI('wrong', BODY));
    expect(badSignature.status).toBe(401);
    expect(badSignature.reply).toEqual({ error: 'Invalid signature' });
    expect(badSignature.detail.response.status).toBe(401);

    const badTime = await sendAndFetch(signDcisionAI(SECRET, BODY, Math.floor(Date.now() / 1000) - 1000));
    expect(badTime.status).toBe(401);
    expect(badTime.reply).toEqual({ error: 'Invalid timestamp' });

    const good = await sendAndFetch(signDcisionAI(SECRET, BODY));
    expect(good.status).toBe(200);
    await t.api('PUT', `/endpoints/${endpoint.id}`, { enforce: false });
  });

  it('answers with the configured response, headers and delay', async () => {
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
      name: 'Slow',
      path: '/slow',
      response: { status: 202, headers: { 'x-test': 'yes', 'content-type': 'text/plain' }, body: 'queued', delay_ms: 150 },
    });
    expect(created.status).toBe(201);
    const started = performance.now();
    const response = await t.send('/slow/deeper', { body: 'x' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(202);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('queued');
  });
});

describe('changing the secret re-verifies stored requests', () => {
  it("flips the verdicts of the endpoint's captures, judged at their arrival time", async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Flip', path: '/flip', secret: 'first' })).body.data;
    const { detail } = await sendAndFetch(signDcisionAI('second', BODY), BODY, '/flip');
    expect(detail.verification.verdict).toBe('invalid');
    const updated = await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'second' });
    expect(updated.status).toBe(200);
    const after = await t.api<{ data: RequestDetail }>('GET', `/requests/${detail.id}`);
    expect(after.body.data.verification.verdict).toBe('valid');
    const summaries = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=5');
    expect(summaries.body.data.find((s) => s.id === detail.id)?.verification.verdict).toBe('valid');
  });
});

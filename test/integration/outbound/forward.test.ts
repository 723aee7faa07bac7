import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestPage } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { header, startHttpSink, type HttpSink } from '../../helpers/http-sink';
import { rawRequest } from '../../helpers/raw-http';

const SECRET = 'forward_secret';
let t: TestEngine;
let target: HttpSink;

beforeAll(async () => {
  t = await startTestEngine();
  target = await startHttpSink((request, res) => {
    // Duplicate Set-Cookie and odd header case must reach the sender as the target wrote them.
    res.writeHead(201, [
      ['X-Target', 'yes'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Type', 'text/plain'],
    ] as unknown as Record<string, string>);
    res.end(`got ${request.method} ${request.url}`);
  });
});
afterAll(async () => {
  await t.stop();
  await target.close();
});

async function createEndpoint(input: Record<string, unknown>): Promise<Endpoint> {
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', input);
  expect(created.status).toBe(201);
  return created.body.data;
}

async function latest(): Promise<RequestDetail> {
  const list = await t.api<RequestPage>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

describe('forwarding (endpoint forward_to)', () => {
  it("keeps the path suffix, query and body bytes; the sender gets the target's answer", async () => {
    const endpoint = await createEndpoint({ path: '/fw', secret: SECRET, forward_to: `${target.url}/api/webhooks/` });
    expect(endpoint.forward_to).toBe(`${target.url}/api/webhooks/`);
    const body = Buffer.from('{"event":"model.trained","data":{"id":"model_1"}}\r\n\u00e9', 'utf8');
    const signed = signDcisionAI(SECRET, body);
    const port = new URL(t.engine.receiverUrl).port;
    const head = [
      'PATCH /fw/a/b%20c?x=1&y=%2F HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      `X-DcisionAI-Timestamp: ${signed['X-DcisionAI-Timestamp']}`,
      `X-DcisionAI-Signature: ${signed['X-DcisionAI-Signature']}`,
      'Keep-Alive: timeout=5',
      'Proxy-Authorization: Basic abc',
      'X-Hop: listed',
      `Content-Length: ${body.length}`,
      'Connection: close, X-Hop',
    ].join('\n');
    const reply = await rawRequest(t.engine.receiverUrl, head, body);

    const seen = target.last();
    expect(seen.method).toBe('PATCH');
    expect(seen.url).toBe('/api/webhooks/a/b%20c?x=1&y=%2F');
    expect(seen.body.equals(body)).toBe(true);
    expect(header(seen.headers, 'host')).toBe(new URL(target.url).host);
    for (const dropped of ['keep-alive', 'proxy-authorization', 'x-hop']) expect(header(seen.headers, dropped)).toBeUndefined();
    // The signature still verifies at the target: same bytes, same headers.
    const timestamp = Number(header(seen.headers, 'x-dcisionai-timestamp'));
    expect(header(seen.headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, seen.body, timestamp)['X-DcisionAI-Signature']);

    expect(reply.status).toBe(201);
    expect(reply.body.toString()).toBe('got PATCH /api/webhooks/a/b%20c?x=1&y=%2F');
    expect(reply.head).toContain('X-Target: yes');
    expect(reply.head).toContain('Set-Cookie: a=1\r\nSet-Cookie: b=2');

    // Committed before the answer: the capture is readable right away, with both sides.
    const capture = await latest();
    expect(capture.path).toBe('/fw/a/b%20c');
    expect(capture.verification.verdict).toBe('valid');
    expect(capture.response.status).toBe(201);
    expect(capture.response.body).toBe('got PATCH /api/webhooks/a/b%20c?x=1&y=%2F');
    expect(capture.response.headers['set-cookie']).toBe('a=1, b=2');
    expect(capture.forward).toMatchObject({ url: `${target.url}/api/webhooks/a/b%20c?x=1&y=%2F`, status: 201, error: null });
    expect(capture.forward?.duration_ms).toBeGreaterThan(0);
  });

  it("forwards the prefix itself to forward_to's own path", async () => {
    await createEndpoint({ path: '/exact', forward_to: `${target.url}/in?token=abc` });
    const response = await t.send('/exact?from=sender', { body: 'x' });
    expect(response.status).toBe(201);
    expect(target.last().url).toBe('/in?token=abc&from=sender');
  });

  it('answers 502 with the reason when the target is unreachable, and stores it', async () => {
    await createEndpoint({ path: '/down', forward_to: 'http://127.0.0.1:1/hooks' });
    const response = await t.send('/down/x', { body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(502);
    const reason = (await response.json()) as { error: string; code: string; message: string; target: string };
    expect(reason).toMatchObject({ error: 'forward_failed', code: 'connection_refused', target: 'http://127.0.0.1:1/hooks/x' });
    expect(reason.message).toMatch(/nothing is listening/);
    const capture = await latest();
    expect(capture.response.status).toBe(502);
    expect(capture.forward).toMatchObject({ status: null, error: { code: 'connection_refused' } });
  });

  it("gives up on a slow target after the endpoint's own timeout, with a 502 saying so", async () => {
    // A target that answers only after 2 s: well past this endpoint's 300 ms.
    const slow = await startHttpSink((_request, res) => {
      setTimeout(() => res.end('late'), 2000);
    });
    try {
      const endpoint = await createEndpoint({ path: '/slow', forward_to: slow.url, forward_timeout_ms: 300 });
      expect(endpoint.forward_timeout_ms).toBe(300);
      const started = performance.now();
      const response = await t.send('/slow/x', { body: '{}' });
      const waited = performance.now() - started;
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({
        error: 'forward_failed',
        code: 'timeout',
        message: expect.stringContaining('within 300 ms'),
      });
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(1900);
      expect((await latest()).forward).toMatchObject({ status: null, error: { code: 'timeout' } });

      // Raised, the same target's answer gets through.
      expect((await t.api('PUT', `/endpoints/${endpoint.id}`, { forward_timeout_ms: 5000 })).status).toBe(200);
      const patient = await t.send('/slow/y', { body: '{}' });
      expect(patient.status).toBe(200);
      expect(await patient.text()).toBe('late');
    } finally {
      await slow.close();
    }
  });

  it('defaults the forwarding timeout to 30 s and names a bad one', async () => {
    const endpoint = await createEndpoint({ path: '/default-timeout' });
    expect(endpoint.forward_timeout_ms).toBe(30000);
    for (const bad of [0, 300001, 1.5, '1000']) {
      const result = await t.api<{ error: { code: string; message: string } }>('PUT', `/endpoints/${endpoint.id}`, {
        forward_timeout_ms: bad,
      });
      expect(result.status).toBe(400);
      expect(result.body.error.message).toMatch(/forward_timeout_ms/);
    }
  });

  it('does not forward what the endpoint itself rejects (enforced signature)', async () => {
    const before = target.seen.length;
    await createEndpoint({ path: '/strict', secret: SECRET, enforce: true, forward_to: target.url });
    const response = await t.send('/strict', { body: '{}', headers: signDcisionAI('wrong-secret', '{}') });
    expect(response.status).toBe(401);
    expect(target.seen.length).toBe(before);
    expect((await latest()).forward).toBeNull();
  });

  it('validates forward_to, names the field, and can clear it', async () => {
    const endpoint = await createEndpoint({ path: '/later' });
    expect(endpoint.forward_to).toBeNull();
    const cases: Array<[unknown, RegExp]> = [
      ['ftp://example.com/x', /forward_to must use http/],
      ['localhost:3000', /forward_to must use http/],
      ['not a url', /forward_to must be an absolute/],
      [t.engine.receiverUrl.replace('127.0.0.1', 'localhost') + '/x', /forward_to points at Hookscope's own receiver/],
      [42, /body\.forward_to must be string/],
    ];
    for (const [value, message] of cases) {
      const result = await t.api<{ error: { message: string } }>('PUT', `/endpoints/${endpoint.id}`, { forward_to: value });
      expect(result.status, String(value)).toBe(400);
      expect(result.body.error.message).toMatch(message);
    }
    const set = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${endpoint.id}`, { forward_to: 'http://localhost:3000/webhooks' });
    expect(set.body.data.forward_to).toBe('http://localhost:3000/webhooks');
    const cleared = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${endpoint.id}`, { forward_to: null });
    expect(cleared.body.data.forward_to).toBeNull();
    const untouched = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${endpoint.id}`, { name: 'Renamed' });
    expect(untouched.body.data.forward_to).toBeNull();
  });
});

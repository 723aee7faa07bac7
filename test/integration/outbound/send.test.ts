import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent, SentPage, SentRequest } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { header, startHttpSink, type HttpSink } from '../../helpers/http-sink';

const SECRET = 'webhook_secret_1234567890';
let t: TestEngine;
let sink: HttpSink;

beforeAll(async () => {
  t = await startTestEngine();
  sink = await startHttpSink((request, res) => {
    if (request.url === '/teapot') {
      res.writeHead(418, { 'X-Reply': 'short', 'Content-Type': 'text/plain' });
      return res.end('I am a teapot\n');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"received": true}');
  });
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const send = (body: unknown) => t.api<{ data: SentRequest }>('POST', '/send', body);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('POST /api/send', () => {
  it('sends the exact body, signed so that an independent signer agrees', async () => {
    const body = '{"event":"model.trained","data":{"id":"model_1"}}\n';
    const result = await send({
      url: `${sink.url}/hooks?x=1`,
      body,
      headers: [
        ['X-Custom', 'a'],
        ['content-type', 'application/json'],
      ],
      sign: { scheme: 'dcisionai', secret: SECRET },
    });
    expect(result.status).toBe(200);
    const sent = result.body.data;
    const seen = sink.last();
    expect(seen.body.toString('utf8')).toBe(body);
    expect(seen.url).toBe('/hooks?x=1');
    expect(seen.method).toBe('POST');
    const timestamp = Number(header(seen.headers, 'x-dcisionai-timestamp'));
    expect(Math.abs(timestamp - nowSeconds())).toBeLessThanOrEqual(2);
    // The guide's rule, computed by the test's own signer over the bytes the sink received.
    expect(header(seen.headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, seen.body, timestamp)['X-DcisionAI-Signature']);
    // The record is the wire: same header pairs in the same order and case, same bytes.
    expect(sent.request.headers).toEqual(seen.headers);
    expect(Buffer.from(sent.request.body_base64, 'base64').equals(seen.body)).toBe(true);
    expect(sent.response?.status).toBe(200);
    expect(Buffer.from(sent.response?.body_base64 ?? '', 'base64').toString()).toBe('{"received": true}');
    expect(sent.error).toBeNull();
    expect(sent.signature).toEqual({ scheme: 'dcisionai', timestamp });
    expect(sent.source).toBe('send');
    expect(sent.event).toBe('model.trained');
    expect(sent.duration_ms).toBeGreaterThan(0);
  });

  it('builds the body from event + data as JSON.stringify({event, data}), or from the template', async () => {
    const data = { id: 'proj_1', name: 'Ünïcode', created_at: '2023-01-01T00:00:00Z', updated_at: '2023-01-01T00:00:00Z' };
    const result = await send({ url: sink.url, event: 'project.created', data });
    expect(sink.last().body.toString('utf8')).toBe(JSON.stringify({ event: 'project.created', data }));
    expect(header(sink.last().headers, 'content-type')).toBe('application/json');
    expect(header(sink.last().headers, 'user-agent')).toBe('Hookscope/test');
    expect(result.body.data.signature).toBeNull();

    await send({ url: sink.url, event: 'model.trained' });
    const templated = JSON.parse(sink.last().body.toString('utf8')) as { event: string; data: { id: string; metrics: object } };
    expect(templated.event).toBe('model.trained');
    expect(templated.data.id).toMatch(/^model_\d+$/);
    expect(templated.data.metrics).toMatchObject({ accuracy: 0.95 });
  });

  it('sends binary bytes from body_base64 unchanged, with any method', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a, 0x80]);
    const result = await send({
      url: `${sink.url}/bin`,
      method: 'PUT',
      body_base64: bytes.toString('base64'),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(result.body.data.error).toBeNull();
    expect(sink.last().method).toBe('PUT');
    expect(sink.last().body.equals(bytes)).toBe(true);
  });

  it('signs with a fixed timestamp or an offset from now', async () => {
    await send({ url: sink.url, body: 'x', sign: { scheme: 'dcisionai', secret: SECRET, timestamp: 1700000000 } });
    expect(header(sink.last().headers, 'x-dcisionai-timestamp')).toBe('1700000000');
    expect(header(sink.last().headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, 'x', 1700000000)['X-DcisionAI-Signature']);

    await send({ url: sink.url, body: 'x', sign: { scheme: 'dcisionai', secret: SECRET, timestamp_offset_seconds: -600 } });
    const offset = Number(header(sink.last().headers, 'x-dcisionai-timestamp'));
    expect(Math.abs(offset - (nowSeconds() - 600))).toBeLessThanOrEqual(2);
  });

  it('signs with other schemes (Standard Webhooks), replacing same-named headers', async () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const result = await send({
      url: sink.url,
      body: '{"a":1}',
      headers: [['webhook-signature', 'stale']],
      sign: { scheme: 'standard-webhooks', secret, id: 'msg_1' },
    });
    expect(result.status).toBe(200);
    const signatures = sink.last().headers.filter(([name]) => name.toLowerCase() === 'webhook-signature');
    expect(signatures).toHaveLength(1);
    expect(signatures[0]?.[1]).toMatch(/^v1,/);
    expect(header(sink.last().headers, 'webhook-id')).toBe('msg_1');
  });

  it('returns the response as received, with non-2xx status and headers', async () => {
    const result = await send({ url: `${sink.url}/teapot`, body: 'hi' });
    const response = result.body.data.response;
    expect(response?.status).toBe(418);
    expect(response?.headers).toContainEqual(['X-Reply', 'short']);
    expect(Buffer.from(response?.body_base64 ?? '', 'base64').toString()).toBe('I am a teapot\n');
  });

  it('classifies failures (refused, timeout, DNS) and stores them too', async () => {
    const refused = await send({ url: 'http://127.0.0.1:1/x', body: 'x' });
    expect(refused.status).toBe(200);
    expect(refused.body.data.response).toBeNull();
    expect(refused.body.data.error?.code).toBe('connection_refused');
    expect(refused.body.data.error?.message).toMatch(/nothing is listening/);

    const hang = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const timeout = await send({ url: `http://127.0.0.1:${(hang.address() as AddressInfo).port}/`, body: 'x', timeout_ms: 150 });
    hang.closeAllConnections();
    hang.close();
    expect(timeout.body.data.error?.code).toBe('timeout');
    expect(timeout.body.data.error?.message).toMatch(/150 ms/);

    const dns = await send({ url: 'http://no-such-host.invalid/x', body: 'x', timeout_ms: 5000 });
    expect(dns.body.data.error?.code).toBe('dns');

    const stored = await t.api<{ data: SentRequest }>('GET', `/sent/${refused.body.data.id}`);
    expect(stored.body.data.error?.code).toBe('connection_refused');
  });

  it('rejects bad input with an error that names the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ body: 'x' }, /body is missing the required field "url"/],
      [{ url: 'ftp://example.com/x' }, /body\.url must use http/],
      [{ url: 'not a url' }, /body\.url must be an absolute/],
      [{ url: sink.url, body: 'x', body_base64: 'eA==' }, /only one of body, body_base64/],
      [{ url: sink.url, body_base64: '***' }, /body\.body_base64 is not valid base64/],
      [{ url: sink.url, data: {} }, /body\.data needs body\.event/],
      [{ url: sink.url, event: 'no.such' }, /body\.event "no\.such" is not in the catalog/],
      [{ url: sink.url, sign: { scheme: 'nope', secret: 's' } }, /body\.sign\.scheme "nope" is not supported/],
      [{ url: sink.url, sign: { scheme: 'dcisionai' } }, /body\.sign is missing the required field "secret"/],
      [
        { url: sink.url, sign: { scheme: 'dcisionai', secret: 's', timestamp: 1, timestamp_offset_seconds: 1 } },
        /both "timestamp" and "timestamp_offset_seconds"/,
      ],
      [{ url: sink.url, timeout_ms: 0 }, /body\.timeout_ms must be >= 1/],
      [{ url: sink.url, headers: [['Bad Name', 'x']] }, /body\.headers\[0\] has an invalid header name/],
      [{ url: sink.url, headers: { 'X-A': 'line\r\nbreak' } }, /body\.headers\[0\] \("X-A"\) must not contain line breaks/],
      [{ url: sink.url, headers: 'x' }, /body\.headers must be a list of \[name, value\] pairs/],
      [{ url: sink.url, method: 'GE T' }, /body\.method must match/],
      [{ url: sink.url, extra: 1 }, /unknown field "extra"/],
    ];
    for (const [body, message] of cases) {
      const result = await t.api<{ error: { code: string; message: string } }>('POST', '/send', body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
      expect(result.body.error.message, JSON.stringify(body)).toMatch(message);
    }
  });
});

describe('Sent history', () => {
  it('lists newest first without bodies, pages, resends with a fresh signature, announces live', async () => {
    const first = await send({ url: sink.url, body: 'one', sign: { scheme: 'dcisionai', secret: SECRET, timestamp_offset_seconds: -100 } });
    const second = await send({ url: `${sink.url}/teapot`, body: 'two' });
    const page = await t.api<SentPage>('GET', '/sent?limit=1');
    expect(page.body.data).toHaveLength(1);
    expect(page.body.data[0]).toMatchObject({ id: second.body.data.id, status: 418, method: 'POST', body_size: 3, source: 'send' });
    expect(page.body.data[0]).not.toHaveProperty('request');
    const next = await t.api<SentPage>('GET', `/sent?limit=1&before=${page.body.next_before}`);
    expect(next.body.data[0]?.id).toBe(first.body.data.id);

    const events: LiveEvent[] = [];
    const stream = await fetch(`${t.engine.uiUrl}/api/stream`, { headers: { authorization: `Bearer ${t.engine.token}` } });
    const reader = stream.body?.getReader();
    let onConnected: () => void = () => undefined;
    // The server subscribes in the same tick it writes ': connected', so once that comment has
    // arrived no later event can be missed (no guessed sleep).
    const connected = new Promise<void>((resolve) => {
      onConnected = resolve;
    });
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      while (reader) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value);
        for (const line of buffered.split('\n')) {
          if (line === ': connected') onConnected();
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent);
        }
        buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
        if (events.some((event) => event.type === 'sent')) return;
      }
    })();
    await Promise.race([connected, reading.then(() => Promise.reject(new Error('the live stream ended before ": connected"')))]);

    // The original was signed at (its second) - 100. Wait for the clock to pass that second (at
    // most 1 s, polled, rather than a fixed sleep), so a fresh timestamp must be a larger one.
    const firstTimestamp = first.body.data.signature?.timestamp ?? Infinity;
    while (nowSeconds() - 100 <= firstTimestamp) await new Promise((resolve) => setTimeout(resolve, 20));
    const before = nowSeconds();
    const resent = await t.api<{ data: SentRequest }>('POST', `/sent/${first.body.data.id}/resend`);
    const after = nowSeconds();
    expect(resent.status).toBe(200);
    expect(resent.body.data).toMatchObject({ source: 'resend', source_sent_id: first.body.data.id });
    const seen = sink.last();
    expect(seen.body.toString()).toBe('one');
    const timestamp = Number(header(seen.headers, 'x-dcisionai-timestamp'));
    expect(timestamp).toBeGreaterThan(firstTimestamp);
    // Recomputed from the stored offset at resend time, not copied.
    expect(timestamp).toBeGreaterThanOrEqual(before - 100);
    expect(timestamp).toBeLessThanOrEqual(after - 100);
    expect(header(seen.headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, 'one', timestamp)['X-DcisionAI-Signature']);
    // The secret is kept for resends but never returned.
    expect(JSON.stringify(resent.body)).not.toContain(SECRET);

    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 2000))]);
    await reader?.cancel();
    const live = events.find((event) => event.type === 'sent');
    expect(live?.data).toMatchObject({ id: resent.body.data.id, source: 'resend', status: 200 });

    expect((await t.api('GET', '/sent/999999')).status).toBe(404);
    expect((await t.api('POST', '/sent/999999/resend')).status).toBe(404);
  });

  it('survives a restart', async () => {
    const engine = await startTestEngine();
    const sent = await engine.api<{ data: SentRequest }>('POST', '/send', {
      url: sink.url,
      body: 'kept',
      sign: { scheme: 'dcisionai', secret: SECRET },
    });
    await engine.stop({ keepData: true });
    const again = await startTestEngine({ dataDir: engine.dataDir });
    try {
      const stored = await again.api<{ data: SentRequest }>('GET', `/sent/${sent.body.data.id}`);
      expect(stored.body.data).toEqual(sent.body.data);
      const list = await again.api<SentPage>('GET', '/sent');
      expect(list.body.data.map((entry) => entry.id)).toEqual([sent.body.data.id]);
    } finally {
      await again.stop();
    }
  });
});

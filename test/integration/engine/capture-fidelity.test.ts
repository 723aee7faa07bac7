import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { rawRequest } from '../../helpers/raw-http';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function latest(): Promise<RequestDetail> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  const id = list.body.data[0]?.id;
  expect(id).toBeTypeOf('number');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
}

describe('receiver capture fidelity', () => {
  it('keeps headers in received order and case, duplicates included, and the exact bytes', async () => {
    const body = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0d, 0x0a, 0xc3, 0x28, 0x20, 0x0a]);
    const head = [
      'PATCH /hooks/a/b?x=1&y=%20two&x=3 HTTP/1.1',
      `Host: ${new URL(t.engine.receiverUrl).host}`,
      'X-Custom-CASE: First',
      'content-type: application/octet-stream',
      'x-custom-case: second',
      'X-Forwarded-For: 203.0.113.9',
      'X-Forwarded-Proto: https',
      'X-Forwarded-Host: abc.trycloudflare.com',
      `Content-Length: ${body.length}`,
      'Connection: close',
    ].join('\n');
    const response = await rawRequest(t.engine.receiverUrl, head, body);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ received: true });

    const detail = await latest();
    expect(detail.method).toBe('PATCH');
    expect(detail.path).toBe('/hooks/a/b');
    expect(detail.query).toBe('x=1&y=%20two&x=3');
    expect(detail.headers.map(([name]) => name)).toEqual([
      'Host',
      'X-Custom-CASE',
      'content-type',
      'x-custom-case',
      'X-Forwarded-For',
      'X-Forwarded-Proto',
      'X-Forwarded-Host',
      'Content-Length',
      'Connection',
    ]);
    expect(detail.headers[1]).toEqual(['X-Custom-CASE', 'First']);
    expect(detail.headers[3]).toEqual(['x-custom-case', 'second']);
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').equals(body)).toBe(true);
    expect(detail.body_size).toBe(body.length);
    expect(detail.truncated).toBe(false);
    expect(detail.remote_address).toMatch(/127\.0\.0\.1/);
    expect(detail.forwarded).toEqual({ for: '203.0.113.9', proto: 'https', host: 'abc.trycloudflare.com' });
    expect(detail.response.status).toBe(200);
    expect(detail.timing.total_ms).toBeGreaterThanOrEqual(0);
  });

  it('captures a GET with a body and a chunked body without a content type', async () => {
    const host = `Host: ${new URL(t.engine.receiverUrl).host}`;
    await rawRequest(
      t.engine.receiverUrl,
      ['GET /with-body HTTP/1.1', host, 'Content-Length: 5', 'Connection: close'].join('\n'),
      Buffer.from('hello'),
    );
    const getDetail = await latest();
    expect(getDetail.method).toBe('GET');
    expect(Buffer.from(getDetail.body_base64 ?? '', 'base64').toString()).toBe('hello');

    const chunked = Buffer.from('5\r\nab\ncd\r\n3\r\n\r\n\n\r\n0\r\n\r\n', 'latin1');
    const chunkedResponse = await rawRequest(
      t.engine.receiverUrl,
      ['POST /chunked HTTP/1.1', host, 'Transfer-Encoding: chunked', 'Connection: close'].join('\n'),
      chunked,
    );
    expect(chunkedResponse.status).toBe(200);
    const chunkDetail = await latest();
    expect(chunkDetail.path).toBe('/chunked');
    expect(Buffer.from(chunkDetail.body_base64 ?? '', 'base64').toString('latin1')).toBe('ab\ncd\r\n\n');
    expect(chunkDetail.headers.some(([name]) => name.toLowerCase() === 'content-type')).toBe(false);
  });

  it('captures an invalid or unknown content type instead of rejecting it', async () => {
    const response = await t.send('/odd', { headers: { 'content-type': 'not a media type;;' }, body: '{"event":"x.y"}' });
    expect(response.status).toBe(200);
    const detail = await latest();
    expect(detail.path).toBe('/odd');
    expect(detail.event).toBe('x.y');
  });

  it('keeps an empty body and any method', async () => {
    for (const method of ['DELETE', 'OPTIONS', 'PUT', 'HEAD']) {
      const response = await t.send(`/m/${method}`, { method });
      expect(response.status).toBe(200);
      const detail = await latest();
      expect(detail.method).toBe(method);
      expect(detail.body_size).toBe(0);
      expect(detail.body_base64).toBe('');
    }
  });
});

describe('an absolute-form request target', () => {
  it('is matched and stored by its path, and keeps the whole target as its URL', async () => {
    await t.api('POST', '/endpoints', { name: 'Proxied', path: '/proxied' });
    const response = await rawRequest(
      t.engine.receiverUrl,
      'POST http://example.com:8080/proxied/x?a=1 HTTP/1.1\nHost: example.com:8080\nContent-Length: 2\nConnection: close',
      Buffer.from('hi'),
    );
    expect(response.status).toBe(200);
    const page = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
    const summary = page.body.data[0] as RequestSummary;
    expect(summary).toMatchObject({ path: '/proxied/x', query: 'a=1' });
    const endpoints = await t.api<{ data: Array<{ id: string; path: string }> }>('GET', '/endpoints');
    expect(summary.endpoint_id).toBe(endpoints.body.data.find((endpoint) => endpoint.path === '/proxied')?.id);
    const detail = await t.api<{ data: { url: string } }>('GET', `/requests/${summary.id}`);
    expect(detail.body.data.url).toBe('http://example.com:8080/proxied/x?a=1');
  });
});

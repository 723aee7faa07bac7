import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOutbound } from '../../../src/main/engine/outbound/http-sender';

let server: Server;
let base: string;
let seen: { rawHeaders: string[]; body: Buffer; method: string; url: string } | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen = { rawHeaders: req.rawHeaders, body: Buffer.concat(chunks), method: req.method ?? '', url: req.url ?? '' };
      if (req.url === '/hang') return; // never answers
      if (req.url === '/reset') return req.socket.destroy();
      res.writeHead(418, { 'X-Reply': 'teapot' });
      res.end('short and stout');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendOutbound', () => {
  it('sends the exact bytes, method and headers in order and case', async () => {
    const body = Buffer.from('{"a":1}\r\n\u00e9', 'utf8');
    const result = await sendOutbound({
      url: `${base}/path?q=1`,
      method: 'PUT',
      timeoutMs: 2000,
      body,
      headers: [
        ['X-First', '1'],
        ['content-type', 'application/json'],
        ['x-first', '2'],
      ],
    });
    expect(result.error).toBeNull();
    expect(result.response?.status).toBe(418);
    expect(result.response?.body.toString()).toBe('short and stout');
    expect(result.response?.headers).toContainEqual(['X-Reply', 'teapot']);
    expect(seen?.method).toBe('PUT');
    expect(seen?.url).toBe('/path?q=1');
    expect(seen?.body.equals(body)).toBe(true);
    const names = [];
    for (let i = 0; i < (seen?.rawHeaders.length ?? 0); i += 2) names.push(seen?.rawHeaders[i]);
    expect(names.filter((n) => /first|content-type/i.test(String(n)))).toEqual(['X-First', 'content-type', 'x-first']);
  });

  it('classifies failures in words a user can act on', async () => {
    const refused = await sendOutbound({
      url: 'http://127.0.0.1:1/x',
      method: 'POST',
      headers: [],
      body: Buffer.alloc(0),
      timeoutMs: 2000,
    });
    expect(refused.error?.code).toBe('connection_refused');
    expect(refused.error?.message).toMatch(/nothing is listening/);

    const timeout = await sendOutbound({ url: `${base}/hang`, method: 'POST', headers: [], body: Buffer.from('x'), timeoutMs: 200 });
    expect(timeout.error?.code).toBe('timeout');
    expect(timeout.error?.message).toMatch(/200 ms/);

    const reset = await sendOutbound({ url: `${base}/reset`, method: 'POST', headers: [], body: Buffer.from('x'), timeoutMs: 2000 });
    expect(reset.error?.code).toBe('connection_reset');

    const dns = await sendOutbound({
      url: 'http://no-such-host.invalid/x',
      method: 'POST',
      headers: [],
      body: Buffer.alloc(0),
      timeoutMs: 5000,
    });
    expect(dns.error?.code).toBe('dns');

    const invalid = await sendOutbound({ url: 'ftp://example.com', method: 'POST', headers: [], body: Buffer.alloc(0), timeoutMs: 100 });
    expect(invalid.error?.code).toBe('invalid_url');
  });
});

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import type { HeaderPairs } from '../../../src/shared/http-headers';

let t: TestEngine;
let port: number;
beforeAll(async () => {
  t = await startTestEngine({ token: 'secret-launch-token' });
  port = Number(new URL(t.engine.uiUrl).port);
});
afterAll(() => t.stop());

/** node:http lets the test set any Host header, which fetch does not. */
function get(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('control API guards', () => {
  it('rejects a request without the token with 401 and a message that says what to send', async () => {
    const response = await get('/api/health', { host: `127.0.0.1:${port}` });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('unauthorized');
    expect(JSON.parse(response.body).error.message).toMatch(/Authorization: Bearer/);
  });

  it('rejects a wrong token', async () => {
    const response = await get('/api/health', { host: `127.0.0.1:${port}`, authorization: 'Bearer nope' });
    expect(response.status).toBe(401);
  });

  it('accepts the bearer token on the loopback host names', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const response = await get('/api/health', { host, authorization: 'Bearer secret-launch-token' });
      expect(response.status).toBe(200);
      const health = JSON.parse(response.body).data;
      expect(health).toMatchObject({ status: 'ok', version: 'test', receiver_url: t.engine.receiverUrl });
    }
  });

  it('rejects a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const host of ['evil.example.com', `evil.example.com:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      const response = await get('/api/health', { host, authorization: 'Bearer secret-launch-token' });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body).error.code).toBe('forbidden_host');
    }
  });

  it('sends no permissive CORS headers', async () => {
    const response = await get('/api/health', {
      host: `127.0.0.1:${port}`,
      authorization: 'Bearer secret-launch-token',
      origin: 'https://evil.example.com',
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('never makes the token a cookie: the UI’s files need none, the API takes a Bearer header only', async () => {
    const launch = await get('/?token=secret-launch-token', { host: `127.0.0.1:${port}` });
    expect(launch.status).not.toBe(401);
    expect(launch.headers['set-cookie']).toBeUndefined();
    // A cookie holding the token, as an older version set, is no credential any more.
    const withCookie = await get('/api/health', { host: `127.0.0.1:${port}`, cookie: 'hookscope_token=secret-launch-token' });
    expect(withCookie.status).toBe(401);
    // ?token= works for the live stream only (a browser's EventSource can send no header).
    expect((await get('/api/health?token=secret-launch-token', { host: `127.0.0.1:${port}` })).status).toBe(401);
    const controller = new AbortController();
    const stream = await fetch(`${t.engine.uiUrl}/api/stream?token=secret-launch-token`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    controller.abort();
    const wrongStream = await fetch(`${t.engine.uiUrl}/api/stream?token=guess`);
    expect(wrongStream.status).toBe(401);
  });

  it('refuses state-changing requests from another origin, other local ports included, even with the token', async () => {
    const authorization = 'Bearer secret-launch-token';
    const post = (headers: Record<string, string>) =>
      fetch(`${t.engine.uiUrl}/api/requests`, { method: 'DELETE', headers: { authorization, ...headers } });
    const fromDevServer = await post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' });
    expect(fromDevServer.status).toBe(403);
    expect((await fromDevServer.json()).error.code).toBe('cross_site');
    expect((await post({ origin: 'http://127.0.0.1:3000' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The UI itself, and scripts that send neither header, still work.
    expect((await post({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // Reads are not state-changing; the Host and token checks guard them.
    const read = await fetch(`${t.engine.uiUrl}/api/health`, { headers: { authorization, 'sec-fetch-site': 'same-site' } });
    expect(read.status).toBe(200);
  });

  it('takes the token out of anything sent to the receiver: nothing stores, shows, exports or forwards it', async () => {
    await t.send('/leak', {
      headers: {
        cookie: 'theme=dark; hookscope_token=secret-launch-token',
        authorization: 'Bearer secret-launch-token',
        'x-other': 'keep me',
      },
      body: 'x',
    });
    const page = await t.api<{ data: Array<{ id: number }> }>('GET', '/requests?limit=1');
    const detail = await t.api<{ data: { headers: HeaderPairs } }>('GET', `/requests/${page.body.data[0]?.id}`);
    const headers = Object.fromEntries(detail.body.data.headers.map(([name, value]) => [name.toLowerCase(), value]));
    expect(headers.cookie).toBe('theme=dark; hookscope_token=[Hookscope control token removed]');
    expect(headers.authorization).toBe('Bearer [Hookscope control token removed]');
    expect(headers['x-other']).toBe('keep me');
    const har = await t.api<unknown>('GET', `/requests/export.har?ids=${page.body.data[0]?.id}`);
    expect(JSON.stringify(har.body)).not.toContain('secret-launch-token');
  });

  it('refuses non-JSON request bodies (a cross-site form cannot post)', async () => {
    const response = await fetch(`${t.engine.uiUrl}/api/endpoints`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-launch-token', 'content-type': 'text/plain' },
      body: '{"path":"/x"}',
    });
    expect(response.status).toBe(415);
  });
});

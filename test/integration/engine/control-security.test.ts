import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
let port: number;
beforeAll(async () => {
  t = await startTestEngine({ token: 'secret-launch-token' });
  port = Number(new URL(t.engine.uiUrl).port);
});
afterAll(() => t.stop());

/** node:http lets the test set any Host header, which fetch does not. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
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
    const response = await get('/api/health', { host: `127.0.0.1:${port}`, authorization: 'Bearer secret-launch-token', origin: 'https://evil.example.com' });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and strips it from the address', async () => {
    const launch = await get('/?token=secret-launch-token', { host: `127.0.0.1:${port}` });
    expect(launch.status).toBe(302);
    expect(launch.headers.location).toBe('/');
    const cookie = String(launch.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await get('/api/health', { host: `127.0.0.1:${port}`, cookie: cookie.split(';')[0] as string });
    expect(withCookie.status).toBe(200);
    const wrong = await get('/?token=guess', { host: `127.0.0.1:${port}` });
    expect(wrong.status).toBe(401);
  });

  it('refuses state-changing requests from another origin, other local ports included, even with the cookie', async () => {
    const launch = await get('/?token=secret-launch-token', { host: `127.0.0.1:${port}` });
    const cookie = String(launch.headers['set-cookie']).split(';')[0] as string;
    const post = (headers: Record<string, string>) =>
      fetch(`${t.engine.uiUrl}/api/requests`, { method: 'DELETE', headers: { cookie, ...headers } });
    const fromDevServer = await post({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' });
    expect(fromDevServer.status).toBe(403);
    expect((await fromDevServer.json()).error.code).toBe('cross_site');
    expect((await post({ origin: 'http://127.0.0.1:3000' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The UI itself, and scripts that send neither header, still work.
    expect((await post({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // Reads are not state-changing; the Host and token checks guard them.
    const read = await fetch(`${t.engine.uiUrl}/api/health`, { headers: { cookie, 'sec-fetch-site': 'same-site' } });
    expect(read.status).toBe(200);
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

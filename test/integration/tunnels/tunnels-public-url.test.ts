import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestPage, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { rawRequest } from '../../helpers/raw-http';
import { NO_AGENTS } from './fake-tunnels';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ tunnels: { env: { PATH: '' }, ...NO_AGENTS } });
});
afterAll(() => t.stop());

/** A request with exactly these headers (fetch would set Host itself). */
const post = (target: string, headers: string[]) =>
  rawRequest(
    t.engine.receiverUrl,
    [`POST ${target} HTTP/1.1`, ...headers, 'Content-Length: 2', 'Connection: close'].join('\n'),
    Buffer.from('{}'),
  );

async function latest(): Promise<{ summary: RequestSummary; detail: RequestDetail }> {
  const summary = (await t.api<RequestPage>('GET', '/requests?limit=1')).body.data[0] as RequestSummary;
  const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary.id}`)).body.data;
  return { summary, detail };
}

describe('public_url on captures', () => {
  it('is X-Forwarded-Proto://X-Forwarded-Host + path and query, in the summary and the detail', async () => {
    await t.send('/hooks/a?b=1&c=2', {
      headers: { 'X-Forwarded-Host': 'abc.trycloudflare.com', 'X-Forwarded-Proto': 'https' },
      body: '{}',
    });
    const { summary, detail } = await latest();
    expect(summary.public_url).toBe('https://abc.trycloudflare.com/hooks/a?b=1&c=2');
    expect(detail.public_url).toBe('https://abc.trycloudflare.com/hooks/a?b=1&c=2');
    // The receiver's own URL is still what it saw.
    expect(detail.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/a\?b=1&c=2$/);
  });

  it('takes the first value of a list a chain of proxies built', async () => {
    await t.send('/hooks/chain', {
      headers: { 'X-Forwarded-Host': 'first.example, second.internal', 'X-Forwarded-Proto': 'https,http' },
      body: '{}',
    });
    expect((await latest()).summary.public_url).toBe('https://first.example/hooks/chain');
  });

  it('comes from a Host header that is not loopback (the tunnel kept the public Host)', async () => {
    await post('/hooks/host', ['Host: hooks-1.ngrok-free.app', 'X-Forwarded-Proto: https']);
    expect((await latest()).summary.public_url).toBe('https://hooks-1.ngrok-free.app/hooks/host');
    await post('/hooks/lan', ['Host: 192.168.1.20:4700']);
    expect((await latest()).summary.public_url).toBe('http://192.168.1.20:4700/hooks/lan');
  });

  it('is null for a request that arrived directly, whatever loopback name it used', async () => {
    const port = Number(new URL(t.engine.receiverUrl).port);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      await post('/direct', [`Host: ${host}`]);
      const { summary, detail } = await latest();
      expect(summary.public_url, host).toBeNull();
      expect(detail.public_url, host).toBeNull();
    }
  });
});

describe('URL-signing schemes behind a tunnel', () => {
  it('Twilio verifies against the public URL', async () => {
    const created = await t.api<{ data: { id: string } }>('POST', '/endpoints', {
      path: '/twilio',
      scheme: 'twilio',
      secret: 'twilio-auth-token',
    });
    expect(created.status).toBe(201);
    const params = { From: '+15550001111', Body: 'hi', To: '+15552223333' };
    const publicUrl = 'https://sms-hooks.trycloudflare.com/twilio/sms';
    const signed =
      publicUrl +
      Object.keys(params)
        .sort()
        .map((key) => key + params[key as keyof typeof params])
        .join('');
    const signature = createHmac('sha1', 'twilio-auth-token').update(signed).digest('base64');
    const body = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature };
    await t.send('/twilio/sms', {
      headers: { ...headers, 'X-Forwarded-Host': 'sms-hooks.trycloudflare.com', 'X-Forwarded-Proto': 'https' },
      body,
    });
    const through = await latest();
    expect(through.summary.verification.verdict).toBe('valid');
    expect(through.detail.verification.verdict).toBe('valid');
    // The same request sent straight to the receiver was not signed for its URL.
    await t.send('/twilio/sms', { headers, body });
    expect((await latest()).summary.verification.verdict).toBe('invalid');
  });

  it('a custom scheme signing {url} verifies against the public URL, on arrival, on reading and after re-verification', async () => {
    const custom = { signature_header: 'X-Sig', signed_content: '{url}|{body}', algorithm: 'sha256', encoding: 'hex' };
    const endpoint = (
      await t.api<{ data: { id: string } }>('POST', '/endpoints', { path: '/custom-url', scheme: 'custom', secret: 's3cret', custom })
    ).body.data;
    const body = '{"event":"x"}';
    const signature = createHmac('sha256', 's3cret').update(`https://pub.example/custom-url/in?q=1|${body}`).digest('hex');
    await t.send('/custom-url/in?q=1', {
      headers: { 'X-Sig': signature, 'X-Forwarded-Host': 'pub.example', 'X-Forwarded-Proto': 'https' },
      body,
    });
    const arrived = await latest();
    expect(arrived.summary.verification.verdict).toBe('valid');
    expect(arrived.detail.verification).toMatchObject({ verdict: 'valid', reason: 'ok' });
    // So does the "what if" verification of a stored capture, unless the caller names a URL.
    const what = await t.api<{ data: { verdict: string } }>('POST', `/requests/${arrived.summary.id}/verify`, {});
    expect(what.body.data.verdict).toBe('valid');
    const local = await t.api<{ data: { verdict: string } }>('POST', `/requests/${arrived.summary.id}/verify`, { url: arrived.detail.url });
    expect(local.body.data.verdict).toBe('invalid');
    // Re-verification (a settings change) reads the URL the same way.
    expect((await t.api('PUT', `/endpoints/${endpoint.id}`, { tolerance_seconds: 120 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await latest()).summary.verification.verdict).toBe('valid');
  });
});

import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/**
 * Each provider's handshake against a real engine on a real socket: the exact answer (status,
 * headers, bytes), the capture flagged `handshake` and findable with `is:handshake`, and with the
 * endpoint's switch off the request captured and answered as any other.
 */
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const SECRET = 'handshake-secret';

async function endpoint(path: string, scheme: string, extra: Record<string, unknown> = {}): Promise<Endpoint> {
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: path, path, scheme, secret: SECRET, ...extra });
  expect(created.status).toBe(201);
  return created.body.data;
}

async function latest(): Promise<{ summary: RequestSummary; detail: RequestDetail }> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  const summary = list.body.data[0] as RequestSummary;
  const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary.id}`)).body.data;
  return { summary, detail };
}

/** Status, the headers named, and the exact body bytes of an answer. */
async function answer(response: Response, names: string[]) {
  const headers = Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

async function expectHandshake(name: string) {
  const { summary, detail } = await latest();
  expect(summary.handshake).toBe(true);
  expect(detail.handshake).toBe(name);
  return detail;
}

async function expectPlainCapture() {
  const { summary, detail } = await latest();
  expect(summary.handshake).toBe(false);
  expect(detail.handshake ?? null).toBeNull();
  expect(detail.response).toMatchObject({ status: 200, body: '{"received": true}' });
}

describe('handshakes answered by the receiver', () => {
  it('Slack url_verification: the challenge as text', async () => {
    await endpoint('/slack', 'slack');
    const body =
      '{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}';
    const res = await t.send('/slack', { headers: { 'content-type': 'application/json' }, body });
    expect(await answer(res, ['content-type', 'content-length', 'x-content-type-options'])).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '52', 'x-content-type-options': 'nosniff' },
      body: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
    const detail = await expectHandshake('Slack url_verification');
    expect(detail.response.body).toBe('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    // An event that is not the check is answered as usual.
    await t.send('/slack', {
      headers: { 'content-type': 'application/json' },
      body: '{"type":"event_callback","event":{"type":"app_mention"}}',
    });
    await expectPlainCapture();
  });

  it('Zoom endpoint.url_validation: plainToken and its HMAC, as JSON, only when the request verifies', async () => {
    await endpoint('/zoom', 'zoom');
    const body = '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}';
    const ts = String(Math.floor(Date.now() / 1000));
    const zoomHeaders = (text: string) => ({
      'content-type': 'application/json',
      'x-zm-request-timestamp': ts,
      'x-zm-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${text}`).digest('hex')}`,
    });
    const res = await t.send('/zoom', { headers: zoomHeaders(body), body });
    const encrypted = createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex');
    expect(await answer(res, ['content-type', 'x-content-type-options'])).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
      body: `{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"${encrypted}"}`,
    });
    const detail = await expectHandshake('Zoom endpoint.url_validation');
    expect(detail.event).toBe('endpoint.url_validation');

    // Unsigned, the answer would be a signature for any text the caller picks (a forged event's
    // `v0:<ts>:<body>` as plainToken): refused, and nothing signed is in the answer.
    const forgedEvent = `v0:${ts}:{"event":"meeting.started"}`;
    const oracle = JSON.stringify({ payload: { plainToken: forgedEvent }, event: 'endpoint.url_validation' });
    const refused = await t.send('/zoom', { headers: { 'content-type': 'application/json' }, body: oracle });
    expect(refused.status).toBe(401);
    const text = await refused.text();
    expect(text).not.toContain(createHmac('sha256', SECRET).update(forgedEvent).digest('hex'));
    expect(text).toContain('does not verify');
  });

  it('Meta hub.challenge: echoed when the verify token matches, 403 when not, echoed always without a token', async () => {
    await endpoint('/meta', 'meta', { verify_token: 'meta-verify' });
    const ok = await t.send('/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meta-verify', { method: 'GET' });
    expect(await answer(ok, ['content-type', 'x-content-type-options'])).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: '1158201444',
    });
    await expectHandshake('Meta hub.challenge');

    const wrong = await t.send('/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess', { method: 'GET' });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    const refused = await expectHandshake('Meta hub.challenge');
    expect(refused.response.status).toBe(403);

    await endpoint('/meta-open', 'meta');
    const open = await t.send('/meta-open?hub.mode=subscribe&hub.challenge=42&hub.verify_token=anything', { method: 'GET' });
    expect(await answer(open, [])).toEqual({ status: 200, headers: {}, body: '42' });
  });

  it('X CRC: response_token sha256=<base64 HMAC of crc_token>', async () => {
    await endpoint('/x', 'x');
    const res = await t.send('/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553', { method: 'GET' });
    const token = createHmac('sha256', SECRET).update('9b4507b3-9040-4669-9ca3-6b94edb50553').digest('base64');
    expect(await answer(res, ['content-type'])).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: `{"response_token":"sha256=${token}"}`,
    });
    await expectHandshake('X CRC (crc_token)');

    // A "token" that is an event body would get that event's signature back: refused.
    const forged = '{"tweet_create_events":[{"text":"forged"}]}';
    const refused = await t.send(`/x?crc_token=${encodeURIComponent(forged)}`, { method: 'GET' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain(createHmac('sha256', SECRET).update(forged).digest('base64'));
  });

  it('Dropbox challenge: echoed as text/plain with nosniff', async () => {
    await endpoint('/dropbox', 'dropbox');
    const res = await t.send('/dropbox?challenge=XsR0yxnGlb4pmvQRP2dn', { method: 'GET' });
    expect(await answer(res, ['content-type', 'x-content-type-options'])).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' },
      body: 'XsR0yxnGlb4pmvQRP2dn',
    });
    await expectHandshake('Dropbox challenge');
  });

  it('Asana: X-Hook-Secret echoed as a response header, kept in the capture', async () => {
    await endpoint('/asana', 'asana');
    const res = await t.send('/asana', {
      headers: { 'X-Hook-Secret': 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81' },
      body: '',
    });
    expect(await answer(res, ['x-hook-secret'])).toEqual({
      status: 200,
      headers: { 'x-hook-secret': 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81' },
      body: '',
    });
    const detail = await expectHandshake('Asana X-Hook-Secret');
    expect(detail.response.headers).toEqual({ 'X-Hook-Secret': 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81' });
  });

  it('CloudEvents validation on any scheme: origin echoed, rate granted as *', async () => {
    await endpoint('/ce', 'stripe');
    const res = await t.send('/ce', {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': 'eventemitter.example.com', 'WebHook-Request-Rate': '120' },
    });
    expect(await answer(res, ['webhook-allowed-origin', 'webhook-allowed-rate', 'allow'])).toEqual({
      status: 200,
      headers: { 'webhook-allowed-origin': 'eventemitter.example.com', 'webhook-allowed-rate': '*', allow: 'POST' },
      body: '',
    });
    await expectHandshake('CloudEvents webhook validation');
    // An OPTIONS without the origin header is no validation.
    await t.send('/ce', { method: 'OPTIONS' });
    await expectPlainCapture();
  });

  it('with the switch off, every handshake is captured and answered as any request', async () => {
    const off = { answer_handshakes: false };
    const json = { 'content-type': 'application/json' };
    const handshakes: Array<[string, string, Parameters<TestEngine['send']>[1]]> = [
      ['slack', '', { headers: json, body: '{"challenge":"abc","type":"url_verification"}' }],
      ['zoom', '', { headers: json, body: '{"payload":{"plainToken":"abc"},"event":"endpoint.url_validation"}' }],
      ['meta', '?hub.mode=subscribe&hub.challenge=7', { method: 'GET' }],
      ['x', '?crc_token=abc', { method: 'GET' }],
      ['dropbox', '?challenge=abc', { method: 'GET' }],
      ['asana', '', { headers: { 'X-Hook-Secret': 'abc' }, body: '' }],
      ['dcisionai', '', { method: 'OPTIONS', headers: { 'WebHook-Request-Origin': 'x.example.com' } }],
    ];
    for (const [scheme, query, init] of handshakes) {
      await endpoint(`/off-${scheme}`, scheme, off);
      const res = await t.send(`/off-${scheme}${query}`, init);
      expect(await res.text(), scheme).toBe('{"received": true}');
      await expectPlainCapture();
    }
    // A handshake of another scheme is not this endpoint's.
    await endpoint('/not-dropbox', 'stripe');
    await t.send('/not-dropbox?challenge=abc', { method: 'GET' });
    await expectPlainCapture();
  });

  it('the switch and the verify token round-trip through the API; is:handshake finds the handshakes', async () => {
    const created = await endpoint('/switch', 'meta');
    expect(created).toMatchObject({ answer_handshakes: true, verify_token: null });
    const updated = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${created.id}`, { answer_handshakes: false, verify_token: 'tok' });
    expect(updated.body.data).toMatchObject({ answer_handshakes: false, verify_token: 'tok' });
    const cleared = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${created.id}`, { verify_token: '' });
    expect(cleared.body.data.verify_token).toBeNull();
    const bad = await t.api<{ error: { message: string } }>('PUT', `/endpoints/${created.id}`, { answer_handshakes: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/answer_handshakes/);

    const found = await t.api<{ data: RequestSummary[] }>('GET', `/requests?q=${encodeURIComponent('is:handshake')}&limit=100`);
    expect(found.status).toBe(200);
    expect(found.body.data.length).toBeGreaterThanOrEqual(8);
    expect(found.body.data.every((row) => row.handshake)).toBe(true);
  });
});

describe('a handshake that needs the request to verify', () => {
  it('Twitch webhook_callback_verification is answered only when its signature verifies', async () => {
    await endpoint('/twitch', 'twitch');
    const body = '{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"type":"channel.follow"}}';
    const id = 'e76c6bd4-55c9-4987-8304-da1588d8988b';
    const timestamp = new Date().toISOString();
    const signature = `sha256=${createHmac('sha256', SECRET)
      .update(id + timestamp + body)
      .digest('hex')}`;
    const headers = {
      'content-type': 'application/json',
      'Twitch-Eventsub-Message-Id': id,
      'Twitch-Eventsub-Message-Timestamp': timestamp,
      'Twitch-Eventsub-Message-Type': 'webhook_callback_verification',
      'Twitch-Eventsub-Message-Signature': signature,
    };
    const ok = await t.send('/twitch', { headers, body });
    expect(await answer(ok, ['content-type'])).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'pogchamp-kappa-360noscope-vohiyo',
    });
    await expectHandshake('Twitch webhook_callback_verification');

    const forged = await t.send('/twitch', { headers: { ...headers, 'Twitch-Eventsub-Message-Signature': 'sha256=00' }, body });
    expect(await forged.text()).toBe('{"received": true}');
    await expectPlainCapture();
  });
});

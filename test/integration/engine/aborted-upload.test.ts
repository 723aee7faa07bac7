import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestPage, RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { startHttpSink, type HttpSink } from '../../helpers/http-sink';

const SECRET = 'aborted_secret';
let t: TestEngine;
let target: HttpSink;

beforeAll(async () => {
  t = await startTestEngine();
  target = await startHttpSink();
  const put = await t.api('PUT', '/endpoints/ep_default', { secret: SECRET });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await t.stop();
  await target.close();
});

/**
 * Sends the head and the first bytes of a body, then destroys the socket, as a sender or tunnel
 * that gives up mid-upload does. Resolves with whatever the receiver wrote back (nothing expected).
 */
function cutUpload(
  path: string,
  headers: Record<string, string>,
  sent: Buffer,
  close: 'destroy-later' | 'end-at-once' = 'destroy-later',
): Promise<Buffer> {
  const { hostname, port } = new URL(t.engine.receiverUrl);
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => {
      const head = [
        `POST ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), sent]));
      // Either long enough for the receiver to read what was sent before the connection goes, or
      // the close (FIN) right behind the last byte, racing the receiver's end of the body.
      if (close === 'end-at-once') socket.end();
      else setTimeout(() => socket.destroy(), 100);
    });
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received)));
  });
}

async function waitForCapture(path: string): Promise<RequestSummary> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const list = await t.api<RequestPage>('GET', '/requests?limit=20');
    const found = list.body.data.find((summary) => summary.path === path);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no capture of ${path} appeared`);
}

async function detailOf(id: number): Promise<RequestDetail> {
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
}

describe('aborted uploads', () => {
  it('records an upload cut mid-body with the bytes that arrived, and answers nothing', async () => {
    const fullBody = Buffer.from(JSON.stringify({ event: 'project.created', data: { id: 'proj_1', name: 'x'.repeat(900) } }));
    // Bytes that are not UTF-8 must survive as they came, even in a partial body.
    const sent = Buffer.concat([fullBody.subarray(0, 300), Buffer.from([0xff, 0xfe, 0x00])]);
    const answer = await cutUpload(
      '/webhooks/cut',
      {
        'Content-Type': 'application/json',
        'Content-Length': String(fullBody.length),
        ...signDcisionAI(SECRET, fullBody),
      },
      sent,
    );
    expect(answer.length).toBe(0);

    const summary = await waitForCapture('/webhooks/cut');
    expect(summary).toMatchObject({ aborted: true, truncated: false, body_size: sent.length, event: 'project.created' });
    expect(summary.verification).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });

    const detail = await detailOf(summary.id);
    expect(detail).toMatchObject({ aborted: true, remote_address: '127.0.0.1' });
    expect(detail.remote_port).toBeGreaterThan(0);
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').equals(sent)).toBe(true);
    expect(detail.headers).toContainEqual(['Content-Length', String(fullBody.length)]);
    // The verification explains the mismatch by the cut, before any guess about the secret.
    expect(detail.verification.diagnosis[0]?.code).toBe('body_incomplete');
    expect(detail.verification.diagnosis[0]?.message).toContain(
      `after ${sent.length} bytes of the body, of the ${fullBody.length} its Content-Length announced`,
    );

    // In HAR, a request that got no response has status 0 (as browsers write failed requests).
    const exported = await fetch(`${t.engine.uiUrl}/api/requests/export.har?ids=${summary.id}`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
    });
    const har = (await exported.json()) as {
      log: { entries: Array<{ response: { status: number; headers: unknown[] }; _hookscope: { aborted: boolean } }> };
    };
    expect(har.log.entries[0]).toMatchObject({ response: { status: 0, headers: [] }, _hookscope: { aborted: true } });
  });

  it('records a request cut right after its headers, with an empty body', async () => {
    await cutUpload('/webhooks/no-body', { 'Content-Type': 'application/json', 'Content-Length': '50' }, Buffer.alloc(0));
    const summary = await waitForCapture('/webhooks/no-body');
    expect(summary).toMatchObject({ aborted: true, body_size: 0 });
    expect((await detailOf(summary.id)).body_base64).toBe('');
  });

  it("does not forward an aborted upload to the endpoint's target", async () => {
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/fw-cut', forward_to: target.url });
    expect(created.status).toBe(201);
    await cutUpload('/fw-cut/x', { 'Content-Length': '100' }, Buffer.from('partial'));
    const summary = await waitForCapture('/fw-cut/x');
    expect(summary.aborted).toBe(true);
    expect((await detailOf(summary.id)).forward).toBeNull();
    expect(target.seen).toHaveLength(0);
  });

  it('keeps complete requests unflagged, also on a connection the sender then closes', async () => {
    const body = JSON.stringify({ event: 'model.trained' });
    const response = await t.send('/webhooks/whole', {
      headers: { 'content-type': 'application/json', ...signDcisionAI(SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);
    const summary = await waitForCapture('/webhooks/whole');
    expect(summary).toMatchObject({ aborted: false, verification: { verdict: 'valid' } });
    // The whole body sent, then the socket destroyed: complete, whatever happens to the answer.
    await cutUpload('/webhooks/whole-then-gone', { 'Content-Length': '5' }, Buffer.from('12345'));
    expect(await waitForCapture('/webhooks/whole-then-gone')).toMatchObject({ aborted: false, body_size: 5 });
    // The connection closed right behind the last byte: still complete.
    for (let round = 0; round < 5; round += 1) {
      await cutUpload(`/webhooks/whole-then-fin-${round}`, { 'Content-Length': '5' }, Buffer.from('12345'), 'end-at-once');
      expect(await waitForCapture(`/webhooks/whole-then-fin-${round}`)).toMatchObject({ aborted: false, body_size: 5 });
    }
  });

  it('does not count an aborted upload as acknowledged: its retry is no duplicate', async () => {
    await cutUpload('/webhooks/retry', { 'Content-Length': '100', 'X-DcisionAI-Delivery': 'del_retry_1' }, Buffer.from('{"event":'));
    expect(await waitForCapture('/webhooks/retry')).toMatchObject({ aborted: true, duplicate_of: null });
    const body = JSON.stringify({ event: 'project.created' });
    const retry = await t.send('/webhooks/retry', {
      headers: { 'content-type': 'application/json', 'X-DcisionAI-Delivery': 'del_retry_1', ...signDcisionAI(SECRET, body) },
      body,
    });
    expect(retry.status).toBe(200);
    const list = await t.api<RequestPage>('GET', '/requests?limit=5');
    expect(list.body.data[0]).toMatchObject({ path: '/webhooks/retry', aborted: false, duplicate_of: null });
  });

  it('refuses to replay the partial bytes as they came, and explains the mismatch in the Lab too', async () => {
    const { id } = await waitForCapture('/webhooks/cut');
    const replay = await t.api<{ error: { code: string; message: string } }>('POST', `/requests/${id}/replay`, { mode: 'as-is' });
    expect(replay.status).toBe(409);
    expect(replay.body.error).toMatchObject({ code: 'body_incomplete', message: expect.stringContaining('use mode "edited"') });
    const verify = await t.api<{ data: RequestDetail['verification'] }>('POST', `/requests/${id}/verify`, {});
    expect(verify.body.data.diagnosis[0]?.code).toBe('body_incomplete');
  });

  it('keeps the flag through a HAR export and import', async () => {
    const { id } = await waitForCapture('/webhooks/cut');
    const exported = await fetch(`${t.engine.uiUrl}/api/requests/export.har?ids=${id}`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
    });
    const imported = await t.api<{ data: { ids: number[] } }>('POST', '/requests/import', await exported.json());
    expect(imported.status).toBe(201);
    const copy = await detailOf(imported.body.data.ids[0] as number);
    expect(copy).toMatchObject({ imported: true, aborted: true, path: '/webhooks/cut' });
  });
});

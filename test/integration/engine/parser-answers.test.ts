import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestPage } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** Sends bytes as they are; resolves with everything that came back once the connection closes. */
function exchange(bytes: string, halfClose = false): Promise<string> {
  const { hostname, port } = new URL(t.engine.receiverUrl);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => {});
  });
}

/** The capture at `path` once it exists and `ready` holds for it. */
async function captureAt(
  path: string,
  ready: (detail: RequestDetail) => boolean = (detail) => detail.response_by_parser === true,
): Promise<RequestDetail> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const page = await t.api<RequestPage>('GET', `/requests?q=${encodeURIComponent(`path:${path}`)}`);
    const id = page.body.data[0]?.id;
    if (id !== undefined) {
      const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
      if (ready(detail)) return detail;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no capture at ${path} as expected`);
}

describe('a capture records the answer that went on the wire', () => {
  it('a bad chunk size: the parser’s 400, on an aborted capture', async () => {
    const wire = await exchange('POST /bad-chunk HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n');
    expect(wire).toMatch(/^HTTP\/1\.1 400 /);
    const detail = await captureAt('/bad-chunk');
    expect(detail).toMatchObject({ aborted: true, response_by_parser: true, response: { status: 400 } });
    const summary = (await t.api<RequestPage>('GET', '/requests?q=path:/bad-chunk')).body.data[0];
    expect(summary?.response_status).toBe(400);
  });

  it('a connection half-closed mid-body: no answer, and the capture says none went out', async () => {
    const wire = await exchange('POST /half-closed HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc', true);
    expect(wire).toBe('');
    const detail = await captureAt('/half-closed', () => true);
    expect(detail).toMatchObject({ aborted: true, response_by_parser: false, body_size: 3 });
  });

  it('bytes after the announced length: the parser’s 400 went out instead of the endpoint’s 200', async () => {
    const wire = await exchange('POST /short-length HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcdefgh garbage\r\n\r\n');
    expect(wire).toMatch(/^HTTP\/1\.1 400 /);
    expect(wire).not.toMatch(/200 OK/);
    const detail = await captureAt('/short-length');
    expect(detail).toMatchObject({ aborted: false, response_by_parser: true, response: { status: 400 }, body_size: 3 });
    // The index follows: the capture is found by the status that went out.
    const found = await t.api<RequestPage>('GET', '/requests?q=path:/short-length status:400');
    expect(found.body.matching).toBe(1);
  });
});

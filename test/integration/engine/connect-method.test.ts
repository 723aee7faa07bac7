import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestPage } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** Sends a CONNECT, then bytes as if the tunnel were open; resolves with all that came back. */
function tryTunnel(target: string): Promise<string> {
  const { hostname, port } = new URL(t.engine.receiverUrl);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => {
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
      setTimeout(() => socket.writable && socket.write('GET / HTTP/1.1\r\nHost: inside\r\n\r\n'), 100);
    });
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => {});
    setTimeout(() => socket.destroy(), 2000);
  });
}

describe('CONNECT', () => {
  it('is captured and answered as its endpoint says, and no tunnel opens', async () => {
    await t.api('PUT', '/endpoints/ep_default', { response: { status: 405, body: '{"error":"no tunnels here"}' } });
    const answer = await tryTunnel('example.com:443');
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toContain('no tunnels here');
    // One answer, then the connection closes: the bytes sent "through the tunnel" reached nobody.
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);

    const page = await t.api<RequestPage>('GET', '/requests?q=method:CONNECT');
    expect(page.body.matching).toBe(1);
    const summary = page.body.data[0];
    expect(summary).toMatchObject({ method: 'CONNECT', path: 'example.com:443', endpoint_id: 'ep_default', response_status: 405 });
    const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary?.id}`)).body.data;
    expect(detail.body_base64).toBe('');
    expect(detail.headers).toContainEqual(['Host', 'example.com:443']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { rawRequest } from '../../helpers/raw-http';

// The receiver writes the endpoint's answer to the socket itself; it must still frame it as a
// sender's HTTP client expects: a length for a body, nothing for 204, the user's own framing kept.
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function answer(path: string, response: Partial<Endpoint['response']>) {
  await t.api('POST', '/endpoints', { path, response });
  const host = new URL(t.engine.receiverUrl).host;
  return rawRequest(
    t.engine.receiverUrl,
    [`POST ${path} HTTP/1.1`, `Host: ${host}`, 'Content-Length: 2', 'Connection: close'].join('\n'),
    Buffer.from('{}'),
  );
}

const header = (head: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? null;

describe('configured responses on the wire', () => {
  it('sends the configured status, headers and body with a Content-Length, not chunked', async () => {
    const response = await answer('/framed', { status: 202, headers: { 'X-Ack': 'yes', 'Content-Type': 'text/plain' }, body: 'héllo' });
    expect(response.status).toBe(202);
    expect(header(response.head, 'x-ack')).toBe('yes');
    expect(header(response.head, 'content-type')).toBe('text/plain');
    expect(header(response.head, 'content-length')).toBe(String(Buffer.byteLength('héllo')));
    expect(header(response.head, 'transfer-encoding')).toBeNull();
    expect(response.body.toString()).toBe('héllo');
  });

  it('sends a 204 without a body or a length, whatever body is configured', async () => {
    const response = await answer('/empty', { status: 204, body: 'ignored' });
    expect(response.status).toBe(204);
    expect(header(response.head, 'content-length')).toBeNull();
    expect(response.body.length).toBe(0);
  });

  it('keeps a Content-Length the user configured instead of adding a second one', async () => {
    const response = await answer('/own-length', { status: 200, headers: { 'Content-Length': '2' }, body: 'ok' });
    expect(response.head.match(/^content-length:/gim)).toHaveLength(1);
    expect(response.body.toString()).toBe('ok');
  });
});

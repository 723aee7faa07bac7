import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNED_CONTENT_PREVIEW_BYTES, type Endpoint, type RequestDetail, type RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { connect } from 'node:net';

const SECRET = 'lazy-secret';
let t: TestEngine;
let endpoint: Endpoint;
beforeAll(async () => {
  t = await startTestEngine();
  endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Lazy', path: '/lazy', secret: SECRET })).body.data;
});
afterAll(() => t.stop());

async function latest(): Promise<RequestDetail> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

describe('verification stored strict, explained on read', () => {
  it('keeps no copy of the body in the metadata row, yet the detail has the signed content', async () => {
    const body = JSON.stringify({ event: 'dataset.processed', data: { blob: 'y'.repeat(1024 * 1024) } });
    await t.send('/lazy', { headers: { 'content-type': 'application/json', ...signDcisionAI(SECRET, body) }, body });
    const detail = await latest();
    expect(detail.verification.verdict).toBe('valid');
    // Computed on read over the whole body; a large one's detail carries the first bytes and the size.
    const signed = Buffer.from(`${detail.verification.timestamp.value}.${body}`);
    expect(detail.verification.signed_content_size).toBe(signed.length);
    expect(
      Buffer.from(detail.verification.signed_content_base64 ?? '', 'base64').equals(signed.subarray(0, SIGNED_CONTENT_PREVIEW_BYTES)),
    ).toBe(true);

    const db = new Database(join(t.dataDir, 'hookscope.db'), { readonly: true });
    // The capture's rows beside the body: the narrow list row and the raw request's other facts.
    const row = db
      .prepare(
        `SELECT length(CAST(c.reason || c.path AS BLOB)) + length(d.head) + ifnull(length(d.extra), 0) AS size,
      length(d.body) AS body FROM captures c JOIN capture_data d ON d.id = c.id WHERE c.id = ?`,
      )
      .get(detail.id) as { size: number; body: number };
    db.close();
    expect(row.body).toBe(Buffer.byteLength(body));
    expect(row.size).toBeLessThan(4096);
  });

  it('computes the diagnosis when the capture is read', async () => {
    const pretty = JSON.stringify({ event: 'project.created', data: { id: 'proj_1' } }, null, 2);
    const compact = JSON.stringify(JSON.parse(pretty));
    await t.send('/lazy', { headers: { 'content-type': 'application/json', ...signDcisionAI(SECRET, compact) }, body: pretty });
    const detail = await latest();
    expect(detail.verification).toMatchObject({ verdict: 'invalid', reason: 'signature_mismatch' });
    expect(detail.verification.diagnosis.map((item) => item.code)).toContain('body_reserialized');
  });

  it('judges a request whose upload spans a secret change with the new secret', async () => {
    const body = Buffer.from('{"event":"model.updated","data":{}}');
    const headers = signDcisionAI('rotated-secret', body);
    const { port } = new URL(t.engine.receiverUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const head = [
      `POST /lazy/rotate HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Content-Length: ${body.length}`,
      'Connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ].join('\r\n');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    socket.write(`${head}\r\n\r\n`);
    socket.write(body.subarray(0, 10));
    const updated = await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'rotated-secret' });
    expect(updated.status).toBe(200);
    socket.write(body.subarray(10));
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
    expect(list.body.data[0]).toMatchObject({ path: '/lazy/rotate', verification: { verdict: 'valid' } });
    await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: SECRET });
  });
});

import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaptureExport,
  CurlCommand,
  Endpoint,
  EventTypeInfo,
  ImportResult,
  RequestDetail,
  RequestPage,
} from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { rawRequest } from '../../helpers/raw-http';

const SECRET = 'export_secret';
let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine();
  await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/hooks', secret: SECRET });
});
afterAll(() => t.stop());

async function latest(): Promise<RequestDetail> {
  const list = await t.api<RequestPage>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

/** Every byte value, quotes, percent signs, backslashes, CRLF, a BOM-less UTF-8 and an invalid sequence. */
const NASTY = Buffer.concat([
  Buffer.from(`{"event":"x","s":"it's 100% \\"quoted\\" \\\\ back\\\\slash $HOME \`cmd\` !!"}\r\n\n\t`, 'utf8'),
  Buffer.from('é漢字😀\n', 'utf8'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('7trailing-digit-after-octal'),
]);

async function captureRaw(path: string, body: Buffer, extra: string[] = []): Promise<RequestDetail> {
  const port = new URL(t.engine.receiverUrl).port;
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/octet-stream',
    'X-Empty:',
    ...extra,
    `Content-Length: ${body.length}`,
    'Connection: close',
  ].join('\n');
  await rawRequest(t.engine.receiverUrl, head, body);
  return latest();
}

// Async: the engine under test runs in this process, so a synchronous child would deadlock it.
const run = promisify(execFile);
const hasCurl = spawnSync('curl', ['--version']).status === 0 && spawnSync('bash', ['--version']).status === 0;

describe('GET /api/requests/:id/curl', () => {
  it.skipIf(!hasCurl)('reproduces the exact bytes when run through bash and curl', async () => {
    const original = await captureRaw('/hooks/curl?q=a%20b&[x]=1', NASTY, ["X-Custom: Value With 'Quote'", 'User-Agent: sender/1.0']);
    expect(Buffer.from(original.body_base64 ?? '', 'base64').equals(NASTY)).toBe(true);
    const { body } = await t.api<{ data: CurlCommand }>('GET', `/requests/${original.id}/curl`);
    expect(body.data.command).toContain('--data-binary @-');
    expect(body.data.command).not.toMatch(/ -d /);

    await run('bash', ['-c', body.data.command]);
    const copy = await latest();
    expect(copy.id).toBeGreaterThan(original.id);
    expect(Buffer.from(copy.body_base64 ?? '', 'base64').equals(NASTY)).toBe(true);
    expect(copy.method).toBe('POST');
    expect(copy.path).toBe('/hooks/curl');
    expect(copy.query).toBe('q=a%20b&[x]=1');
    const named = (detail: RequestDetail) => detail.headers.filter(([name]) => !/^(host|content-length|connection)$/i.test(name));
    // Same headers, same order and case; curl adds none of its own (no Accept, no default Content-Type).
    expect(named(copy)).toEqual(named(original));
  });

  it.skipIf(!hasCurl)('handles an empty body, a custom method and another target URL', async () => {
    const port = new URL(t.engine.receiverUrl).port;
    await rawRequest(t.engine.receiverUrl, [`DELETE /hooks/thing HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close'].join('\n'));
    const original = await latest();
    const other = `${t.engine.receiverUrl}/hooks/elsewhere`;
    const { body } = await t.api<{ data: CurlCommand }>('GET', `/requests/${original.id}/curl?url=${encodeURIComponent(other)}`);
    expect(body.data.command).not.toContain('--data-binary');
    await run('bash', ['-c', body.data.command]);
    const copy = await latest();
    expect(copy).toMatchObject({ method: 'DELETE', path: '/hooks/elsewhere', body_size: 0 });
  });

  it('names a bad url and a missing capture', async () => {
    const original = await latest();
    const bad = await t.api<{ error: { message: string } }>('GET', `/requests/${original.id}/curl?url=ftp%3A%2F%2Fx`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/querystring\.url must use http/);
    expect((await t.api('GET', '/requests/999999/curl')).status).toBe(404);
  });
});

describe('HAR and JSON export, HAR import', () => {
  it('round-trips bytes, headers and verdicts through HAR', async () => {
    const text = Buffer.from('{"event":"project.created","data":{"id":"proj_1"}}\r\n', 'utf8');
    const signed = signDcisionAI(SECRET, text);
    const first = await captureRaw('/hooks/one?x=1', text, [
      `X-DcisionAI-Timestamp: ${signed['X-DcisionAI-Timestamp']}`,
      `X-DcisionAI-Signature: ${signed['X-DcisionAI-Signature']}`,
    ]);
    expect(first.verification.verdict).toBe('valid');
    const second = await captureRaw('/hooks/two', NASTY);

    const exported = await fetch(`${t.engine.uiUrl}/api/requests/export.har?ids=${first.id},${second.id}`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="hookscope-.*\.har"/);
    const har = (await exported.json()) as {
      log: {
        version: string;
        creator: { name: string };
        entries: Array<{ request: { postData?: { text: string; encoding?: string }; headers: unknown[] }; response: { status: number } }>;
      };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('Hookscope');
    expect(har.log.entries).toHaveLength(2);
    expect(har.log.entries[0]?.request.postData).toMatchObject({ text: text.toString('utf8') });
    expect(har.log.entries[0]?.request.postData?.encoding).toBeUndefined();
    expect(har.log.entries[1]?.request.postData?.encoding).toBe('base64');

    const imported = await t.api<{ data: ImportResult }>('POST', '/requests/import', har);
    expect(imported.status).toBe(201);
    expect(imported.body.data.imported).toBe(2);
    const [oneId, twoId] = imported.body.data.ids;
    const one = (await t.api<{ data: RequestDetail }>('GET', `/requests/${oneId}`)).body.data;
    const two = (await t.api<{ data: RequestDetail }>('GET', `/requests/${twoId}`)).body.data;
    expect(one).toMatchObject({
      imported: true,
      method: 'POST',
      path: '/hooks/one',
      query: 'x=1',
      headers: first.headers,
      body_base64: first.body_base64,
      received_at: first.received_at,
      endpoint_id: first.endpoint_id,
      event: 'project.created',
    });
    // Verified as of its own arrival time, so an old import keeps its verdict.
    expect(one.verification).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(one.response.status).toBe(first.response.status);
    expect(two.body_base64).toBe(second.body_base64);
    expect(Buffer.from(two.body_base64 ?? '', 'base64').equals(NASTY)).toBe(true);
    expect(two.headers).toEqual(second.headers);
    // The list marks them too, so imported traffic is told apart from live captures.
    const summaries = (await t.api<{ data: Array<{ id: number; imported: boolean }> }>('GET', '/requests?limit=5')).body.data;
    expect(
      summaries
        .filter((summary) => summary.imported)
        .map((summary) => summary.id)
        .sort(),
    ).toEqual([oneId, twoId].sort());
  });

  it('exports JSON (GET and POST) with full details', async () => {
    const capture = await latest();
    const viaGet = await fetch(`${t.engine.uiUrl}/api/requests/export.json?ids=${capture.id}`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
    });
    const document = (await viaGet.json()) as CaptureExport;
    expect(document.hookscope_export).toBe(1);
    expect(document.requests[0]).toMatchObject({ id: capture.id, body_base64: capture.body_base64, headers: capture.headers });

    const viaPost = await t.api<{ log: { entries: unknown[] } }>('POST', '/requests/export', { ids: [capture.id], format: 'har' });
    expect(viaPost.body.log.entries).toHaveLength(1);
    expect((await t.api('GET', '/requests/export.har?ids=999999')).status).toBe(404);
    expect((await t.api<{ error: { message: string } }>('GET', '/requests/export.har')).body.error.message).toMatch(
      /querystring is missing the required field "ids"/,
    );
  });

  it('rejects a document that is not HAR, naming what is missing', async () => {
    const result = await t.api<{ error: { message: string } }>('POST', '/requests/import', {
      log: { entries: [{ request: { url: 'http://x/' } }] },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toMatch(/body\.log\.entries\.0\.request is missing the required field "method"/);
    expect((await t.api('POST', '/requests/import', { entries: [] })).status).toBe(400);
  });
});

describe('event catalog', () => {
  it('GET /api/event-types lists the 16 types with fresh templates and schemas', async () => {
    const first = await t.api<{ data: EventTypeInfo[] }>('GET', '/event-types');
    const second = await t.api<{ data: EventTypeInfo[] }>('GET', '/event-types');
    expect(first.body.data).toHaveLength(16);
    const trained = first.body.data.find((entry) => entry.type === 'model.trained');
    expect(trained).toMatchObject({ category: 'model', description: 'A model has completed training' });
    expect(trained?.template.event).toBe('model.trained');
    expect(trained?.schema.required).toContain('metrics');
    const again = second.body.data.find((entry) => entry.type === 'model.trained');
    expect(again?.template.data.id).not.toBe(trained?.template.data.id);
  });

  it('adds conformance to the capture detail of a JSON event body', async () => {
    const bad = {
      event: 'model.trained',
      data: {
        id: 'model_1',
        project_id: 'proj_1',
        name: 'M',
        status: 'trained',
        metrics: { accuracy: 'high' },
        created_at: '2023-01-01T00:00:00Z',
        updated_at: '2023-01-01T00:00:00Z',
      },
    };
    await t.send('/hooks/c', { body: JSON.stringify(bad), headers: { 'content-type': 'application/json' } });
    const detail = await latest();
    expect(detail.conformance?.event_type_known).toBe(true);
    const paths = detail.conformance?.issues.map((issue) => issue.path);
    expect(paths).toContain('data.metrics.accuracy');
    expect(paths).toContain('data.metrics.precision');

    await t.send('/hooks/c', { body: '{"event":"model.exploded","data":{}}', headers: { 'content-type': 'application/json' } });
    expect((await latest()).conformance).toMatchObject({ event_type_known: false, issues: [{ path: 'event' }] });

    await t.send('/hooks/c', { body: 'plain text' });
    expect((await latest()).conformance).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type RequestDetail, type RequestPage, type SentRequest } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { header, startHttpSink, type HttpSink } from '../../helpers/http-sink';
import { rawRequest } from '../../helpers/raw-http';
import type { HeaderPairs } from '../../../src/shared/http-headers';

const SECRET = 'replay_secret_123';
const BODY = '{"event":"project.created","data":{"id":"proj_1","name":"Caf\u00e9"}}\r\n';
let t: TestEngine;
let sink: HttpSink;
let endpoint: Endpoint;

beforeAll(async () => {
  t = await startTestEngine();
  sink = await startHttpSink();
  endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Replay', path: '/hooks/dcisionai', secret: SECRET })).body
    .data;
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

async function latest(): Promise<RequestDetail> {
  const list = await t.api<RequestPage>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

/** A capture written byte for byte (odd header case, duplicates, a CRLF body), signed an hour ago. */
async function captureStaleSigned(): Promise<RequestDetail> {
  const signed = signDcisionAI(SECRET, BODY, Math.floor(Date.now() / 1000) - 3600);
  const port = new URL(t.engine.receiverUrl).port;
  const head = [
    'POST /hooks/dcisionai/sub?b=2&a=1 HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'content-TYPE: application/json',
    'X-Dup: one',
    `X-DcisionAI-Timestamp: ${signed['X-DcisionAI-Timestamp']}`,
    `X-DcisionAI-Signature: ${signed['X-DcisionAI-Signature']}`,
    'X-Dup: two',
    `Content-Length: ${Buffer.byteLength(BODY)}`,
    'Connection: close',
  ].join('\n');
  await rawRequest(t.engine.receiverUrl, head, Buffer.from(BODY));
  const capture = await latest();
  expect(capture.verification).toMatchObject({ verdict: 'invalid', reason: 'timestamp_expired' });
  return capture;
}

const replay = (id: number, body: unknown) => t.api<{ data: SentRequest }>('POST', `/requests/${id}/replay`, body);
const endToEnd = (headers: HeaderPairs) => headers.filter(([name]) => !/^(connection|content-length)$/i.test(name));

describe('POST /api/requests/:id/replay', () => {
  it("as-is: byte-identical body and headers at the app's own receiver, old signature included", async () => {
    const original = await captureStaleSigned();
    const result = await replay(original.id, { mode: 'as-is' });
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({
      source: 'replay',
      source_request_id: original.id,
      replay_mode: 'as-is',
      signature: null,
      error: null,
    });
    expect(result.body.data.request.url).toBe(`${t.engine.receiverUrl}/hooks/dcisionai/sub?b=2&a=1`);
    expect(result.body.data.response?.status).toBe(200);

    const copy = await latest();
    expect(copy.id).toBeGreaterThan(original.id);
    expect(copy.body_base64).toBe(original.body_base64);
    expect(copy.path).toBe(original.path);
    expect(copy.query).toBe(original.query);
    // Same end-to-end headers in the same order and case (duplicates too); only the connection's own differ.
    expect(endToEnd(copy.headers)).toEqual(endToEnd(original.headers));
    expect(copy.verification.signature.received).toBe(original.verification.signature.received);
    expect(copy.verification.reason).toBe('timestamp_expired');
  });

  it("resign: a fresh timestamp and signature with the endpoint's secret, valid at the receiver", async () => {
    const original = await captureStaleSigned();
    const result = await replay(original.id, { mode: 'resign' });
    expect(result.body.data.signature?.scheme).toBe('dcisionai');
    const copy = await latest();
    expect(copy.verification).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(copy.body_base64).toBe(original.body_base64);
    expect(copy.headers.filter(([name]) => /x-dcisionai-signature/i.test(name))).toHaveLength(1);
    expect(endToEnd(copy.headers).filter(([name]) => !/x-dcisionai/i.test(name))).toEqual(
      endToEnd(original.headers).filter(([name]) => !/x-dcisionai/i.test(name)),
    );
  });

  it("resign with another secret than the endpoint's is invalid there; with the same one it is valid", async () => {
    const original = await captureStaleSigned();
    await replay(original.id, { mode: 'resign', secret: 'someone-elses' });
    expect((await latest()).verification.reason).toBe('signature_mismatch');
    await replay(original.id, { mode: 'resign', secret: SECRET, scheme: 'dcisionai' });
    expect((await latest()).verification.verdict).toBe('valid');
  });

  it('edited: the given bytes, signed, to any URL; an independent signer agrees', async () => {
    const original = await captureStaleSigned();
    const edited = Buffer.from('{"event":"project.updated","data":{"id":"proj_1"}}\n\u0000binary', 'utf8');
    const result = await replay(original.id, { mode: 'edited', body_base64: edited.toString('base64'), url: `${sink.url}/elsewhere` });
    expect(result.body.data.replay_mode).toBe('edited');
    const seen = sink.last();
    expect(seen.url).toBe('/elsewhere');
    expect(seen.body.equals(edited)).toBe(true);
    expect(header(seen.headers, 'host')).toBe(new URL(sink.url).host);
    expect(header(seen.headers, 'content-length')).toBe(String(edited.length));
    const timestamp = Number(header(seen.headers, 'x-dcisionai-timestamp'));
    expect(header(seen.headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, edited, timestamp)['X-DcisionAI-Signature']);
    expect(seen.headers.filter(([name]) => /^connection$/i.test(name)).map(([, value]) => value)).toEqual(['keep-alive']);

    // The replay is in the Sent history and can be sent again.
    const history = await t.api<{ data: SentRequest }>('GET', `/sent/${result.body.data.id}`);
    expect(history.body.data.request.body_base64).toBe(edited.toString('base64'));
  });

  it('needs a secret to re-sign, a body to edit, and names the field otherwise', async () => {
    // A fresh data directory's catch-all has a generated secret: this case needs one without.
    expect((await t.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' })).status).toBe(200);
    const unsigned = await t.send('/no-endpoint', { body: 'x' });
    expect(unsigned.status).toBe(200);
    const capture = await latest();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ mode: 'resign' }, 400, /body\.secret is required for mode "resign": endpoint "Catch-all"/],
      [{ mode: 'edited' }, 400, /body\.body_base64 is required for mode "edited"/],
      [{ mode: 'as-is', secret: 'x' }, 400, /"as-is" keeps the original signature/],
      [{ mode: 'as-is', body_base64: 'eA==' }, 400, /only used with mode "edited"/],
      [{ mode: 'sideways' }, 400, /body\.mode must be one of "as-is", "resign", "edited"/],
      [{}, 400, /body is missing the required field "mode"/],
      [{ mode: 'as-is', url: 'mailto:x@example.com' }, 400, /body\.url must use http/],
      [{ mode: 'resign', secret: 's', scheme: 'nope' }, 400, /body\.scheme "nope" is not supported/],
    ];
    for (const [body, status, message] of cases) {
      const result = await t.api<{ error: { message: string } }>('POST', `/requests/${capture.id}/replay`, body);
      expect(result.status, JSON.stringify(body)).toBe(status);
      expect(result.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await replay(999999, { mode: 'as-is' })).status).toBe(404);
    expect(endpoint.forward_to).toBeNull();
  });

  it('refuses an as-is replay of a truncated capture', async () => {
    const small = await startTestEngine({ bodyLimitBytes: 8 });
    try {
      await small.send('/x', { body: '0123456789abcdef' });
      const list = await small.api<RequestPage>('GET', '/requests?limit=1');
      const result = await small.api<{ error: { code: string } }>('POST', `/requests/${list.body.data[0]?.id}/replay`, { mode: 'as-is' });
      expect(result.status).toBe(409);
      expect(result.body.error.code).toBe('body_truncated');
    } finally {
      await small.stop();
    }
  });
});

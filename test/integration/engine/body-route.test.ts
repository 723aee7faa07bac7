import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INLINE_BODY_LIMIT_BYTES, SIGNED_CONTENT_PREVIEW_BYTES, type RequestDetail, type RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** GET /api/requests/:id/body on the real socket, with the token unless `token: null`. */
function getBody(id: number, init: { range?: string; token?: string | null; query?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? t.engine.token}`;
  if (init.range !== undefined) headers.range = init.range;
  return fetch(`${t.engine.uiUrl}/api/requests/${id}/body${init.query ?? ''}`, { headers });
}

async function capture(body: Buffer, headers: Record<string, string> = {}): Promise<number> {
  const response = await t.send('/body-route', { headers, body });
  expect(response.status).toBe(200);
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return list.body.data[0]?.id as number;
}

/** Bytes that are not text: every byte value, then a pattern. */
function binary(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  return bytes;
}

describe('GET /api/requests/:id/body', () => {
  it('answers the exact stored bytes with the capture content type and length', async () => {
    const body = binary(300_000);
    const id = await capture(body, { 'content-type': 'application/vnd.custom+json; charset=utf-8' });
    const response = await getBody(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.custom+json; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it('answers application/octet-stream when the capture has no content type', async () => {
    const id = await capture(Buffer.from('plain bytes'));
    const response = await getBody(id);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(await response.text()).toBe('plain bytes');
  });

  it('serves one byte range: a-b, a- and -n, with 206 and Content-Range', async () => {
    const body = binary(1000);
    const id = await capture(body);
    const cases: Array<[string, number, number]> = [
      ['bytes=0-99', 0, 99],
      ['bytes=990-2000', 990, 999], // the end is clamped to the last byte
      ['bytes=500-', 500, 999],
      ['bytes=-10', 990, 999],
      ['bytes=-5000', 0, 999], // a suffix longer than the body is the whole body
      ['bytes=999-999', 999, 999],
    ];
    for (const [range, start, end] of cases) {
      const response = await getBody(id, { range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/1000`);
      expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(body.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers an empty body as 200 with no bytes, not as a missing capture', async () => {
    const id = await capture(Buffer.alloc(0));
    const response = await getBody(id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('streams a body of several megabytes exactly, whole and in a range across its slices', async () => {
    const body = binary(2_500_000 + 7);
    const id = await capture(body);
    const whole = await getBody(id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(body.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(body)).toBe(true);
    const part = await getBody(id, { range: 'bytes=1048000-2097999' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-length')).toBe('1050000');
    expect(part.headers.get('content-range')).toBe(`bytes 1048000-2097999/${body.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(1_048_000, 2_098_000))).toBe(true);
  });

  it('answers 416 with Content-Range bytes */size for a range that selects nothing', async () => {
    const id = await capture(binary(100));
    for (const range of ['bytes=100-', 'bytes=100-200', 'bytes=-0']) {
      const response = await getBody(id, { range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe('bytes */100');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
    }
    const empty = await capture(Buffer.alloc(0));
    const response = await getBody(empty, { range: 'bytes=0-' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */0');
  });

  it('ignores a Range it does not serve (several ranges, another unit, nonsense) and sends the whole body', async () => {
    const body = binary(100);
    const id = await capture(body);
    for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=9-3', 'bytes=x-y']) {
      const response = await getBody(id, { range });
      expect(response.status, range).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(body), range).toBe(true);
    }
  });

  it('adds a Content-Disposition with a file name for ?download=1', async () => {
    const id = await capture(Buffer.from('{"a":1}'), { 'content-type': 'application/json' });
    const response = await getBody(id, { query: '?download=1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="capture-${id}-body.json"`);
    expect(await response.text()).toBe('{"a":1}');
    const octets = await capture(binary(10), { 'content-type': 'application/octet-stream' });
    expect((await getBody(octets, { query: '?download=1' })).headers.get('content-disposition')).toBe(
      `attachment; filename="capture-${octets}-body.bin"`,
    );
  });

  it('keeps captured bytes from running as a page of this origin', async () => {
    const id = await capture(Buffer.from('<script>alert(1)</script>'), { 'content-type': 'text/html' });
    const response = await getBody(id);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 with the usual error for an unknown id, 400 for a bad one', async () => {
    const missing = await getBody(999_999);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No request with id "999999".' } });
    const bad = await fetch(`${t.engine.uiUrl}/api/requests/abc/body`, { headers: { authorization: `Bearer ${t.engine.token}` } });
    expect(bad.status).toBe(400);
  });

  it('needs the token, as the rest of the control API', async () => {
    const id = await capture(Buffer.from('secret body'));
    const without = await getBody(id, { token: null });
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await getBody(id, { token: 'wrong' })).status).toBe(401);
    // The stream's ?token= is the stream's only: it does not open bodies.
    const viaQuery = await fetch(`${t.engine.uiUrl}/api/requests/${id}/body?token=${t.engine.token}`);
    expect(viaQuery.status).toBe(401);
  });
});

describe('GET /api/requests/:id and large bodies', () => {
  it('keeps bodies up to the inline limit inline', async () => {
    const body = binary(INLINE_BODY_LIMIT_BYTES);
    const id = await capture(body);
    const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
    expect(detail.body_base64).not.toBeNull();
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').equals(body)).toBe(true);
  });

  it('leaves a larger body out (null), still verifying it against the whole bytes', async () => {
    const secret = 'whsec_larger_body';
    expect((await t.api('PUT', '/endpoints/ep_default', { secret })).status).toBe(200);
    const body = binary(INLINE_BODY_LIMIT_BYTES + 1);
    const id = await capture(body, signDcisionAI(secret, body));
    // The detail verifies on read, with the endpoint's secret, over every stored byte.
    const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
    await t.api('PUT', '/endpoints/ep_default', { secret: '' });
    expect(detail.body_base64).toBeNull();
    expect(detail.body_size).toBe(body.length);
    expect(detail.verification.verdict).toBe('valid');
    const response = await getBody(id);
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it("sends only the first bytes of a large signed body's signed content, with its whole size", async () => {
    const secret = 'whsec_large_body_route';
    expect((await t.api('PUT', '/endpoints/ep_default', { secret })).status).toBe(200);
    try {
      const body = Buffer.from(JSON.stringify({ event: 'project.created', data: { blob: 'x'.repeat(INLINE_BODY_LIMIT_BYTES * 2) } }));
      const headers = signDcisionAI(secret, body);
      const id = await capture(body, headers);
      const response = await fetch(`${t.engine.uiUrl}/api/requests/${id}`, { headers: { authorization: `Bearer ${t.engine.token}` } });
      const text = await response.text();
      const detail = (JSON.parse(text) as { data: RequestDetail }).data;
      expect(detail.verification.verdict).toBe('valid');
      const signed = Buffer.concat([Buffer.from(`${headers['X-DcisionAI-Timestamp']}.`), body]);
      expect(detail.verification.signed_content_size).toBe(signed.length);
      expect(
        Buffer.from(detail.verification.signed_content_base64 ?? '', 'base64').equals(signed.subarray(0, SIGNED_CONTENT_PREVIEW_BYTES)),
      ).toBe(true);
      // Neither the body nor the whole signed content travels: the answer stays small.
      expect(text.length).toBeLessThan(SIGNED_CONTENT_PREVIEW_BYTES * 2);
    } finally {
      await t.api('PUT', '/endpoints/ep_default', { secret: '' });
    }
  });

  it("keeps a small body's whole signed content, without a size", async () => {
    const secret = 'whsec_small_body_route';
    expect((await t.api('PUT', '/endpoints/ep_default', { secret })).status).toBe(200);
    try {
      const body = Buffer.from('{"event":"project.created","data":{}}');
      const headers = signDcisionAI(secret, body);
      const id = await capture(body, headers);
      const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
      expect(detail.verification.signed_content_size).toBeUndefined();
      expect(Buffer.from(detail.verification.signed_content_base64 ?? '', 'base64').toString()).toBe(
        `${headers['X-DcisionAI-Timestamp']}.${body.toString()}`,
      );
    } finally {
      await t.api('PUT', '/endpoints/ep_default', { secret: '' });
    }
  });

  it('exports keep the whole body of a large capture', async () => {
    const body = binary(INLINE_BODY_LIMIT_BYTES * 2);
    const id = await capture(body);
    const response = await fetch(`${t.engine.uiUrl}/api/requests/export.json?ids=${id}`, {
      headers: { authorization: `Bearer ${t.engine.token}` },
    });
    const document = (await response.json()) as { requests: Array<{ body_base64: string }> };
    expect(Buffer.from(document.requests[0]?.body_base64 ?? '', 'base64').equals(body)).toBe(true);
  });
});

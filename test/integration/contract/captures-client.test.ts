import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { ApiRequestError } from '../../../src/shared/contract/errors';
import {
  clearRequests,
  deleteRequest,
  getRequest,
  getRequestBody,
  listRequests,
  updateRequest,
} from '../../../src/shared/contract/history';
import { exportJson, getCurl, importHar } from '../../../src/shared/contract/export';
import { CATCH_ALL_ENDPOINT_ID } from '../../../src/shared/contract/endpoints';
import { updateEndpoint } from '../../../src/shared/contract/endpoints';

/** The history and export operations, called through the typed client the renderer uses. */
describe('captures through the typed client', () => {
  let t: TestEngine;
  const auth = () => ({ authorization: `Bearer ${t.engine.token}` });

  beforeAll(async () => {
    t = await startTestEngine();
    await t.client.data(updateEndpoint, { params: { id: CATCH_ALL_ENDPOINT_ID }, body: { secret: '' } });
    await t.send('/typed/a?x=1', {
      headers: { 'content-type': 'application/json', 'X-Trace': 'a' },
      body: '{"event":"model.trained","data":{}}',
    });
    await t.send('/typed/b', { body: 'second' });
  });
  afterAll(() => t.stop());

  it('lists, reads, pins and pages', async () => {
    const page = await t.client.call(listRequests, { query: { limit: '1' } });
    expect(page.data.map((row) => row.path)).toEqual(['/typed/b']);
    expect(page).toMatchObject({ matching: 2, total: 2 });
    const older = await t.client.call(listRequests, { query: { limit: '10', before: String(page.next_before) } });
    expect(older.data.map((row) => row.path)).toEqual(['/typed/a']);

    const id = String(older.data[0]?.id);
    const detail = await t.client.data(getRequest, { params: { id } });
    expect(detail.headers).toContainEqual(['X-Trace', 'a']);
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').toString()).toBe('{"event":"model.trained","data":{}}');
    // The answer's serializer writes only what the schema lists: every field the engine has must be in it.
    expect(Object.keys(detail).sort()).toEqual(
      [
        'id',
        'received_at',
        'method',
        'path',
        'query',
        'url',
        'public_url',
        'http_version',
        'headers',
        'body_base64',
        'body_size',
        'truncated',
        'aborted',
        'remote_address',
        'remote_port',
        'forwarded',
        'endpoint_id',
        'event',
        'verification',
        'response',
        'timing',
        'duplicate_of',
        'forward',
        'conformance',
        'imported',
        'pinned',
        'response_by_parser',
        'handshake',
      ].sort(),
    );
    expect(detail.conformance?.event_type_known).toBe(true);
    expect(detail.conformance?.issues).toContainEqual({ path: 'data.id', message: 'data is missing the required field "id".' });

    const pinned = await t.client.data(updateRequest, { params: { id }, body: { pinned: true } });
    expect(pinned).toMatchObject({ id: Number(id), pinned: true, path: '/typed/a' });
  });

  it('reads the body bytes from the URL the client builds', async () => {
    const [newest] = (await t.client.call(listRequests)).data;
    const url = t.client.url(getRequestBody, { params: { id: String(newest?.id) }, query: { download: '1' } });
    const response = await fetch(url, { headers: auth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="capture-${newest?.id}-body.txt"`);
    expect(await response.text()).toBe('second');
  });

  it('copies as cURL, exports and imports', async () => {
    const [newest] = (await t.client.call(listRequests)).data;
    const id = String(newest?.id);
    const { command } = await t.client.data(getCurl, { params: { id } });
    expect(command).toContain('curl');

    const exported = await fetch(t.client.url(exportJson, { query: { ids: id } }), { headers: auth() });
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="hookscope-.*\.json"$/);
    expect(((await exported.json()) as { requests: Array<{ path: string }> }).requests.map((r) => r.path)).toEqual(['/typed/b']);

    const imported = await t.client.data(importHar, {
      body: { log: { entries: [{ request: { method: 'PUT', url: 'http://localhost/imported', headers: [] } }] } },
    });
    expect(imported.imported).toBe(1);
    const detail = await t.client.data(getRequest, { params: { id: String(imported.ids[0]) } });
    expect(detail).toMatchObject({ method: 'PUT', path: '/imported', imported: true });
  });

  it('deletes one and clears the rest, keeping the pinned one; errors carry the code', async () => {
    const [newest] = (await t.client.call(listRequests)).data;
    expect(await t.client.data(deleteRequest, { params: { id: String(newest?.id) } })).toEqual({ id: newest?.id, deleted: true });
    const missing = await t.client.data(getRequest, { params: { id: String(newest?.id) } }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiRequestError);
    expect((missing as ApiRequestError).code).toBe('not_found');
    expect(await t.client.data(clearRequests)).toEqual({ deleted: 1, kept_pinned: 1 });
    expect((await t.client.call(listRequests)).data.map((row) => row.path)).toEqual(['/typed/a']);
  });
});

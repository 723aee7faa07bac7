import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

type ErrorBody = { error: { code: string; message: string } };

describe('endpoints API', () => {
  it('has the catch-all endpoint with the documented defaults', async () => {
    const list = await t.api<{ data: Endpoint[] }>('GET', '/endpoints');
    const catchAll = list.body.data.find((e) => e.id === CATCH_ALL_ENDPOINT_ID);
    expect(catchAll).toMatchObject({
      path: '/',
      scheme: 'dcisionai',
      tolerance_seconds: 300,
      enforce: false,
      response: { status: 200, body: '{"received": true}', delay_ms: 0 },
    });
    // Generated on first run, in the shape of the guide's secrets, so the sample command is signable at once.
    expect(catchAll?.secret).toMatch(/^webhook_secret_[0-9a-f]{32}$/);
  });

  it('creates, reads, updates and deletes, normalizing the prefix', async () => {
    const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Stripe', path: '/stripe/', secret: 's' });
    expect(created.status).toBe(201);
    expect(created.body.data.path).toBe('/stripe');
    expect(created.body.data.id).toMatch(/^ep_[0-9a-f]{16}$/);
    const id = created.body.data.id;
    expect((await t.api<{ data: Endpoint }>('GET', `/endpoints/${id}`)).body.data.name).toBe('Stripe');
    const updated = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${id}`, { tolerance_seconds: 60, response: { status: 204 } });
    expect(updated.body.data).toMatchObject({ tolerance_seconds: 60, secret: 's', response: { status: 204, delay_ms: 0 } });
    expect((await t.api('DELETE', `/endpoints/${id}`)).status).toBe(200);
    expect((await t.api('GET', `/endpoints/${id}`)).status).toBe(404);
  });

  it('routes a request to the longest matching prefix on a segment boundary', async () => {
    const outer = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/hooks' })).body.data;
    const inner = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/hooks/github' })).body.data;
    const cases: Array<[string, string]> = [
      ['/hooks/github/push', inner.id],
      ['/hooks/github', inner.id],
      ['/hooks/githubx', outer.id],
      ['/hooks', outer.id],
      ['/hooksy', CATCH_ALL_ENDPOINT_ID],
    ];
    for (const [path, expected] of cases) {
      await t.send(path, { body: '{}' });
      const list = await t.api<{ data: Array<{ endpoint_id: string; path: string }> }>('GET', '/requests?limit=1');
      expect([path, list.body.data[0]?.endpoint_id]).toEqual([path, expected]);
    }
  });

  it('answers bad input with a 4xx naming the field', async () => {
    const cases: Array<[unknown, RegExp, number]> = [
      [{ name: 'x' }, /path/, 400],
      [{ path: 'no-slash' }, /must start with "\/"/, 400],
      [{ path: '/a', tolerance_seconds: 'soon' }, /tolerance_seconds/, 400],
      [{ path: '/a', scheme: 'md5-magic' }, /scheme "md5-magic" is not supported/, 400],
      [{ path: '/a', response: { status: 999 } }, /response\.status/, 400],
      [{ path: '/a', colour: 'blue' }, /unknown field "colour"/, 400],
      [{ path: '/' }, /already belongs/, 409],
    ];
    for (const [body, message, status] of cases) {
      const response = await t.api<ErrorBody>('POST', '/endpoints', body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), status]);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('keeps the catch-all: it cannot move or be deleted', async () => {
    const moved = await t.api<ErrorBody>('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { path: '/x' });
    expect(moved.status).toBe(409);
    const deleted = await t.api<ErrorBody>('DELETE', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`);
    expect(deleted.status).toBe(409);
    const renamed = await t.api<{ data: Endpoint }>('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: 'abc' });
    expect(renamed.body.data.secret).toBe('abc');
  });

  it('404 for unknown ids', async () => {
    expect((await t.api<ErrorBody>('PUT', '/endpoints/ep_missing', { name: 'x' })).status).toBe(404);
    expect((await t.api<ErrorBody>('GET', '/requests/999999')).body.error.code).toBe('not_found');
  });
});

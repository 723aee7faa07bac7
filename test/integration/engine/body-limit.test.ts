import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

const LIMIT = 64 * 1024;
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ bodyLimitBytes: LIMIT });
});
afterAll(() => t.stop());

async function latest(): Promise<RequestDetail> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

describe('body limit', () => {
  it('keeps a body of exactly the limit whole', async () => {
    const body = Buffer.alloc(LIMIT, 0x61);
    const response = await t.send('/limit', { body });
    expect(response.status).toBe(200);
    const detail = await latest();
    expect(detail.truncated).toBe(false);
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').equals(body)).toBe(true);
  });

  it('answers 413 past the limit and records a truncated capture with its headers and real size', async () => {
    const body = Buffer.alloc(LIMIT * 3 + 7, 0x62);
    const response = await t.send('/too-big', { headers: { 'X-Big': 'yes' }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'Payload too large', limit_bytes: LIMIT });
    const detail = await latest();
    expect(detail).toMatchObject({ path: '/too-big', truncated: true, body_size: LIMIT * 3 + 7 });
    expect(Buffer.from(detail.body_base64 ?? '', 'base64').length).toBe(LIMIT);
    expect(detail.headers).toContainEqual(['X-Big', 'yes']);
    expect(detail.response.status).toBe(413);
  });
});

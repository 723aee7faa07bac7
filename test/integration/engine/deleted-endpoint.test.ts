import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestPage } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

describe('a capture whose endpoint was deleted', () => {
  it('keeps the verdict it got and shows the signature and timestamp it carried', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Gone', path: '/gone', secret: 'gone-secret' })).body
      .data;
    const body = JSON.stringify({ event: 'project.created', data: { id: 'proj_1' } });
    const signature = signDcisionAI('gone-secret', body, 1_765_000_000);
    await t.send('/gone', { headers: { 'content-type': 'application/json', ...signature }, body });
    const id = (await t.api<RequestPage>('GET', '/requests?limit=1')).body.data[0]?.id as number;
    expect((await t.api('DELETE', `/endpoints/${endpoint.id}`)).status).toBe(200);

    const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
    expect(detail.endpoint_id).toBe(endpoint.id);
    // Signed an hour+ before arrival, so it was judged expired; that stays.
    expect(detail.verification).toMatchObject({
      scheme: 'dcisionai',
      verdict: 'invalid',
      reason: 'timestamp_expired',
      signature: { received: signature['X-DcisionAI-Signature'] },
      timestamp: { value: 1_765_000_000 },
    });
    expect(detail.verification.diagnosis.map((item) => item.code)).toEqual(['endpoint_deleted']);
  });
});

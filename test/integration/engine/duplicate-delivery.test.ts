import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function sendDelivery(path: string): Promise<RequestSummary> {
  await t.send(path, { headers: { 'X-DcisionAI-Delivery': 'dlv_same' }, body: '{}' });
  return (await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1')).body.data[0] as RequestSummary;
}

describe('duplicate deliveries', () => {
  it('flags a repeat only of a delivery that was acknowledged, not a retry after a failure', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/flaky', response: { status: 503 } })).body.data;
    const failed = await sendDelivery('/flaky');
    expect(failed).toMatchObject({ response_status: 503, duplicate_of: null });

    await t.api('PUT', `/endpoints/${endpoint.id}`, { response: { status: 200 } });
    const retried = await sendDelivery('/flaky');
    expect(retried).toMatchObject({ response_status: 200, duplicate_of: null });

    const repeated = await sendDelivery('/flaky');
    expect(repeated.duplicate_of).toBe(retried.id);
  });
});

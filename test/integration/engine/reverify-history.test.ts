import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestSummary } from '../../../src/shared/api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

// Re-verification walks a long history in batches (250 captures per transaction) with a turn
// of the event loop between them, so the receiver keeps answering while a secret change is
// applied to thousands of stored requests.
const BODY = '{"event":"project.created","data":{"id":"proj_1"}}';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function capture(path: string, count: number, secret: string): Promise<void> {
  for (let sent = 0; sent < count; sent += 100) {
    const responses = await Promise.all(
      Array.from({ length: Math.min(100, count - sent) }, () => t.send(path, { headers: signDcisionAI(secret, BODY), body: BODY })),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
  }
}

async function verdicts(endpointId: string): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  let before: number | null = null;
  do {
    const page: { status: number; body: { data: RequestSummary[]; next_before: number | null } } = await t.api(
      'GET',
      `/requests?limit=500${before === null ? '' : `&before=${before}`}`,
    );
    for (const summary of page.body.data.filter((s) => s.endpoint_id === endpointId)) {
      tally[summary.verification.verdict] = (tally[summary.verification.verdict] ?? 0) + 1;
    }
    before = page.body.next_before;
  } while (before !== null);
  return tally;
}

describe('re-verifying a long history', () => {
  it('updates every capture, and the receiver answers while it runs', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/long', secret: 'old' })).body.data;
    await capture('/long', 3000, 'new');
    expect(await verdicts(endpoint.id)).toEqual({ invalid: 3000 });

    const order: string[] = [];
    const update = t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'new' }).then((response) => {
      order.push('update');
      return response;
    });
    // Sent while the pass runs (12 batches): answered between two of them, before the update ends.
    const during = t.send('/elsewhere', { body: 'x' }).then((response) => {
      order.push('receiver');
      return response;
    });
    expect((await update).status).toBe(200);
    expect((await during).status).toBe(200);
    expect(order).toEqual(['receiver', 'update']);
    expect(await verdicts(endpoint.id)).toEqual({ valid: 3000 });
  });

  it('lets a newer change win over a pass still running', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/twice', secret: 'first' })).body.data;
    await capture('/twice', 1000, 'third');
    const [second, third] = await Promise.all([
      t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'second' }),
      t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'third' }),
    ]);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(await verdicts(endpoint.id)).toEqual({ valid: 1000 });
  });
});

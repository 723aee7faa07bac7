import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryStats, DeliveryStatsSeries } from '../../../src/shared/platform-api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink';
import { deliveryIn, emit, onlyDelivery, setRetry, subscribe } from './helpers';

let t: TestEngine;
let target: WebhookSink;
beforeAll(async () => {
  t = await startTestEngine();
  target = await startSink();
});
afterAll(async () => {
  await target.close();
  await t.stop();
});

describe("monitoring: the guide's getDeliveryStats over the last 24 h", () => {
  it('is all zeros, not NaN, with no deliveries', async () => {
    const subscription = await subscribe(t, target.url, ['dataset.processed']);
    const stats = await t.api<{ data: DeliveryStats }>('GET', `/webhooks/${subscription.id}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({ data: { total: 0, successful: 0, failed: 0, successRate: 0, averageResponseTime: 0 } });
    const series = await t.api<{ data: DeliveryStatsSeries }>('GET', `/webhooks/${subscription.id}/stats/series`);
    expect(series.body.data.bucket_minutes).toBe(60);
    expect(series.body.data.buckets.length).toBeGreaterThanOrEqual(24);
    expect(series.body.data.buckets.length).toBeLessThanOrEqual(25);
    expect(series.body.data.buckets.every((b) => b.total === 0 && b.successRate === 0 && b.averageResponseTime === 0)).toBe(true);
  });

  it('counts each attempt as one tracked delivery: 2 failures then a success is 1 of 3, 33.33 %', async () => {
    await setRetry(t, { max_attempts: 3, base_delay_ms: 20 });
    const subscription = await subscribe(t, target.url, ['model.deployed']);
    target.plan([
      { status: 500, delayMs: 30 },
      { status: 502, delayMs: 30 },
      { status: 200, delayMs: 30 },
    ]);
    const id = onlyDelivery(await emit(t, 'model.deployed'));
    const detail = await deliveryIn(t, id, 'succeeded');
    const stats = (await t.api<{ data: DeliveryStats }>('GET', `/webhooks/${subscription.id}/stats`)).body.data;
    const mean = detail.attempts.reduce((sum, a) => sum + a.duration_ms, 0) / 3;
    expect(stats).toEqual({ total: 3, successful: 1, failed: 2, successRate: 33.33, averageResponseTime: Math.round(mean * 100) / 100 });
    expect(stats.averageResponseTime).toBeGreaterThanOrEqual(25);

    // One more success: 2 of 4 = 50 %.
    await deliveryIn(t, onlyDelivery(await emit(t, 'model.deployed')), 'succeeded');
    const after = (await t.api<{ data: DeliveryStats }>('GET', `/webhooks/${subscription.id}/stats`)).body.data;
    expect(after).toMatchObject({ total: 4, successful: 2, failed: 2, successRate: 50 });

    const series = (await t.api<{ data: DeliveryStatsSeries }>('GET', `/webhooks/${subscription.id}/stats/series?bucket_minutes=15`)).body
      .data;
    expect(series.bucket_minutes).toBe(15);
    expect(series.buckets.length).toBeGreaterThanOrEqual(96);
    const current = series.buckets.filter((b) => b.total > 0);
    expect(current.reduce((sum, b) => sum + b.total, 0)).toBe(4);
    expect(Date.parse(series.buckets[0]?.start ?? '') % (15 * 60_000)).toBe(0);
    expect(series.buckets.map((b) => b.start)).toEqual([...series.buckets.map((b) => b.start)].sort());
    expect((await t.api('GET', `/webhooks/${subscription.id}/stats/series?bucket_minutes=0`)).status).toBe(400);
    expect((await t.api('GET', `/webhooks/${subscription.id}/stats/series?bucket_minutes=abc`)).status).toBe(400);
    await setRetry(t, { preset: 'guide' });
  });
});

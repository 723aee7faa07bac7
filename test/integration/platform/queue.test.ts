import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookSubscription } from '../../../src/shared/platform-api';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';
import { startSink } from '../../helpers/webhook-sink';
import { delivery, deliveryIn, emit, onlyDelivery, removeSubscriptions, setRetry, SinkPool, subscribe } from './helpers';
import { rmSync } from 'node:fs';

let t: TestEngine;
const sinks = new SinkPool();
const sink = () => sinks.start();

beforeAll(async () => {
  t = await startTestEngine();
});
afterEach(async () => {
  await removeSubscriptions(t);
  await sinks.closeAll();
  await setRetry(t, { preset: 'guide' });
});
afterAll(() => t.stop());

const bodyOf = (request: { body: Buffer }) => JSON.parse(request.body.toString('utf8')) as { event: string; data: { n: number } };

describe('the delivery queue', () => {
  it('delivers to one subscription one at a time, in order, even when the first needs retries', async () => {
    await setRetry(t, { max_attempts: 3, base_delay_ms: 100 });
    const target = await sink();
    // Slow answers make overlap visible if it happened; the first delivery fails once.
    target.fallback = { status: 200, delayMs: 40 };
    target.plan([{ status: 503, delayMs: 40 }]);
    await subscribe(t, target.url);
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) ids.push(onlyDelivery(await emit(t, 'project.created', { n })));
    for (const id of ids) await deliveryIn(t, id, 'succeeded');
    // n=0 twice (503, then 200), then 1..4: never n=1 before n=0 succeeded.
    expect(target.requests.map((r) => bodyOf(r).data.n)).toEqual([0, 0, 1, 2, 3, 4]);
    // One at a time: each request arrived after the previous one had been answered (~40 ms).
    for (let index = 1; index < target.requests.length; index += 1) {
      expect((target.requests[index]?.at ?? 0) - (target.requests[index - 1]?.at ?? 0)).toBeGreaterThanOrEqual(35);
    }
  });

  it('does not let a slow subscription hold back another', async () => {
    const slow = await sink();
    slow.fallback = { status: 200, delayMs: 1500 };
    const fast = await sink();
    const slowSub = await subscribe(t, slow.url);
    const fastSub = await subscribe(t, fast.url);
    const emitted = [await emit(t, 'project.created', { n: 0 }), await emit(t, 'project.created', { n: 1 })];
    const fastIds = emitted.map((e) => e.deliveries.find((d) => d.webhook_id === fastSub.id)?.id as string);
    const slowIds = emitted.map((e) => e.deliveries.find((d) => d.webhook_id === slowSub.id)?.id as string);
    for (const id of fastIds) await deliveryIn(t, id, 'succeeded');
    // Both fast deliveries are done while the slow receiver still sits on its first request.
    expect(fast.requests).toHaveLength(2);
    expect(slow.requests).toHaveLength(1);
    expect((await delivery(t, slowIds[0] as string)).status).toBe('pending');
    for (const id of slowIds) await deliveryIn(t, id, 'succeeded');
  });

  it('honours Retry-After on a 429 (seconds) and a 503 (HTTP date)', async () => {
    await setRetry(t, { max_attempts: 3, base_delay_ms: 50 });
    const target = await sink();
    // An HTTP date has whole seconds; 3 s ahead keeps it well after the second attempt (~1 s).
    const retryDate = new Date(Date.now() + 3000).toUTCString();
    target.plan([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 503, headers: { 'retry-after': retryDate } },
    ]);
    await subscribe(t, target.url);
    const id = onlyDelivery(await emit(t));
    const done = await deliveryIn(t, id, 'succeeded', 15_000);
    const [first, second, third] = target.requests.map((r) => r.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(990); // not the scheduled 50 ms
    expect(Date.parse(retryDate) - second).toBeGreaterThan(500); // the date mattered...
    expect(third).toBeGreaterThanOrEqual(Date.parse(retryDate) - 5); // ...and was waited for
    expect(done.attempts[0]?.note).toMatch(/Retry-After/);
    expect(done.attempts[1]?.note).toMatch(/Retry-After/);
    expect(done.attempts.map((a) => a.status_code)).toEqual([429, 503, 200]);
  });

  it('fails the delivery at once and disables the subscription on 410 Gone', async () => {
    const target = await sink();
    target.plan([{ status: 410, body: 'gone' }]);
    const subscription = await subscribe(t, target.url);
    const id = onlyDelivery(await emit(t));
    const failed = await deliveryIn(t, id, 'failed');
    expect(failed).toMatchObject({ attempt_count: 1, last_status_code: 410, last_error: { code: 'gone' } });
    expect(failed.attempts[0]?.note).toMatch(/410 Gone/);
    expect(target.requests).toHaveLength(1);
    expect((await t.api<{ data: WebhookSubscription }>('GET', `/webhooks/${subscription.id}`)).body.data.status).toBe('disabled');
    expect((await emit(t)).deliveries).toEqual([]);
    const retry = await t.api<{ error: { code: string; message: string } }>('POST', `/deliveries/${id}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.error).toMatchObject({ code: 'subscription_disabled' });
    expect(retry.body.error.message).toMatch(/enable it first/);
  });

  it("holds a disabled subscription's queue and resumes it when re-enabled", async () => {
    const target = await sink();
    target.fallback = { status: 200, delayMs: 300 };
    const subscription = await subscribe(t, target.url);
    const first = onlyDelivery(await emit(t, 'project.created', { n: 0 }));
    const second = onlyDelivery(await emit(t, 'project.created', { n: 1 }));
    await target.waitFor(1);
    await t.api('PUT', `/webhooks/${subscription.id}`, { status: 'disabled' });
    await deliveryIn(t, first, 'succeeded');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await delivery(t, second)).status).toBe('pending');
    expect(target.requests).toHaveLength(1);
    await t.api('PUT', `/webhooks/${subscription.id}`, { status: 'active' });
    await deliveryIn(t, second, 'succeeded');
  });

  it('answers a manual retry of a queued delivery with 409', async () => {
    await setRetry(t, { max_attempts: 3, base_delay_ms: 60_000 });
    const target = await sink();
    target.fallback = { status: 500 };
    await subscribe(t, target.url);
    const id = onlyDelivery(await emit(t));
    await deliveryIn(t, id, 'retrying');
    const response = await t.api<{ error: { code: string; message: string } }>('POST', `/deliveries/${id}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'delivery_queued' });
  });
});

describe('durability', () => {
  const RESTART_WAIT_MS = 4000;
  const dataDir = makeDataDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes a delivery waiting to retry after a restart; the delivery id stays the same', async () => {
    const target = await startSink();
    try {
      const first = await startTestEngine({ dataDir });
      // Both waits are far longer than emitting and stopping take even on a loaded machine, so
      // nothing can come due before the first engine stops (the old 1.2 s left no margin).
      await setRetry(first, { max_attempts: 3, base_delay_ms: RESTART_WAIT_MS });
      target.plan([{ status: 500 }]);
      await subscribe(first, target.url);
      await subscribe(first, target.url, ['model.trained']);
      const id = onlyDelivery(await emit(first));
      const waiting = await deliveryIn(first, id, 'retrying');
      expect(waiting.next_attempt_at).not.toBeNull();
      // A second subscription's delivery that has not gone out yet: held back by a long delay.
      const delayed = onlyDelivery(await emit(first, 'model.trained', { n: 1 }, { delay_ms: RESTART_WAIT_MS }));
      expect(delayed).toBeTruthy();
      // stop() halts the queue before anything else, so only reaching this call must beat the waits.
      await first.stop({ keepData: true });
      const attemptsBeforeRestart = target.requests.length;
      expect(attemptsBeforeRestart).toBe(1);

      const second = await startTestEngine({ dataDir });
      try {
        const done = await deliveryIn(second, id, 'succeeded', 15_000);
        expect(done.attempts.map((a) => a.status_code)).toEqual([500, 200]);
        await deliveryIn(second, delayed, 'succeeded', 15_000);
        const ids = target.requests.map((r) => String(r.headers['x-dcisionai-delivery']));
        expect(ids.filter((value) => value === id)).toHaveLength(2);
        // The retry went out no earlier than scheduled before the restart.
        const retry = target.requests.find((r, index) => index > 0 && String(r.headers['x-dcisionai-delivery']) === id);
        expect(retry?.at ?? 0).toBeGreaterThanOrEqual(Date.parse(waiting.next_attempt_at ?? '') - 5);
      } finally {
        await second.stop({ keepData: true });
      }
    } finally {
      await target.close();
    }
  });

  it('stops promptly with nothing due, and leaves the settings as they were', async () => {
    const engine = await startTestEngine({ dataDir });
    const settings = await engine.api<{ data: { retry: { base_delay_ms: number } } }>('GET', '/settings');
    expect(settings.body.data.retry.base_delay_ms).toBe(RESTART_WAIT_MS);
    const started = Date.now();
    await engine.stop({ keepData: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

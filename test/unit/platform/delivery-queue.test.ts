import { describe, expect, it } from 'vitest';
import type { QueueHead } from '../../../src/main/engine/platform/deliveries-repo';
import { DeliveryQueue } from '../../../src/main/engine/platform/delivery-queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivery queue dispatch', () => {
  it('sleeps until the earliest head is due: one timer, no polling', async () => {
    let headReads = 0;
    const started: string[] = [];
    let heads: QueueHead[] = [{ id: 'dlv_a', webhookId: 'wh_1', nextAttemptAt: Date.now() + 800 }];
    const queue = new DeliveryQueue({
      heads: () => {
        headReads += 1;
        return heads;
      },
      attempt: async (head) => {
        started.push(head.id);
        heads = [];
      },
      onError: (error) => {
        throw error;
      },
    });
    queue.wake();
    await sleep(200);
    expect(started).toEqual([]);
    expect(headReads).toBe(1); // nothing ran while waiting
    const deadline = Date.now() + 5000;
    while (started.length === 0 && Date.now() < deadline) await sleep(10);
    await sleep(20);
    expect(started).toEqual(['dlv_a']);
    expect(headReads).toBe(3); // the timer's wake, then the wake after the attempt
    await queue.close(100);
  });

  it('runs one attempt per subscription at a time, subscriptions side by side', async () => {
    const running = new Map<string, number>();
    let maxPerSubscription = 0;
    let maxOverall = 0;
    const remaining = new Map([['wh_1', 3], ['wh_2', 3]]);
    const queue = new DeliveryQueue({
      heads: () =>
        [...remaining.entries()].filter(([, left]) => left > 0).map(([webhookId, left]) => ({ id: `${webhookId}-${left}`, webhookId, nextAttemptAt: 0 })),
      attempt: async (head) => {
        running.set(head.webhookId, (running.get(head.webhookId) ?? 0) + 1);
        maxPerSubscription = Math.max(maxPerSubscription, ...running.values());
        maxOverall = Math.max(maxOverall, [...running.values()].reduce((a, b) => a + b, 0));
        await sleep(30);
        running.set(head.webhookId, (running.get(head.webhookId) ?? 1) - 1);
        remaining.set(head.webhookId, (remaining.get(head.webhookId) ?? 1) - 1);
      },
      onError: (error) => {
        throw error;
      },
    });
    queue.wake();
    queue.wake(); // waking again while busy starts nothing twice
    const deadline = Date.now() + 5000;
    while ([...remaining.values()].some((left) => left > 0) && Date.now() < deadline) await sleep(10);
    expect([...remaining.values()]).toEqual([0, 0]);
    expect(maxPerSubscription).toBe(1);
    expect(maxOverall).toBe(2);
    await queue.close(100);
  });

  it('pauses a subscription after an unexpected error instead of spinning', async () => {
    let attempts = 0;
    const errors: unknown[] = [];
    const queue = new DeliveryQueue({
      heads: () => [{ id: 'dlv_x', webhookId: 'wh_1', nextAttemptAt: 0 }],
      attempt: async () => {
        attempts += 1;
        throw new Error('disk full');
      },
      onError: (error) => errors.push(error),
    });
    queue.wake();
    await sleep(300);
    // Paused for a second after the error: not retried in a tight loop.
    expect(attempts).toBeLessThanOrEqual(2);
    expect(errors).toHaveLength(attempts);
    await queue.close(100);
  });
});

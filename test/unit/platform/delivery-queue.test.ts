import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueHead } from '../../../src/main/engine/platform/deliveries-repo';
import { DeliveryQueue } from '../../../src/main/engine/platform/delivery-queue';

// Fake timers (and Date): the queue's timing is asserted exactly, with no dependence on how
// busy the machine is. advanceTimersByTimeAsync also runs the promise callbacks in between.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivery queue dispatch', () => {
  it('sleeps until the earliest head is due: one timer, no polling', async () => {
    let headReads = 0;
    const started: string[] = [];
    const errors: unknown[] = [];
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
      onError: (error) => errors.push(error),
    });
    queue.wake();
    await vi.advanceTimersByTimeAsync(799);
    expect(started).toEqual([]);
    expect(headReads).toBe(1); // nothing ran while waiting
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['dlv_a']);
    expect(headReads).toBe(3); // the timer's wake, then the wake after the attempt
    await vi.advanceTimersByTimeAsync(60_000);
    expect(headReads).toBe(3); // and nothing more once the queue is empty
    expect(errors).toEqual([]);
    await queue.close(100);
  });

  it('runs one attempt per subscription at a time, subscriptions side by side', async () => {
    const running = new Map<string, number>();
    let maxPerSubscription = 0;
    let maxOverall = 0;
    const errors: unknown[] = [];
    const remaining = new Map([
      ['wh_1', 3],
      ['wh_2', 3],
    ]);
    const queue = new DeliveryQueue({
      heads: () =>
        [...remaining.entries()]
          .filter(([, left]) => left > 0)
          .map(([webhookId, left]) => ({ id: `${webhookId}-${left}`, webhookId, nextAttemptAt: 0 })),
      attempt: async (head) => {
        running.set(head.webhookId, (running.get(head.webhookId) ?? 0) + 1);
        maxPerSubscription = Math.max(maxPerSubscription, ...running.values());
        maxOverall = Math.max(
          maxOverall,
          [...running.values()].reduce((a, b) => a + b, 0),
        );
        await sleep(30);
        running.set(head.webhookId, (running.get(head.webhookId) ?? 1) - 1);
        remaining.set(head.webhookId, (remaining.get(head.webhookId) ?? 1) - 1);
      },
      onError: (error) => errors.push(error),
    });
    queue.wake();
    queue.wake(); // waking again while busy starts nothing twice
    await vi.advanceTimersByTimeAsync(30);
    expect([...remaining.values()]).toEqual([2, 2]); // one each, side by side
    await vi.advanceTimersByTimeAsync(60);
    expect([...remaining.values()]).toEqual([0, 0]);
    expect(maxPerSubscription).toBe(1);
    expect(maxOverall).toBe(2);
    expect(errors).toEqual([]);
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
    await vi.advanceTimersByTimeAsync(999);
    // Paused for a second after the error: not retried in a tight loop.
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(2);
    expect(errors).toHaveLength(attempts);
    await queue.close(100);
  });

  it('survives a failing queue read in wake(): reports it and looks again after a pause', async () => {
    let reads = 0;
    const started: string[] = [];
    const errors: Array<[unknown, QueueHead | null]> = [];
    let heads: QueueHead[] = [{ id: 'dlv_a', webhookId: 'wh_1', nextAttemptAt: 0 }];
    const queue = new DeliveryQueue({
      heads: () => {
        reads += 1;
        if (reads === 1) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return heads;
      },
      attempt: async (head) => {
        started.push(head.id);
        heads = [];
      },
      onError: (error, head) => errors.push([error, head]),
    });
    // Called from an API route after an enqueue: a storage hiccup must not escape (the event is stored).
    expect(() => queue.wake()).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[1]).toBeNull();
    expect((errors[0]?.[0] as { code?: string }).code).toBe('SQLITE_BUSY');
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['dlv_a']);
    await queue.close(100);
  });

  it('survives a failing queue read after an attempt (no unhandled rejection) and goes on', async () => {
    let reads = 0;
    const started: string[] = [];
    const errors: Array<[unknown, QueueHead | null]> = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const heads: QueueHead[] = [
      { id: 'dlv_a', webhookId: 'wh_1', nextAttemptAt: 0 },
      { id: 'dlv_b', webhookId: 'wh_1', nextAttemptAt: 0 },
    ];
    const queue = new DeliveryQueue({
      heads: () => {
        reads += 1;
        // The read in the .finally() after the first attempt fails once.
        if (reads === 2) throw new Error('disk I/O error');
        return heads.slice(0, 1);
      },
      attempt: async (head) => {
        started.push(head.id);
        heads.shift();
      },
      onError: (error, head) => errors.push([error, head]),
    });
    try {
      queue.wake();
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['dlv_a']);
      expect(errors.map(([error, head]) => [(error as Error).message, head])).toEqual([['disk I/O error', null]]);
      // Re-armed: the next delivery goes out after the pause, not never.
      await vi.advanceTimersByTimeAsync(1000);
      expect(started).toEqual(['dlv_a', 'dlv_b']);
      // Let any rejection surface (Node reports unhandled ones after the microtask queue drains).
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await queue.close(100);
    }
  });
});

import type { QueueHead } from './deliveries-repo';

/** setTimeout fires at once for delays above 2^31 - 1 ms; longer waits re-arm on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After an unexpected error in an attempt, that subscription's queue pauses this long instead of spinning. */
const ERROR_BACKOFF_MS = 1000;

export interface DeliveryQueueDeps {
  /** The oldest queued delivery of every active subscription (read from SQLite: the queue is durable). */
  heads: () => QueueHead[];
  /** Makes one attempt of the delivery and records its outcome. */
  attempt: (head: QueueHead) => Promise<void>;
  /** An unexpected error: in one delivery's attempt (`head`), or in reading the queue (`null`). */
  onError: (error: unknown, head: QueueHead | null) => void;
}

/**
 * Dispatches the durable queue: per subscription one attempt at a time, oldest delivery first
 * (FIFO, so a subscription's later deliveries wait while its head is retrying); subscriptions
 * run independently of each other. One timer, armed for the earliest due head, replaces any
 * polling: the queue does nothing at all until a delivery is due or something changes (`wake`).
 */
export class DeliveryQueue {
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Number.POSITIVE_INFINITY;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly pausedUntil = new Map<string, number>();
  private closed = false;

  constructor(private readonly deps: DeliveryQueueDeps) {}

  /** Call after anything that may change what is due: an enqueue, a retry, a re-enabled subscription. */
  wake(): void {
    if (this.closed) return;
    try {
      this.dispatch();
    } catch (error) {
      // Reading the queue failed (SQLITE_BUSY, an I/O error). wake() runs from timers and from
      // an attempt's .finally(), where a throw would be an unhandled rejection that ends the
      // process: report it and look again after a pause instead. The queue itself is in SQLite,
      // so nothing is lost meanwhile.
      this.report(error, null);
      const now = Date.now();
      this.arm(Math.min(this.timerDue, now + ERROR_BACKOFF_MS), now);
    }
  }

  private dispatch(): void {
    const now = Date.now();
    let earliest = Number.POSITIVE_INFINITY;
    for (const head of this.deps.heads()) {
      if (this.inFlight.has(head.webhookId)) continue; // re-examined when that attempt ends
      const due = Math.max(head.nextAttemptAt, this.pausedUntil.get(head.webhookId) ?? 0);
      if (due <= now) this.start(head);
      else earliest = Math.min(earliest, due);
    }
    this.arm(earliest, now);
  }

  /**
   * Stops dispatching and waits up to `graceMs` for attempts in flight. An attempt still running
   * after that is abandoned unrecorded: its delivery is still queued in SQLite, so it is sent
   * again after the next start (at-least-once, as every real platform delivers).
   */
  async close(graceMs: number): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let graceTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight.values()]),
      new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(graceTimer);
  }

  private start(head: QueueHead): void {
    this.pausedUntil.delete(head.webhookId);
    const running = this.deps
      .attempt(head)
      .catch((error: unknown) => {
        this.pausedUntil.set(head.webhookId, Date.now() + ERROR_BACKOFF_MS);
        this.report(error, head);
      })
      .finally(() => {
        this.inFlight.delete(head.webhookId);
        this.wake();
      });
    this.inFlight.set(head.webhookId, running);
  }

  /** onError must not throw from here: this runs in timers and promise callbacks. */
  private report(error: unknown, head: QueueHead | null): void {
    try {
      this.deps.onError(error, head);
    } catch (reportError) {
      console.error('[hookscope] the delivery queue could not report an error:', reportError, error);
    }
  }

  private arm(due: number, now: number): void {
    if (this.timer && due === this.timerDue) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerDue = due;
    if (due === Number.POSITIVE_INFINITY) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerDue = Number.POSITIVE_INFINITY;
        this.wake();
      },
      Math.min(Math.max(due - now, 0), MAX_TIMER_MS),
    );
  }
}

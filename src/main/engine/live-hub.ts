import type { LiveEvent, RequestSummary } from '../../shared/api';

export type LiveListener = (event: LiveEvent) => void;

/** Fan-out of live events to every connected stream; the engine publishes, streams subscribe. */
export class LiveHub {
  private readonly listeners = new Set<LiveListener>();
  private readonly subscribeHooks = new Set<() => void>();

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    for (const hook of this.subscribeHooks) hook();
    return () => this.listeners.delete(listener);
  }

  /** Runs `hook` whenever a stream subscribes: work that pauses while nobody watches resumes. */
  onSubscribe(hook: () => void): void {
    this.subscribeHooks.add(hook);
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}

/**
 * Coalesces capture summaries into one live message per short window, so a flood of requests
 * costs the UI a few messages per second instead of one per request. (A timer is fine here:
 * it delays only the live view, never the sender's acknowledgement.)
 */
export class CaptureBatcher {
  private pending: RequestSummary[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly hub: LiveHub,
    private readonly windowMs = 25,
  ) {}

  add(summaries: RequestSummary[]): void {
    if (this.hub.size === 0) return; // nobody watching: don't hold summaries in memory
    this.pending.push(...summaries);
    this.timer ??= setTimeout(() => this.flush(), this.windowMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const data = this.pending;
    this.pending = [];
    this.hub.publish({ type: 'captures', data });
  }
}

export interface FrameBatcherOptions {
  /** Most items handed to one flush; the rest wait for the next frame so no frame runs long. */
  maxPerFlush: number;
  /**
   * requestAnimationFrame does not fire in background tabs or hidden windows; without this
   * fallback the queue would grow without bound while the user looks elsewhere.
   */
  fallbackMs: number;
}

export interface FrameBatcher<T> {
  push(items: readonly T[]): void;
  /** Drops whatever is queued (e.g. after "clear all", so stale rows do not reappear). */
  discard(): void;
}

/**
 * Queues live updates and applies them at most once per animation frame, in batches, so a flood
 * of captures costs one store update (and one render) per frame instead of one per event.
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void, options: FrameBatcherOptions): FrameBatcher<T> {
  let queue: T[] = [];
  let frameHandle: number | null = null;
  let timerHandle: ReturnType<typeof setTimeout> | null = null;

  const cancelScheduled = () => {
    if (frameHandle !== null) cancelAnimationFrame(frameHandle);
    if (timerHandle !== null) clearTimeout(timerHandle);
    frameHandle = null;
    timerHandle = null;
  };

  const run = () => {
    cancelScheduled();
    const batch = queue.slice(0, options.maxPerFlush);
    queue = queue.slice(batch.length);
    if (queue.length > 0) schedule();
    if (batch.length > 0) flush(batch);
  };

  function schedule() {
    if (frameHandle !== null || timerHandle !== null) return;
    frameHandle = requestAnimationFrame(run);
    timerHandle = setTimeout(run, options.fallbackMs);
  }

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) queue.push(item);
      schedule();
    },
    discard() {
      queue = [];
      cancelScheduled();
    },
  };
}

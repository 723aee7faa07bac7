export interface Throttle {
  /** Runs now if the last run is at least `intervalMs` ago, else once when that time is up. */
  request(): void;
  cancel(): void;
}

/**
 * Leading and trailing throttle: the first request runs at once, a burst of requests within the
 * interval collapses into one more run at its end, so the last change is never missed.
 */
export function createThrottle(run: () => void, intervalMs: number, now: () => number = Date.now): Throttle {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const fire = () => {
    timer = null;
    lastRun = now();
    run();
  };

  return {
    request() {
      if (timer !== null) return;
      const wait = lastRun + intervalMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

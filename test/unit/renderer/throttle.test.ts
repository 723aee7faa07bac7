import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from '../../../src/renderer/src/lib/throttle';

describe('createThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first request at once and a burst within the interval once more at its end', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 1000);
    throttle.request();
    expect(run).toHaveBeenCalledTimes(1);
    throttle.request();
    throttle.request();
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs at once again after a quiet interval, and a cancelled trailing run never happens', () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 1000);
    throttle.request();
    vi.advanceTimersByTime(1500);
    throttle.request();
    expect(run).toHaveBeenCalledTimes(2);
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

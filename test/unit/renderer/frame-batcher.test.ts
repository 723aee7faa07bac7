import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatcher } from '../../../src/renderer/src/lib/frame-batcher';

/** A fake requestAnimationFrame: callbacks wait until the test calls `frame()`. */
let frames = new Map<number, FrameRequestCallback>();
let nextHandle = 1;
function frame(): void {
  const due = [...frames.values()];
  frames = new Map();
  for (const callback of due) callback(performance.now());
}

beforeEach(() => {
  frames = new Map();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    const handle = nextHandle++;
    frames.set(handle, callback);
    return handle;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('createFrameBatcher', () => {
  it('applies everything pushed before a frame in one flush on that frame', () => {
    const flushes: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => flushes.push(items), { maxPerFlush: 100, fallbackMs: 250 });
    batcher.push([1, 2]);
    batcher.push([3]);
    expect(flushes).toEqual([]);
    frame();
    expect(flushes).toEqual([[1, 2, 3]]);
    frame();
    expect(flushes).toHaveLength(1);
  });

  it('caps each flush and carries the rest over to later frames, in order', () => {
    const flushes: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => flushes.push(items), { maxPerFlush: 100, fallbackMs: 250 });
    batcher.push(range(0, 250));
    frame();
    expect(flushes.map((f) => f.length)).toEqual([100]);
    frame();
    frame();
    expect(flushes.map((f) => f.length)).toEqual([100, 100, 50]);
    expect(flushes.flat()).toEqual(range(0, 250));
    frame();
    expect(flushes).toHaveLength(3);
  });

  it('falls back to a timer when no frame comes (hidden window), still capped', () => {
    const flushes: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => flushes.push(items), { maxPerFlush: 10, fallbackMs: 250 });
    batcher.push(range(0, 25));
    vi.advanceTimersByTime(249);
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushes.map((f) => f.length)).toEqual([10]);
    vi.advanceTimersByTime(500);
    expect(flushes.map((f) => f.length)).toEqual([10, 10, 5]);
  });

  it('does not flush twice when the frame and the fallback timer both come due', () => {
    const flush = vi.fn();
    const batcher = createFrameBatcher<number>(flush, { maxPerFlush: 100, fallbackMs: 250 });
    batcher.push([1]);
    frame();
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(frames.size).toBe(0);
  });

  it('schedules nothing for an empty push', () => {
    const flush = vi.fn();
    const batcher = createFrameBatcher<number>(flush, { maxPerFlush: 100, fallbackMs: 250 });
    batcher.push([]);
    expect(frames.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('discard drops what is queued and cancels the scheduled flush', () => {
    const flush = vi.fn();
    const batcher = createFrameBatcher<number>(flush, { maxPerFlush: 100, fallbackMs: 250 });
    batcher.push([1, 2, 3]);
    batcher.discard();
    frame();
    vi.advanceTimersByTime(1000);
    expect(flush).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    batcher.push([4]);
    frame();
    expect(flush).toHaveBeenCalledWith([4]);
  });

  it('keeps the rest of the queue when a flush throws', () => {
    const flushes: number[][] = [];
    let fail = true;
    const batcher = createFrameBatcher<number>(
      (items) => {
        flushes.push(items);
        if (fail) {
          fail = false;
          throw new Error('render failed');
        }
      },
      { maxPerFlush: 2, fallbackMs: 250 },
    );
    batcher.push([1, 2, 3]);
    expect(() => frame()).toThrow('render failed');
    frame();
    expect(flushes).toEqual([[1, 2], [3]]);
  });
});

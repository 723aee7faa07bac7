import { describe, expect, it } from 'vitest';
import { orderByTime, type DiffSide } from '../../../src/renderer/src/lib/diff-document';

const side = (label: string, time: string): DiffSide => ({ label, time, method: 'POST', url: 'http://x/', headers: [], bodyBase64: '' });

describe('orderByTime', () => {
  it('puts the older side left whichever was marked first', () => {
    const older = side('Capture #1', '2026-01-01T00:00:00.000Z');
    const newer = side('Capture #29', '2026-01-01T00:00:05.000Z');
    expect(orderByTime(newer, older).map((item) => item.label)).toEqual(['Capture #1', 'Capture #29']);
    expect(orderByTime(older, newer).map((item) => item.label)).toEqual(['Capture #1', 'Capture #29']);
  });
  it('keeps the given order for equal times', () => {
    const a = side('Sent #1', '2026-01-01T00:00:00.000Z');
    const b = side('Capture #2', '2026-01-01T00:00:00.000Z');
    expect(orderByTime(a, b)).toEqual([a, b]);
  });
});

import { describe, expect, it } from 'vitest';
import { ageRefreshMs, formatAge } from '../../../src/renderer/src/lib/relative-time';

const at = Date.parse('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(at - ms).toISOString();

describe('formatAge', () => {
  it('says how long ago in the coarsest useful unit', () => {
    expect(formatAge(ago(2_000), at)).toBe('just now');
    expect(formatAge(ago(42_000), at)).toBe('42 s ago');
    expect(formatAge(ago(3 * 60_000 + 59_000), at)).toBe('3 min ago');
    expect(formatAge(ago(5 * 3_600_000), at)).toBe('5 h ago');
    expect(formatAge(ago(47 * 3_600_000), at)).toBe('47 h ago');
    expect(formatAge(ago(3 * 86_400_000), at)).toBe('3 d ago');
  });

  it('reads a time ahead of this clock as just now, and passes an unreadable time through', () => {
    expect(formatAge(ago(-30_000), at)).toBe('just now');
    expect(formatAge('yesterday', at)).toBe('yesterday');
  });

  it('re-renders every second while seconds show, then less often', () => {
    expect(ageRefreshMs(ago(10_000), at)).toBe(1_000);
    expect(ageRefreshMs(ago(10 * 60_000), at)).toBe(15_000);
    expect(ageRefreshMs(ago(2 * 3_600_000), at)).toBe(60_000);
  });
});

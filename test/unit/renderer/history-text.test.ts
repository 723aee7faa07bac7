import { describe, expect, it } from 'vitest';
import { captureCountText, clearConfirmText, clearedText, formatCount } from '../../../src/renderer/src/lib/history-text';

describe('history texts', () => {
  it('formats counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(110000)).toBe('110,000');
  });

  it('counts the whole history, or the matches of a query out of it', () => {
    expect(captureCountText(110000, 110000, false)).toBe('110,000 captures');
    expect(captureCountText(1, 1, false)).toBe('1 capture');
    expect(captureCountText(0, 0, false)).toBe('0 captures');
    expect(captureCountText(110000, 1234, true)).toBe('1,234 of 110,000');
    expect(captureCountText(5, 0, true)).toBe('0 of 5');
  });

  it('asks before Clear all and says how many pinned captures stay', () => {
    expect(clearConfirmText(3)).toBe('Delete every unpinned capture? 3 pinned captures are kept. This cannot be undone.');
    expect(clearConfirmText(1)).toContain('1 pinned capture is kept.');
    expect(clearConfirmText(null)).toContain('Pinned captures are kept.');
    expect(clearedText(2, 1)).toBe('Deleted 2 captures; 1 pinned capture is kept.');
  });
});

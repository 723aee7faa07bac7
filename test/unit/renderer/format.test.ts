import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatListTime, formatMs, formatTime } from '../../../src/renderer/src/lib/format';

describe('formatBytes', () => {
  it('shows bytes below 1 KiB as bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('uses binary units with one decimal below 10', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024)).toBe('10 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(formatBytes(2048 * 1024 ** 3)).toBe('2048 GB');
  });

  it('never shows a rounded value that belongs to the next unit or precision', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(1024 * 1023.7)).toBe('1.0 MB');
    expect(formatBytes(10 * 1024 - 1)).toBe('10 KB');
    expect(formatBytes(1024 * 9.94)).toBe('9.9 KB');
  });
});

describe('formatMs', () => {
  it('shows one decimal below 10 ms, whole milliseconds above', () => {
    expect(formatMs(0)).toBe('0.0 ms');
    expect(formatMs(3.14159)).toBe('3.1 ms');
    expect(formatMs(12.6)).toBe('13 ms');
    expect(formatMs(9.97)).toBe('10 ms');
  });
});

describe('formatTime and formatDateTime', () => {
  it('shows local time with zero-padded milliseconds', () => {
    const date = new Date(2024, 0, 2, 3, 4, 5, 7);
    expect(formatTime(date.toISOString())).toBe('03:04:05.007');
    expect(formatDateTime(date.toISOString())).toBe(`${date.toLocaleDateString()} 03:04:05.007`);
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatTime('soon')).toBe('soon');
    expect(formatDateTime('')).toBe('');
  });
});

describe('formatListTime', () => {
  const now = new Date(2026, 10, 28, 15, 0, 0);
  it('shows only the time of day for today', () => {
    expect(formatListTime(new Date(2026, 10, 28, 9, 5, 7, 42).toISOString(), now)).toBe('09:05:07.042');
  });
  it('adds the date for another day (an imported HAR, an old capture)', () => {
    expect(formatListTime(new Date(2024, 0, 5, 10, 0, 0).toISOString(), now)).toBe('01-05 10:00:00');
  });
});

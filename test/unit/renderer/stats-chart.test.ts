import { describe, expect, it } from 'vitest';
import type { DeliveryStatsBucket } from '../../../src/shared/platform-api';
import { chartGeometry, niceCeiling } from '../../../src/renderer/src/lib/stats-chart';

const box = { width: 200, height: 120, left: 0, right: 0, top: 10, bottom: 10 };
const bucket = (hour: number, total: number, successful: number, averageResponseTime: number): DeliveryStatsBucket => ({
  start: `2024-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
  total,
  successful,
  failed: total - successful,
  successRate: total === 0 ? 0 : Math.round((successful / total) * 10000) / 100,
  averageResponseTime,
});

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 1, 1.2, 3, 7, 10, 11, 21, 51, 999, 1001].map(niceCeiling)).toEqual([1, 1, 1, 2, 5, 10, 10, 20, 50, 100, 1000, 2000]);
  });
});

describe('chartGeometry', () => {
  it('draws nothing for a window without attempts', () => {
    const geometry = chartGeometry([bucket(0, 0, 0, 0), bucket(1, 0, 0, 0)], box);
    expect(geometry.bars).toEqual([]);
    expect(geometry.points).toEqual([]);
    expect(geometry.ratePath).toBe('');
    expect(geometry.maxMs).toBe(1);
  });

  it('places buckets in equal slots and scales rate and time to the plot', () => {
    // 4 slots of 50 px; plot from y=10 (100 %) to y=110 (0 %).
    const geometry = chartGeometry([bucket(0, 2, 2, 40), bucket(1, 0, 0, 0), bucket(2, 4, 1, 10), bucket(3, 0, 0, 0)], box);
    expect(geometry.maxMs).toBe(50);
    expect(geometry.points.map(({ x, y }) => [x, y])).toEqual([
      [25, 10],
      [125, 85],
    ]);
    expect(geometry.bars.map(({ x, y, width, height }) => [x, y, width, height])).toEqual([
      [10, 30, 30, 80],
      [110, 90, 30, 20],
    ]);
    // The line is broken across the empty hour rather than drawn through it.
    expect(geometry.ratePath).toBe('M25 10M125 85');
  });

  it('connects neighbouring buckets and gives instant attempts a visible sliver', () => {
    const geometry = chartGeometry([bucket(0, 1, 1, 0), bucket(1, 1, 0, 0)], box);
    expect(geometry.ratePath).toBe('M50 10L150 110');
    expect(geometry.bars.every((bar) => bar.height >= 1)).toBe(true);
  });
});

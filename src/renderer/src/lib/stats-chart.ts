import type { DeliveryStatsBucket } from '../../../shared/platform-api';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels around the plot area. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  bucket: DeliveryStatsBucket;
}

export interface ChartPoint {
  x: number;
  y: number;
  bucket: DeliveryStatsBucket;
}

export interface ChartGeometry {
  /** Response time, one bar per bucket that had attempts. */
  bars: ChartBar[];
  /** Success rate, one point per bucket that had attempts (empty buckets have no rate). */
  points: ChartPoint[];
  /** SVG path through `points`; broken ("M") across empty buckets so it never invents data. */
  ratePath: string;
  /** Top of the response-time axis: a round number at or above the slowest bucket. */
  maxMs: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** 1, 2, 5, 10, 20, 50, …: the smallest such number >= value (at least 1). */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Lays the buckets out in `box`: equal-width slots left to right, oldest first. */
export function chartGeometry(buckets: readonly DeliveryStatsBucket[], box: ChartBox): ChartGeometry {
  const plot = { x0: box.left, x1: box.width - box.right, y0: box.top, y1: box.height - box.bottom };
  const plotHeight = plot.y1 - plot.y0;
  const slot = buckets.length > 0 ? (plot.x1 - plot.x0) / buckets.length : 0;
  const maxMs = niceCeiling(Math.max(0, ...buckets.map((bucket) => bucket.averageResponseTime)));

  const bars: ChartBar[] = [];
  const points: ChartPoint[] = [];
  let ratePath = '';
  let previousHadData = false;
  buckets.forEach((bucket, index) => {
    if (bucket.total === 0) {
      previousHadData = false;
      return;
    }
    const center = plot.x0 + slot * (index + 0.5);
    // Even a 0 ms bucket with attempts gets a sliver, so "attempts, all instant" differs from "none".
    const barHeight = Math.max(1, (bucket.averageResponseTime / maxMs) * plotHeight);
    const barWidth = Math.max(1, slot * 0.6);
    bars.push({ x: round(center - barWidth / 2), y: round(plot.y1 - barHeight), width: round(barWidth), height: round(barHeight), bucket });
    const point = { x: round(center), y: round(plot.y1 - (bucket.successRate / 100) * plotHeight), bucket };
    points.push(point);
    ratePath += `${previousHadData ? 'L' : 'M'}${point.x} ${point.y}`;
    previousHadData = true;
  });
  return { bars, points, ratePath, maxMs, plot };
}

import type Database from 'better-sqlite3';
import type { DeliveryStats, DeliveryStatsSeries } from '../../../shared/platform-api';

/** The guide's monitoring window. */
export const STATS_WINDOW_MS = 24 * 60 * 60 * 1000;

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The guide's getDeliveryStats over aggregated counts, minus its division by zero: with no
 * attempts every figure is 0. successRate is a percentage and, like averageResponseTime (ms),
 * rounded to 2 decimals (2 of 3 -> 66.67).
 */
export function statsOf(total: number, successful: number, durationSum: number): DeliveryStats {
  return {
    total,
    successful,
    failed: total - successful,
    successRate: total === 0 ? 0 : round2((successful / total) * 100),
    averageResponseTime: total === 0 ? 0 : round2(durationSum / total),
  };
}

interface AggregateRow {
  total: number;
  successful: number | null;
  duration_sum: number | null;
}

/** Delivery statistics per subscription, from the attempt log (each attempt = one tracked delivery). */
export class DeliveryStatsQuery {
  private readonly selectTotals;
  private readonly selectBuckets;

  constructor(db: Database.Database) {
    // "now - timestamp < window", as the guide filters.
    this.selectTotals = db.prepare(`SELECT COUNT(*) AS total, SUM(success) AS successful, SUM(duration_ms) AS duration_sum
      FROM delivery_attempts WHERE webhook_id = ? AND started_at > ?`);
    // CAST: bound numbers may arrive as REAL, and a bucket must be a whole number.
    this.selectBuckets = db.prepare(`SELECT CAST(started_at / @bucketMs AS INTEGER) AS bucket, COUNT(*) AS total,
        SUM(success) AS successful, SUM(duration_ms) AS duration_sum
      FROM delivery_attempts WHERE webhook_id = @webhookId AND started_at > @since
      GROUP BY bucket ORDER BY bucket`);
  }

  stats(webhookId: string, now = Date.now()): DeliveryStats {
    const row = this.selectTotals.get(webhookId, now - STATS_WINDOW_MS) as AggregateRow;
    return statsOf(row.total, row.successful ?? 0, row.duration_sum ?? 0);
  }

  /** Every bucket of the window, oldest first, empty ones included (all zeros) so a chart has no holes. */
  series(webhookId: string, bucketMinutes: number, now = Date.now()): DeliveryStatsSeries {
    const bucketMs = bucketMinutes * 60 * 1000;
    const since = now - STATS_WINDOW_MS;
    const rows = this.selectBuckets.all({ webhookId, since, bucketMs }) as Array<AggregateRow & { bucket: number }>;
    const byBucket = new Map(rows.map((row) => [row.bucket, row]));
    const first = Math.floor((since + 1) / bucketMs);
    const last = Math.floor(now / bucketMs);
    const buckets: DeliveryStatsSeries['buckets'] = [];
    for (let bucket = first; bucket <= last; bucket += 1) {
      const row = byBucket.get(bucket);
      buckets.push({
        start: new Date(bucket * bucketMs).toISOString(),
        ...statsOf(row?.total ?? 0, row?.successful ?? 0, row?.duration_sum ?? 0),
      });
    }
    return {
      bucket_minutes: bucketMinutes,
      from: new Date(since).toISOString(),
      to: new Date(now).toISOString(),
      buckets,
    };
  }
}

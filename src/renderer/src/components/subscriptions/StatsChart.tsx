import { useId } from 'react';
import { chartGeometry, type ChartBox } from '../../lib/stats-chart';
import { formatMs } from '../../lib/format';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './StatsChart.module.css';

const BOX: ChartBox = { width: 640, height: 120, left: 38, right: 50, top: 8, bottom: 20 };

function hourLabel(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * Success rate (line, left axis) and mean response time (bars, right axis) per hour over the
 * last 24 h. Hand-rolled SVG: a chart library would be most of the page's weight. The figure
 * has a text summary for screen readers and a data table behind a disclosure.
 */
export function StatsChart() {
  const series = useStore((s) => s.subscriptionSeries);
  const titleId = useId();
  const descId = useId();
  if (!series) return <div className={cx(styles.subsChart, 'subs-chart-empty muted')}>Loading the 24 h series…</div>;

  const geometry = chartGeometry(series.buckets, BOX);
  const { plot } = geometry;
  const active = series.buckets.filter((bucket) => bucket.total > 0);
  const first = series.buckets[0];
  const last = series.buckets[series.buckets.length - 1];
  const summary =
    active.length === 0
      ? 'No delivery attempts in the last 24 hours.'
      : `${active.length} of ${series.buckets.length} hours had attempts. ` +
        active
          .map(
            (bucket) =>
              `${hourLabel(bucket.start)}: ${bucket.successRate}% of ${bucket.total} succeeded, ${formatMs(bucket.averageResponseTime)} average`,
          )
          .join('; ') +
        '.';

  return (
    <figure className={styles.subsChart} data-testid="stats-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>Success rate and response time per {series.bucket_minutes} minutes, last 24 hours</title>
        <desc id={descId}>{summary}</desc>
        {[0, 0.5, 1].map((fraction) => {
          const y = plot.y1 - fraction * (plot.y1 - plot.y0);
          return (
            <g key={fraction} className={styles.chartGrid}>
              <line x1={plot.x0} x2={plot.x1} y1={y} y2={y} />
              {/* No attempts, no scale: an axis of "1 ms / 1 ms / 0 ms" would invent one. */}
              {active.length > 0 && (
                <>
                  <text x={plot.x0 - 6} y={y + 3} textAnchor="end" className={styles.chartAxisRate}>
                    {fraction * 100}%
                  </text>
                  <text x={plot.x1 + 6} y={y + 3} textAnchor="start" className={styles.chartAxisMs} data-testid="chart-axis-ms">
                    {Number((fraction * geometry.maxMs).toFixed(1))} ms
                  </text>
                </>
              )}
            </g>
          );
        })}
        {active.length === 0 && (
          <text
            x={(plot.x0 + plot.x1) / 2}
            y={(plot.y0 + plot.y1) / 2 + 4}
            textAnchor="middle"
            className={styles.chartNoData}
            data-testid="chart-no-data"
          >
            no data
          </text>
        )}
        {geometry.bars.map((bar) => (
          <rect
            key={bar.bucket.start}
            className={styles.chartBar}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            data-testid="chart-bar"
          >
            <title>{`${hourLabel(bar.bucket.start)}: ${formatMs(bar.bucket.averageResponseTime)} average over ${bar.bucket.total} attempts`}</title>
          </rect>
        ))}
        {geometry.ratePath && <path className={styles.chartRate} d={geometry.ratePath} />}
        {geometry.points.map((point) => (
          <circle key={point.bucket.start} className={styles.chartPoint} cx={point.x} cy={point.y} r={3.5} data-testid="chart-point">
            <title>{`${hourLabel(point.bucket.start)}: ${point.bucket.successRate}% of ${point.bucket.total} attempts succeeded`}</title>
          </circle>
        ))}
        {first && last && (
          <g className="chart-x">
            <text x={plot.x0} y={BOX.height - 6} textAnchor="start">
              24 h ago
            </text>
            <text x={plot.x1} y={BOX.height - 6} textAnchor="end">
              now
            </text>
          </g>
        )}
      </svg>
      <figcaption className={styles.chartLegend}>
        <span className={styles.legendRate}>● success rate</span>
        <span className={styles.legendMs}>▮ avg response time</span>
        {active.length === 0 && <span className="muted">no attempts yet</span>}
      </figcaption>
      {active.length > 0 && (
        <details className={styles.chartData}>
          <summary>Data table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Hour</th>
                <th scope="col">Attempts</th>
                <th scope="col">Successful</th>
                <th scope="col">Success rate</th>
                <th scope="col">Avg response</th>
              </tr>
            </thead>
            <tbody>
              {active.map((bucket) => (
                <tr key={bucket.start}>
                  <td>{hourLabel(bucket.start)}</td>
                  <td>{bucket.total}</td>
                  <td>{bucket.successful}</td>
                  <td>{bucket.successRate}%</td>
                  <td>{formatMs(bucket.averageResponseTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

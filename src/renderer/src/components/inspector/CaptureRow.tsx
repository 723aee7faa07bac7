import { memo } from 'react';
import type { RequestSummary } from '../../../../shared/api';
import { formatBytes, formatDateTime, formatListTime } from '../../lib/format';
import { MethodTag } from '../common/MethodTag';
import { PinButton } from '../common/PinButton';
import { VerdictBadge } from '../common/VerdictBadge';
import { cx } from '../../lib/cx';
import styles from './CaptureList.module.css';

interface CaptureRowProps {
  summary: RequestSummary;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (id: number) => void;
}

/** Memoized: a live flush re-renders the list, but unchanged rows skip rendering. */
export const CaptureRow = memo(function CaptureRow({ summary, selected, top, height, onSelect }: CaptureRowProps) {
  const imported = summary.imported;
  const fullPath = summary.query ? `${summary.path}?${summary.query}` : summary.path;
  return (
    <div
      role="row"
      aria-selected={selected}
      className={cx(styles.row, selected && styles.selected)}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="capture-row"
      data-capture-id={summary.id}
      data-pinned={summary.pinned}
      onClick={() => onSelect(summary.id)}
    >
      <span className={styles.pin}>
        <PinButton id={summary.id} pinned={summary.pinned} />
      </span>
      <span className={styles.time} data-testid="cell-time" title={formatDateTime(summary.received_at)}>
        {formatListTime(summary.received_at)}
      </span>
      <span title={summary.method}>
        <MethodTag method={summary.method} />
      </span>
      <span
        className={styles.path}
        data-testid="cell-path"
        title={summary.public_url ? `${fullPath}\nSent to ${summary.public_url}` : fullPath}
      >
        {imported && (
          <span className={cx('tag tag-imported', styles.flag)} data-testid="imported-flag" title="Imported from a HAR file">
            imp
          </span>
        )}
        {summary.aborted && (
          <span
            className={cx('tag tag-bad', styles.flag)}
            data-testid="aborted-flag"
            title="The sender closed the connection before the body was complete; no response was sent"
          >
            aborted
          </span>
        )}
        {summary.handshake && (
          <span
            className={cx('tag', styles.flag)}
            data-testid="handshake-flag"
            title="A provider's verification request, answered by the receiver as the provider expects (the detail shows the answer)"
          >
            handshake
          </span>
        )}
        {fullPath}
      </span>
      <span className={styles.event} data-testid="cell-event" title={summary.event ?? undefined}>
        {summary.duplicate_of !== null && (
          <span
            className={cx('tag tag-warn', styles.flag)}
            data-testid="duplicate-flag"
            title={`Same delivery id as capture #${summary.duplicate_of}: a redelivery`}
          >
            dup
          </span>
        )}
        {summary.event ?? '—'}
      </span>
      <span
        className={cx(styles.size, styles.colSize, 'align-right')}
        title={`${summary.body_size.toLocaleString('en-US')} bytes${summary.truncated ? ' (truncated at the body limit)' : ''}`}
      >
        {formatBytes(summary.body_size)}
        {summary.truncated ? '✂' : ''}
      </span>
      <span className={styles.verdict}>
        <VerdictBadge
          verdict={summary.verification.verdict}
          reason={summary.verification.reason}
          diagnosis={summary.verification.diagnosis}
        />
      </span>
    </div>
  );
});

import { useCallback, useState, type PointerEvent } from 'react';
import { clamp, followHorizontalDrag, readStoredSizes, writeStored } from '../../lib/layout-storage';
import { CAPTURE_COLUMNS, COLUMN_LABELS, MIN_COLUMN_WIDTH, type CaptureColumn, type ColumnWidths } from './capture-columns';
import { cx } from '../../lib/cx';
import styles from './CaptureList.module.css';

const STORAGE_KEY = 'capture-columns';
/** The last column has no right edge to drag: it takes what is left. */
const RESIZABLE: readonly CaptureColumn[] = CAPTURE_COLUMNS.filter((column) => column !== 'verdict');

/** Column widths the user dragged, kept across reloads. */
export function useColumnWidths() {
  const [widths, setWidths] = useState<ColumnWidths>(() => readStoredSizes(STORAGE_KEY, CAPTURE_COLUMNS));
  const update = useCallback((next: (current: ColumnWidths) => ColumnWidths) => {
    setWidths((current) => {
      const value = next(current);
      writeStored(STORAGE_KEY, value as Record<string, number>);
      return value;
    });
  }, []);
  return { widths, update };
}

interface HeaderProps {
  minWidth: number;
  update: (next: (current: ColumnWidths) => ColumnWidths) => void;
}

/** The list's header row: column names with drag handles on their right edges (double-click resets one). */
export function CaptureListHeader({ minWidth, update }: HeaderProps) {
  const startResize = (column: CaptureColumn, event: PointerEvent<HTMLSpanElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const cell = event.currentTarget.parentElement;
    const start = cell?.getBoundingClientRect().width ?? MIN_COLUMN_WIDTH;
    followHorizontalDrag(event.clientX, (dx) => {
      const width = Math.round(clamp(start + dx, MIN_COLUMN_WIDTH, 2000));
      update((current) => ({ ...current, [column]: width }));
    });
  };
  const reset = (column: CaptureColumn) =>
    update((current) => {
      const { [column]: _dropped, ...rest } = current;
      return rest;
    });

  return (
    <div className={styles.header} role="row" style={{ minWidth }} data-testid="capture-list-header">
      <span aria-label="Pinned" title="Pinned captures are kept by retention and Clear all">
        ★
      </span>
      {CAPTURE_COLUMNS.map((column) => (
        <span
          key={column}
          className={cx(styles.colHead, column === 'size' && styles.colSize, column === 'size' && 'align-right')}
          data-column={column}
          title={COLUMN_LABELS[column]}
        >
          {COLUMN_LABELS[column]}
          {RESIZABLE.includes(column) && (
            <span
              className={styles.colResizer}
              data-testid={`col-resizer-${column}`}
              title={`Drag to resize the ${COLUMN_LABELS[column]} column; double-click for its default width`}
              onPointerDown={(event) => startResize(column, event)}
              onDoubleClick={() => reset(column)}
            />
          )}
        </span>
      ))}
    </div>
  );
}

import type { CSSProperties } from 'react';

/** The capture list's resizable columns, in order (the pin column is fixed). */
export const CAPTURE_COLUMNS = ['time', 'method', 'path', 'event', 'size', 'verdict'] as const;
export type CaptureColumn = (typeof CAPTURE_COLUMNS)[number];
export type ColumnWidths = Partial<Record<CaptureColumn, number>>;

export const COLUMN_LABELS: Record<CaptureColumn, string> = {
  time: 'Time',
  method: 'Method',
  path: 'Path',
  event: 'Event',
  size: 'Size',
  verdict: 'Verdict',
};

/** Widths the default layout gives (path fills, event up to 160 px): where a drag starts from and the list's minimum. */
export const DEFAULT_WIDTHS: Record<CaptureColumn, number> = { time: 96, method: 58, path: 48, event: 48, size: 58, verdict: 112 };
export const MIN_COLUMN_WIDTH = 36;
const PIN_WIDTH = 16;
const COLUMN_GAP = 6;
const ROW_PADDING = 24;

/**
 * CSS variables read by the row grid (inspector.css). A column the user sized gets its width; an
 * unset one keeps the default track. Once the path column has a fixed width, the verdict column
 * takes the space left over, so the edge being dragged always follows the pointer.
 */
export function columnStyle(widths: ColumnWidths): CSSProperties {
  const style: Record<string, string> = {};
  for (const column of CAPTURE_COLUMNS) {
    const width = widths[column];
    if (width !== undefined) style[`--col-${column}`] = `${width}px`;
  }
  if (widths.path !== undefined) style['--col-verdict'] = `minmax(${widths.verdict ?? DEFAULT_WIDTHS.verdict}px, 1fr)`;
  return style as CSSProperties;
}

/** The narrowest the rows can be with these widths: wider than the pane, the list scrolls sideways. */
export function rowMinWidth(widths: ColumnWidths, withSize: boolean): number {
  const shown = CAPTURE_COLUMNS.filter((column) => withSize || column !== 'size');
  const sum = shown.reduce((total, column) => total + (widths[column] ?? DEFAULT_WIDTHS[column]), PIN_WIDTH);
  return ROW_PADDING + sum + COLUMN_GAP * shown.length;
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { useElementWidth } from '../../lib/use-element-width';
import { CaptureRow } from './CaptureRow';
import { CAPTURE_LIST_ID } from '../keyboard/targets';
import { CaptureListHeader, useColumnWidths } from './CaptureListHeader';
import { columnStyle, rowMinWidth } from './capture-columns';
import styles from './CaptureList.module.css';

const ROW_HEIGHT = 34;
/** Where inspector.css's container query drops the size column. */
const NARROW_LIST_PX = 640;
/** Start loading the next page this many rows before the end comes into view. */
const LOAD_MORE_THRESHOLD_ROWS = 20;

/** The capture list, virtualized: only the visible rows exist in the DOM, however many there are. */
export function CaptureList() {
  const captures = useStore((s) => s.captures);
  const selectedId = useStore((s) => s.selectedId);
  const loadingMore = useStore((s) => s.loadingMore);
  const moreAvailable = useStore((s) => s.nextBefore !== null);
  const filtered = useStore((s) => s.query !== '');
  const selectCapture = useStore((s) => s.selectCapture);
  const loadMore = useStore((s) => s.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { widths, update: updateWidths } = useColumnWidths();
  const minWidth = rowMinWidth(widths, useElementWidth(scrollRef) > NARROW_LIST_PX);

  const virtualizer = useVirtualizer({
    count: captures.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => captures[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisibleIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (moreAvailable && !loadingMore && lastVisibleIndex >= captures.length - LOAD_MORE_THRESHOLD_ROWS) void loadMore();
  }, [lastVisibleIndex, captures.length, moreAvailable, loadingMore, loadMore]);

  // Keys move the selection (components/keyboard); keep the selected row in view, however it was chosen.
  const selectedIndex = captures.findIndex((row) => row.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection changes: a live capture shifting the rows must not pull the list back.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [selectedId]);

  return (
    <div className={styles.list} id={CAPTURE_LIST_ID} ref={scrollRef} tabIndex={0} data-testid="capture-list" style={columnStyle(widths)}>
      <CaptureListHeader minWidth={minWidth} update={updateWidths} />
      <div className={styles.body} style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((item) => {
          const row = captures[item.index];
          if (!row) return null;
          return (
            <CaptureRow
              key={item.key}
              summary={row}
              selected={row.id === selectedId}
              top={item.start}
              height={ROW_HEIGHT}
              onSelect={selectCapture}
            />
          );
        })}
      </div>
      {captures.length === 0 && filtered && (
        <div className={styles.footer} data-testid="no-matches">
          No captures match this search.
        </div>
      )}
      {loadingMore && <div className={styles.footer}>Loading older captures…</div>}
    </div>
  );
}

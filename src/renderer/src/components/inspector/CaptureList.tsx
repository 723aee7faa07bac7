import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from '../../store';
import { useElementWidth } from '../../lib/use-element-width';
import { CaptureRow } from './CaptureRow';
import { CaptureListHeader, useColumnWidths } from './CaptureListHeader';
import { columnStyle, rowMinWidth } from './capture-columns';

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

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      const current = captures.findIndex((row) => row.id === selectedId);
      const next = event.key === 'ArrowDown' ? Math.min(current + 1, captures.length - 1) : Math.max(current - 1, 0);
      const row = captures[next];
      if (row) {
        selectCapture(row.id);
        virtualizer.scrollToIndex(next, { align: 'auto' });
      }
    },
    [captures, selectedId, selectCapture, virtualizer],
  );

  return (
    <div className="capture-list" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="capture-list" style={columnStyle(widths)}>
      <CaptureListHeader minWidth={minWidth} update={updateWidths} />
      <div className="capture-list-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
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
        <div className="list-footer" data-testid="no-matches">
          No captures match this search.
        </div>
      )}
      {loadingMore && <div className="list-footer">Loading older captures…</div>}
    </div>
  );
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import type { BodyClient } from './body-client';
import { visibleSegments, type BodyRow } from './body-rows';
import type { BodyTab } from './body-views';
import { cx } from '../../lib/cx';
import styles from './Body.module.css';
import marks from './InvisibleChar.module.css';

const ROW_HEIGHT = 18;
/** Rows asked of the worker at a time. */
const BLOCK_ROWS = 200;
/** Blocks kept; scrolling far away drops the oldest. */
const MAX_BLOCKS = 40;
/** Browsers cap an element's height (Chromium near 33 million px): past this the scrollbar is scaled. */
const MAX_SCROLL_HEIGHT = 8_000_000;
const GUTTER_CHARS = 8;

interface Layout {
  columns: number;
  rowCount: number;
  /** Rows are whole lines (Pretty, Hex): the widest sets the horizontal scroll, in characters. */
  wrapped: boolean;
  widest: number;
}

/**
 * A virtualized, read-only view of a large body: only the rows on screen exist, asked of the body
 * worker a block at a time. Text wraps at the view's width (as the editor's Raw view does); Hex
 * has one row per 16 bytes.
 */
export function WindowedText({ client, tab, onFirstRows }: { client: BodyClient; tab: BodyTab; onFirstRows?: () => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const blocks = useRef(new Map<number, BodyRow[]>());
  const requested = useRef(new Set<number>());
  const [, setVersion] = useState(0);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [layout, setLayout] = useState<Layout | null>(null);
  // The layout rows are asked for: an answer for an older one (before a resize) is dropped.
  const layoutRef = useRef<Layout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstShown = useRef(false);

  // The view's size, in pixels and then in characters per row.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const charWidth = probe.current ? probe.current.getBoundingClientRect().width / 10 : 7.5;
  const gutter = tab === 'hex' ? 0 : GUTTER_CHARS;
  const columns = tab === 'hex' ? 0 : Math.max(20, Math.floor((viewport.width - 24) / (charWidth || 7.5)) - gutter - 2);

  // A new width or tab means a new row layout (debounced while a window is being resized).
  useEffect(() => {
    if (viewport.width === 0) return;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        client.rowsInfo(tab, columns).then(
          (info) => {
            if (cancelled) return;
            blocks.current = new Map();
            requested.current = new Set();
            const next = { columns, rowCount: info.rows, wrapped: info.wrapped, widest: info.widest };
            layoutRef.current = next;
            setLayout(next);
          },
          (failure: unknown) => !cancelled && setError(failure instanceof Error ? failure.message : String(failure)),
        );
      },
      layout === null ? 0 : 150,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `layout` only picks the delay: a new layout must not ask again; only the viewport's first width matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [client, tab, columns, viewport.width === 0]);

  const total = layout ? layout.rowCount * ROW_HEIGHT : 0;
  const spacer = Math.min(total, MAX_SCROLL_HEIGHT);
  // Where the view's top is in the whole document, scaling the scrollbar when it had to be capped.
  const maxScroll = Math.max(0, spacer - viewport.height);
  const maxPosition = Math.max(0, total - viewport.height);
  const position = maxScroll > 0 && spacer < total ? (Math.min(scrollTop, maxScroll) / maxScroll) * maxPosition : scrollTop;
  const firstRow = Math.floor(position / ROW_HEIGHT);
  const visibleRows = Math.ceil(viewport.height / ROW_HEIGHT) + 2;
  const lastRow = layout ? Math.min(layout.rowCount, firstRow + visibleRows) : 0;

  const load = useCallback(
    (block: number, current: Layout) => {
      if (blocks.current.has(block) || requested.current.has(block)) return;
      requested.current.add(block);
      client.rows(tab, current.columns, block * BLOCK_ROWS, BLOCK_ROWS).then(
        (rows) => {
          if (layoutRef.current !== current) return; // a newer layout replaced this one
          requested.current.delete(block);
          blocks.current.set(block, rows);
          while (blocks.current.size > MAX_BLOCKS) blocks.current.delete(blocks.current.keys().next().value as number);
          setVersion((version) => version + 1);
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
    },
    [client, tab],
  );

  useEffect(() => {
    if (!layout) return;
    const firstBlock = Math.floor(Math.max(0, firstRow - visibleRows) / BLOCK_ROWS);
    const lastBlock = Math.floor((lastRow + visibleRows) / BLOCK_ROWS);
    for (let block = firstBlock; block <= lastBlock; block += 1) {
      if (block * BLOCK_ROWS < layout.rowCount) load(block, layout);
    }
  }, [layout, firstRow, lastRow, visibleRows, load]);

  const rows: Array<{ index: number; row: BodyRow | undefined }> = [];
  for (let index = firstRow; index < lastRow; index += 1) {
    rows.push({ index, row: blocks.current.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS] });
  }
  const ready = rows.length > 0 && rows.every(({ row }) => row !== undefined);

  useEffect(() => {
    if (ready && !firstShown.current) {
      firstShown.current = true;
      onFirstRows?.();
    }
  }, [ready, onFirstRows]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop);
  const top = Math.min(scrollTop, maxScroll) - (position - firstRow * ROW_HEIGHT);
  // Unwrapped rows scroll sideways: the widest row sets the width (the gutter and padding included).
  const minWidth = layout && !layout.wrapped ? `calc(${layout.widest + gutter + 2}ch + 16px)` : undefined;

  return (
    <div className={styles.windowed} ref={scroller} onScroll={onScroll} data-testid="body-windowed" data-ready={ready ? 'true' : 'false'}>
      <span className={styles.probe} ref={probe} aria-hidden="true">
        0000000000
      </span>
      <div style={{ height: spacer, minWidth }} />
      {error !== null ? (
        <div className={cx(styles.error, 'inline-error')}>{error}</div>
      ) : (
        <div className={styles.rows} style={{ transform: `translateY(${top}px)`, minWidth }}>
          {rows.map(({ index, row }) => (
            <div key={index} className={styles.row} data-row={index} data-testid="windowed-row">
              {gutter > 0 && <span className={styles.gutter}>{row?.line ?? ''}</span>}
              <span className={styles.line}>
                {row === undefined
                  ? ''
                  : visibleSegments(row.text).map((segment, at) =>
                      segment.special ? (
                        <span key={at} className={marks.invisibleChar} data-testid="invisible-char" title={segment.title}>
                          {segment.text}
                        </span>
                      ) : (
                        segment.text
                      ),
                    )}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

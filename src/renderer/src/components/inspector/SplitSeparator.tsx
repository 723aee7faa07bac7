import { useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { clamp, followHorizontalDrag, readStoredSize, writeStored } from '../../lib/layout-storage';
import { useElementWidth } from '../../lib/use-element-width';
import styles from './Inspector.module.css';

const STORAGE_KEY = 'inspector-list-width';
export const MIN_LIST_PX = 320;
export const MIN_DETAIL_PX = 440;
const STEP_PX = 16;
const BIG_STEP_PX = 64;

/** The list pane's width the user chose (null: the default split), kept across reloads. */
export function useListWidth() {
  const [width, setWidth] = useState<number | null>(() => readStoredSize(STORAGE_KEY));
  const update = (next: number | null) => {
    setWidth(next);
    writeStored(STORAGE_KEY, next);
  };
  return { width, update };
}

interface SplitSeparatorProps {
  containerRef: RefObject<HTMLElement | null>;
  listRef: RefObject<HTMLElement | null>;
  onChange: (width: number | null) => void;
}

/**
 * The draggable edge between list and detail, a focusable separator (arrow keys move it, Shift
 * for bigger steps, Home/End to the limits; double-click restores the default split).
 */
export function SplitSeparator({ containerRef, listRef, onChange }: SplitSeparatorProps) {
  const containerWidth = useElementWidth(containerRef);
  const listWidth = Math.round(useElementWidth(listRef));
  const max = Math.max(MIN_LIST_PX, Math.round(containerWidth - MIN_DETAIL_PX));
  const set = (width: number) => onChange(Math.round(clamp(width, MIN_LIST_PX, max)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.focus();
    const start = listRef.current?.getBoundingClientRect().width ?? listWidth;
    followHorizontalDrag(event.clientX, (dx) => set(start + dx));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP_PX : STEP_PX;
    // Measured now, not the observed width: that one lags a frame, and key repeat is faster.
    const current = Math.round(listRef.current?.getBoundingClientRect().width ?? listWidth);
    const target: Record<string, number> = {
      ArrowLeft: current - step,
      ArrowRight: current + step,
      Home: MIN_LIST_PX,
      End: max,
    };
    if (!(event.key in target)) return;
    event.preventDefault();
    set(target[event.key] as number);
  };

  return (
    <div
      className={styles.separator}
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the capture list"
      aria-valuenow={listWidth}
      aria-valuemin={MIN_LIST_PX}
      aria-valuemax={max}
      tabIndex={0}
      title="Drag (or focus and use the arrow keys) to resize the list; double-click for the default split"
      data-testid="split-separator"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(null)}
    />
  );
}

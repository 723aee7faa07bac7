/**
 * Pane and column sizes the user dragged, kept in localStorage per origin. Reading never throws:
 * storage can be disabled or hold anything (an older release, a hand edit), and a bad value only
 * means the default layout.
 */
const PREFIX = 'hookscope.layout.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isSize = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

export function readStoredSize(key: string): number | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null');
    return isSize(value) ? value : null;
  } catch {
    return null;
  }
}

/** A map of sizes, keeping only the known keys with valid values. */
export function readStoredSizes<K extends string>(key: string, known: readonly K[]): Partial<Record<K, number>> {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null');
    if (typeof value !== 'object' || value === null) return {};
    const sizes: Partial<Record<K, number>> = {};
    for (const name of known) {
      const size = (value as Record<string, unknown>)[name];
      if (isSize(size)) sizes[name] = size;
    }
    return sizes;
  } catch {
    return {};
  }
}

/** Stores a size (or a map of them); `null` or an empty map removes the entry, back to the default. */
export function writeStored(key: string, value: number | Record<string, number> | null): void {
  const empty = value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  try {
    if (empty) storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the layout still works for this session.
  }
}

export const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Follows a pointer drag from a pointerdown until the button is released: `onMove` gets the
 * horizontal distance from the start. Listens on the window so a fast drag that leaves the handle
 * keeps working, and marks the body so the cursor and text selection behave during the drag.
 */
export function followHorizontalDrag(startX: number, onMove: (dx: number) => void, onEnd?: () => void): void {
  const move = (event: PointerEvent) => onMove(event.clientX - startX);
  const end = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    document.body.classList.remove('resizing-layout');
    onEnd?.();
  };
  document.body.classList.add('resizing-layout');
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

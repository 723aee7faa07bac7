/**
 * Every keyboard shortcut, written once: the handler (use-keyboard-shortcuts) matches keys with
 * this table and the `?` dialog lists it, so the two cannot drift apart.
 */
export type ShortcutId =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'focus-detail'
  | 'back-to-list'
  | 'search'
  | 'replay'
  | 'copy-curl'
  | 'toggle-pin'
  | 'delete'
  | 'help';

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface KeyChord {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS; either is accepted everywhere. */
  mod?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  chords: KeyChord[];
  /** The keys as the dialog shows them, one entry per alternative. */
  labels: string[];
  description: string;
  /** Only where the capture list is (the Inspector), or on every page. */
  scope: 'inspector' | 'everywhere';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'next', chords: [{ key: 'ArrowDown' }, { key: 'j' }], labels: ['↓', 'J'], description: 'Next capture (older)', scope: 'inspector' },
  {
    id: 'previous',
    chords: [{ key: 'ArrowUp' }, { key: 'k' }],
    labels: ['↑', 'K'],
    description: 'Previous capture (newer)',
    scope: 'inspector',
  },
  { id: 'first', chords: [{ key: 'Home' }], labels: ['Home'], description: 'First capture (newest)', scope: 'inspector' },
  { id: 'last', chords: [{ key: 'End' }], labels: ['End'], description: 'Last loaded capture', scope: 'inspector' },
  {
    id: 'focus-detail',
    chords: [{ key: 'Enter' }],
    labels: ['Enter'],
    description: 'Focus the detail (arrows and Page Up/Down then scroll it)',
    scope: 'inspector',
  },
  {
    id: 'back-to-list',
    chords: [{ key: 'Escape' }],
    labels: ['Esc'],
    description: 'Back to the list (a dialog closes first)',
    scope: 'inspector',
  },
  {
    id: 'search',
    chords: [{ key: '/' }, { key: 'k', mod: true }],
    labels: ['/', 'Ctrl+K', '⌘K'],
    description: 'Search captures',
    scope: 'inspector',
  },
  { id: 'replay', chords: [{ key: 'r' }], labels: ['R'], description: 'Replay the selected capture', scope: 'inspector' },
  { id: 'copy-curl', chords: [{ key: 'c' }], labels: ['C'], description: 'Copy the selected capture as cURL', scope: 'inspector' },
  { id: 'toggle-pin', chords: [{ key: 'p' }], labels: ['P'], description: 'Pin or unpin the selected capture', scope: 'inspector' },
  {
    id: 'delete',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
    labels: ['Delete', 'Backspace'],
    description: 'Delete the selected capture (Undo for a few seconds)',
    scope: 'inspector',
  },
  { id: 'help', chords: [{ key: '?' }], labels: ['?'], description: 'Show these shortcuts', scope: 'everywhere' },
];

/** Keys that are typed with Shift on common layouts, so Shift must not stop them from matching. */
// `/` needs Shift on German, Nordic and Swiss layouts.
const SHIFTED_KEYS = new Set(['?', '/']);

function matches(chord: KeyChord, press: KeyPress): boolean {
  if (press.altKey) return false;
  const mod = press.ctrlKey || press.metaKey;
  if (chord.mod) return mod && !press.shiftKey && press.key.toLowerCase() === chord.key;
  if (mod) return false;
  if (press.shiftKey && !SHIFTED_KEYS.has(chord.key)) return false;
  return press.key === chord.key;
}

/** The shortcut a key press stands for, ignoring where it happened (the hook checks that). */
export function matchShortcut(press: KeyPress, table: readonly Shortcut[] = SHORTCUTS): Shortcut | null {
  return table.find((shortcut) => shortcut.chords.some((chord) => matches(chord, press))) ?? null;
}

/**
 * The index the selection moves to in a list of `count` rows; `current` -1 when nothing is
 * selected (then Down and Up both start at the top). Null when there is nowhere to go.
 */
export function moveIndex(id: 'next' | 'previous' | 'first' | 'last', current: number, count: number): number | null {
  if (count === 0) return null;
  if (id === 'first') return 0;
  if (id === 'last') return count - 1;
  if (current < 0) return 0;
  return id === 'next' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}

/** The row to select once the row at `index` is gone: the next (older) one, else the one before. */
export function indexAfterRemoval(index: number, countBefore: number): number | null {
  if (index < 0 || countBefore <= 1) return null;
  return index < countBefore - 1 ? index : index - 1;
}

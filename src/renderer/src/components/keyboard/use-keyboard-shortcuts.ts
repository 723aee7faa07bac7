import { useEffect } from 'react';
import { matchShortcut, moveIndex, type Shortcut } from '../../lib/shortcuts';
import { useStore } from '../../store';
import { copyCaptureAsCurl } from '../export/copy-curl';
import { CAPTURE_LIST_ID, DETAIL_PANE_ID, DETAIL_SCROLL_ID, SEARCH_INPUT_ID, focusById, isTypingTarget } from './targets';

/** Shortcuts a held key may repeat. */
const REPEATABLE = new Set<Shortcut['id']>(['next', 'previous']);

/** Keys the focused element uses itself when it is inside the detail (scrolling, a button's Enter). */
const NATIVE_IN_DETAIL = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * Focuses the detail once capture `id` is shown: selecting another capture replaces the detail
 * (a loading message in between), which drops the focus the user had put there.
 */
function focusDetailWhenShown(id: number): void {
  let done = false;
  const finish = () => {
    done = true;
    unsubscribe();
    clearTimeout(timer);
  };
  const attempt = (state: ReturnType<typeof useStore.getState>) => {
    if (done) return;
    if (state.selectedId !== id) return finish(); // the user moved on
    if (state.detail?.id !== id) return;
    finish();
    // After React has rendered the new detail.
    requestAnimationFrame(() => focusById(DETAIL_SCROLL_ID));
  };
  const unsubscribe = useStore.subscribe(attempt);
  const timer = setTimeout(finish, 10_000);
  attempt(useStore.getState());
}

/**
 * Runs a shortcut; false when it does not apply here (the key then keeps its ordinary meaning).
 * Reads the store at the time of the key press, so it never acts on a stale selection.
 */
function run(shortcut: Shortcut, event: KeyboardEvent, openHelp: () => void): boolean {
  const store = useStore.getState();
  const target = event.target instanceof Element ? event.target : null;
  const inDetail = target?.closest(`#${DETAIL_PANE_ID}`) != null;
  const inList = target?.closest(`#${CAPTURE_LIST_ID}`) != null;
  const selected = store.captures.find((row) => row.id === store.selectedId) ?? null;
  const selectedId = store.selectedId;

  switch (shortcut.id) {
    case 'help':
      openHelp();
      return true;
    case 'next':
    case 'previous':
    case 'first':
    case 'last': {
      if (inDetail && NATIVE_IN_DETAIL.has(event.key)) return false;
      const index = moveIndex(
        shortcut.id,
        store.captures.findIndex((row) => row.id === selectedId),
        store.captures.length,
      );
      const row = index === null ? undefined : store.captures[index];
      if (row && row.id !== selectedId) {
        store.selectCapture(row.id);
        if (inDetail) focusDetailWhenShown(row.id);
      }
      return true;
    }
    case 'focus-detail':
      // Enter on a button, link or tab keeps activating it.
      if (!(target === document.body || inList)) return false;
      return store.detail !== null && focusById(DETAIL_SCROLL_ID);
    case 'back-to-list':
      if (inList) return false;
      return focusById(CAPTURE_LIST_ID);
    case 'search':
      return focusById(SEARCH_INPUT_ID);
    case 'replay':
      if (store.detail === null || store.detail.id !== selectedId) return false;
      store.setReplayOpen(true);
      return true;
    case 'copy-curl':
      if (selectedId === null) return false;
      void copyCaptureAsCurl(selectedId);
      return true;
    case 'toggle-pin': {
      if (selectedId === null) return false;
      const pinned = selected?.pinned ?? store.detail?.pinned ?? false;
      void store.setPinned(selectedId, !pinned);
      return true;
    }
    case 'delete':
      if (selectedId === null || !selected) return false;
      store.deleteWithUndo(selectedId);
      return true;
  }
}

/**
 * The app's keyboard shortcuts (lib/shortcuts.ts lists them), on one window listener. They never
 * fire while the user types in a field or an editor, nor under a dialog (which owns Escape), nor
 * with Ctrl, Cmd or Alt held except where the table says so.
 */
export function useKeyboardShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = matchShortcut(event);
      if (!shortcut || isTypingTarget(event.target)) return;
      // A held key repeats: fine for moving through the list, never for deleting, replaying, pinning.
      if (event.repeat && !REPEATABLE.has(shortcut.id)) {
        event.preventDefault();
        return;
      }
      if (document.querySelector('[aria-modal="true"]') !== null) return;
      if (shortcut.scope === 'inspector' && useStore.getState().page !== 'inspector') return;
      // Otherwise a `/` would land in the box it just focused, and arrows would also scroll.
      if (run(shortcut, event, openHelp)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openHelp]);
}

/** The elements shortcuts move focus to, by id, so the handler needs no refs into other components. */
export const SEARCH_INPUT_ID = 'capture-search';
export const CAPTURE_LIST_ID = 'capture-list';
export const DETAIL_SCROLL_ID = 'capture-detail-scroll';
/** The inspector's detail pane, where arrows scroll the detail (or its editor) rather than move the selection. */
export const DETAIL_PANE_ID = 'detail-pane';

export function focusById(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.focus();
  return true;
}

/** Where a key press is the user's typing, never a shortcut: fields, editable content, any Monaco editor. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // Monaco's own input is a textarea (.inputarea), but match its container too in case focus sits elsewhere inside it.
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor') !== null;
}

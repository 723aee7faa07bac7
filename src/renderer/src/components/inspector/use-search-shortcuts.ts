import { useEffect, type RefObject } from 'react';

/** Where a `/` or Ctrl+K is the user's typing, not a request to search. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // Monaco's own input is a textarea, but match its container too in case focus sits elsewhere inside it.
  return target.closest('input, textarea, select, .monaco-editor') !== null;
}

/** `/` and Ctrl/Cmd+K focus the search box from anywhere on the page, except while typing or in a dialog. */
export function useSearchShortcuts(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey;
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
      if (!slash && !commandK) return;
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]') !== null) return;
      // Otherwise the `/` would land in the box it just focused.
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}

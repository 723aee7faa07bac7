import { useCallback, useState } from 'react';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** Listens for the app's shortcuts and shows their list on `?`. Mounted once, beside the pages. */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useKeyboardShortcuts(openHelp);
  return helpOpen ? <ShortcutsDialog onClose={closeHelp} /> : null;
}

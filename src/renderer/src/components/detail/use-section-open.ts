import { useCallback, useState } from 'react';
import { isSectionOpen, readSectionState, writeSectionState } from '../../lib/section-state';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: sections still toggle, they just are not remembered
  }
}

/**
 * Whether the section `id` is open: the user's last choice for it (kept in localStorage, so it
 * holds across captures and reloads), else `defaultOpen`. Read when the id changes, so a section
 * whose id depends on the capture (verification of a valid vs. a failing one) follows its own memory.
 */
export function useSectionOpen(id: string, defaultOpen: boolean): [boolean, (open: boolean) => void] {
  const [choices, setChoices] = useState(() => readSectionState(storage()));
  const [readFor, setReadFor] = useState(id);
  if (readFor !== id) {
    // Another section (or another window) may have written since this one last read.
    setReadFor(id);
    setChoices(readSectionState(storage()));
  }
  const setOpen = useCallback((open: boolean) => setChoices(writeSectionState(storage(), readSectionState(storage()), id, open)), [id]);
  return [isSectionOpen(choices, id, defaultOpen), setOpen];
}

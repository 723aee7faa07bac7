/**
 * Which of the capture detail's collapsible sections are open, remembered across captures and
 * reloads. Only the user's explicit choices are stored; a section never toggled follows its
 * default, so a new default reaches users who never cared about that section.
 */
export const SECTION_STATE_KEY = 'hookscope.detail.sections';

export type SectionState = Record<string, boolean>;

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored choices; anything unreadable (a hand-edited or foreign value) counts as no choice. */
export function readSectionState(storage: KeyValueStore | null): SectionState {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SECTION_STATE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  } catch {
    return {};
  }
}

export function isSectionOpen(state: SectionState, id: string, defaultOpen: boolean): boolean {
  return state[id] ?? defaultOpen;
}

/** Records a choice; storage that refuses (private mode, quota) only costs the memory of it. */
export function writeSectionState(storage: KeyValueStore | null, state: SectionState, id: string, open: boolean): SectionState {
  const next = { ...state, [id]: open };
  try {
    storage?.setItem(SECTION_STATE_KEY, JSON.stringify(next));
  } catch {
    // Still remembered for this window's lifetime.
  }
  return next;
}

import { parseHistoryQuery } from '../../../shared/history-query';
import { QuerySyntaxError } from '../../../shared/history-query-tree';
import type { SliceCreator } from './types';

/** The parser's complaint about `text`, if any: the engine runs the same parser, so asking it is a wasted request. */
function syntaxProblem(text: string): string | null {
  try {
    parseHistoryQuery(text, Date.now());
    return null;
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error.message;
    throw error;
  }
}

/** Typing pauses this long before the list follows, so a query is not sent per keystroke. */
export const QUERY_DEBOUNCE_MS = 200;

export interface SearchSlice {
  /** The search box's text; it becomes the list's `query` once applied (and the engine accepts it). */
  queryDraft: string;
  /**
   * Edits the text; the list follows QUERY_DEBOUNCE_MS after the last edit unless `apply` is
   * false (a qualifier key picked from the suggestions is not a query yet).
   */
  editQuery: (text: string, apply?: boolean) => void;
  /** Applies `text` (default: the box's text) at once: Enter, a filter chip, Escape. */
  submitQuery: (text?: string) => void;
  /** The query of the first load (the URL's ?q= at start-up), in the box and as the list's; loads nothing. */
  setInitialQuery: (text: string) => void;
}

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    queryDraft: '',

    editQuery: (text, apply = true) => {
      // The error was about the text before this edit.
      set({ queryDraft: text, queryError: null });
      cancel();
      if (!apply) return;
      timer = setTimeout(() => {
        timer = null;
        // Half-typed (`verdict:`): say what is missing once typing pauses, and keep the list as it is.
        const problem = syntaxProblem(get().queryDraft);
        if (problem !== null) set({ queryError: problem });
        else void get().applyQuery(get().queryDraft);
      }, QUERY_DEBOUNCE_MS);
    },

    submitQuery: (text) => {
      cancel();
      const next = text ?? get().queryDraft;
      set({ queryDraft: next });
      void get().applyQuery(next);
    },

    setInitialQuery: (text) => set({ queryDraft: text, query: text.trim() }),
  };
};

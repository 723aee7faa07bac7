/**
 * Editing a history query as text (src/shared/history-query.ts parses it): the word under the
 * caret, quoting a value, toggling one term. Quotes are honoured so `event:"a b"` is one word.
 */

export interface WordSpan {
  start: number;
  end: number;
}

/** [start, end) of every whitespace-separated word, a quoted part (which may hold spaces) included. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let start = -1;
  let quoted = false;
  for (let i = 0; i <= text.length; i += 1) {
    const char = text[i];
    const boundary = char === undefined || (!quoted && /\s/u.test(char));
    if (boundary) {
      if (start >= 0) spans.push({ start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (char === '\\' && quoted) i += 1;
    else if (char === '"') quoted = !quoted;
  }
  return spans;
}

/** The word the caret is in or right after; an empty span at the caret between words. */
export function wordAt(text: string, caret: number): WordSpan {
  return wordSpans(text).find((span) => span.start <= caret && caret <= span.end) ?? { start: caret, end: caret };
}

/** A qualifier value as the parser reads it back: bare when it can be, else in quotes. */
export function quoteValue(value: string): string {
  if (value !== '' && /^[^\s"()\\]+$/u.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** `key:value` with the value quoted when needed. */
export function qualifierTerm(key: string, value: string): string {
  return `${key}:${quoteValue(value)}`;
}

/** Keys are case-insensitive and so are the values chips use (verdicts, flags); compare that way. */
function sameTerm(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function hasTerm(query: string, term: string): boolean {
  return wordSpans(query).some((span) => sameTerm(query.slice(span.start, span.end), term));
}

/** Removes every occurrence of `term` as a whole word, or appends it when there is none. */
export function toggleTerm(query: string, term: string): string {
  const words = wordSpans(query).map((span) => query.slice(span.start, span.end));
  const kept = words.filter((word) => !sameTerm(word, term));
  return (kept.length === words.length ? [...words, term] : kept).join(' ');
}

/** Puts `insert` in place of [span.start, span.end) and says where the caret goes (after it). */
export function replaceSpan(text: string, span: WordSpan, insert: string): { text: string; caret: number } {
  const after = text.slice(span.end);
  // A following space lets the next word start right away, unless one is already there.
  const spacer = /^\s/u.test(after) ? '' : ' ';
  const suffix = insert.endsWith(':') ? '' : spacer;
  return { text: `${text.slice(0, span.start)}${insert}${suffix}${after}`, caret: span.start + insert.length + suffix.length };
}

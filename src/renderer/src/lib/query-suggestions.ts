import type { QualifierHelp } from '../../../shared/history-qualifiers';
import { qualifierTerm, wordAt, type WordSpan } from './query-text';

/** A value the store knows for a qualifier (an endpoint, an event type), beyond the parser's fixed list. */
export interface ValueCandidate {
  value: string;
  label: string;
  detail: string;
  /** Texts the typed prefix is matched against (an endpoint by name or id). */
  match: string[];
}

export interface Suggestion {
  /** What replaces the word being typed. */
  insert: string;
  label: string;
  detail: string;
}

export interface SuggestionList {
  span: WordSpan;
  items: Suggestion[];
  /** The qualifier's syntax and help while its value is typed; null for key suggestions. */
  hint: string | null;
}

export const MAX_SUGGESTIONS = 8;

/** `-` negates and `(` opens a group; neither is part of the key or value being typed. */
const LEADING_OPERATORS = /^[-(]*/;

function rank(candidates: ValueCandidate[], typed: string): ValueCandidate[] {
  const lower = typed.toLowerCase();
  const starts = candidates.filter((c) => c.match.some((text) => text.toLowerCase().startsWith(lower)));
  const contains = candidates.filter((c) => !starts.includes(c) && c.match.some((text) => text.toLowerCase().includes(lower)));
  return [...starts, ...contains];
}

function uniqueByValue(candidates: ValueCandidate[]): ValueCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = c.value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What to offer for the word under the caret: qualifier keys while a key is typed (`ver` →
 * `verdict:`), values after `key:` (the parser's fixed values, then what the store knows).
 */
export function suggestQuery(
  text: string,
  caret: number,
  qualifiers: readonly QualifierHelp[],
  known: Readonly<Record<string, ValueCandidate[]>>,
): SuggestionList | null {
  const word = wordAt(text, caret);
  const typedWord = text.slice(word.start, caret);
  const operators = LEADING_OPERATORS.exec(typedWord)?.[0].length ?? 0;
  const span = { start: word.start + operators, end: word.end };
  const typed = typedWord.slice(operators);

  if (/^[A-Za-z]+$/.test(typed)) {
    const lower = typed.toLowerCase();
    const items = qualifiers
      .filter((q) => q.key.startsWith(lower))
      .map((q) => ({ insert: `${q.key}:`, label: `${q.key}:`, detail: q.help }));
    return items.length > 0 ? { span, items: items.slice(0, MAX_SUGGESTIONS), hint: null } : null;
  }

  const qualified = /^([A-Za-z]+):(.*)$/su.exec(typed);
  const qualifier = qualified && qualifiers.find((q) => q.key === qualified[1]!.toLowerCase());
  if (!qualified || !qualifier) return null;
  const valueTyped = qualified[2]!.replace(/^"|"$/g, '');
  const fixed = qualifier.values.map((value) => ({ value, label: value, detail: '', match: [value] }));
  const candidates = rank(uniqueByValue([...fixed, ...(known[qualifier.key] ?? [])]), valueTyped);
  // A value typed out in full needs no list that would only repeat it.
  const complete = candidates.length === 1 && candidates[0]!.value.toLowerCase() === valueTyped.toLowerCase();
  const items = complete
    ? []
    : candidates
        .slice(0, MAX_SUGGESTIONS)
        .map((c) => ({ insert: qualifierTerm(qualifier.key, c.value), label: c.label, detail: c.detail }));
  return { span, items, hint: `${qualifier.syntax} — ${qualifier.help}` };
}

export interface KnownSources {
  endpoints: ReadonlyArray<{ id: string; name: string }>;
  /** The event catalog's types and the events seen in loaded captures. */
  eventTypes: readonly string[];
  schemes: ReadonlyArray<{ id: string; label: string }>;
}

/** The values the store knows, by the qualifier key they complete. */
export function knownQueryValues({ endpoints, eventTypes, schemes }: KnownSources): Record<string, ValueCandidate[]> {
  const nameCount = new Map<string, number>();
  for (const endpoint of endpoints) nameCount.set(endpoint.name.toLowerCase(), (nameCount.get(endpoint.name.toLowerCase()) ?? 0) + 1);
  return {
    // By name, which reads better in the box, unless two endpoints share it.
    endpoint: endpoints.map((endpoint) => ({
      value: nameCount.get(endpoint.name.toLowerCase()) === 1 ? endpoint.name : endpoint.id,
      label: endpoint.name,
      detail: endpoint.id,
      match: [endpoint.name, endpoint.id],
    })),
    event: [...new Set(eventTypes)].sort().map((type) => ({ value: type, label: type, detail: '', match: [type] })),
    scheme: schemes.map((scheme) => ({ value: scheme.id, label: scheme.id, detail: scheme.label, match: [scheme.id, scheme.label] })),
  };
}

/** One editable header row of the Signature Lab. `id` is a stable React key; names keep their case. */
import type { HeaderPairs, MutableHeaderPair } from '../../../shared/http-headers';
export interface HeaderRow {
  id: number;
  name: string;
  value: string;
}

const lower = (name: string) => name.trim().toLowerCase();

/** The first row with this name (case-insensitive), as HTTP header lookup works. */
export function findHeader(rows: readonly HeaderRow[], name: string): HeaderRow | undefined {
  const wanted = lower(name);
  return rows.find((row) => lower(row.name) === wanted);
}

/** Sets the first row with this name (keeping its spelling and position), or appends a row. */
export function setHeaderValue(rows: readonly HeaderRow[], name: string, value: string, newId: () => number): HeaderRow[] {
  const existing = findHeader(rows, name);
  if (existing) return rows.map((row) => (row === existing ? { ...row, value } : row));
  return [...rows, { id: newId(), name, value }];
}

/** Puts freshly signed headers into the list: matching rows are updated in place, new ones appended. */
export function applyHeaders(rows: readonly HeaderRow[], headers: Record<string, string>, newId: () => number): HeaderRow[] {
  let next = [...rows];
  for (const [name, value] of Object.entries(headers)) next = setHeaderValue(next, name, value, newId);
  return next;
}

/** Rows as [name, value] pairs in order, skipping rows without a name. */
export function toHeaderPairs(rows: readonly HeaderRow[]): MutableHeaderPair[] {
  return rows.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]);
}

export function toHeaderRows(pairs: HeaderPairs, newId: () => number): HeaderRow[] {
  return pairs.map(([name, value]) => ({ id: newId(), name, value }));
}

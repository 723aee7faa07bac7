import type { RequestSummary } from '../../../shared/api';

/**
 * The capture list's row arithmetic, kept pure so it can be tested without a store. Lists are
 * newest first; capture ids grow monotonically (AUTOINCREMENT), so that is descending id order.
 */

function byNewestFirst(a: RequestSummary, b: RequestSummary): number {
  return b.id - a.id;
}

/** Merges rows into a newest-first list, replacing rows with the same id. */
export function mergeRows(existing: RequestSummary[], incoming: RequestSummary[]): RequestSummary[] {
  if (incoming.length === 0) return existing;
  const incomingIds = new Set(incoming.map((row) => row.id));
  const newestExisting = existing[0]?.id ?? -Infinity;
  const sortedIncoming = [...incoming].sort(byNewestFirst);
  const oldestIncoming = sortedIncoming[sortedIncoming.length - 1]?.id ?? Infinity;
  // Fast path, the common live case: everything incoming is newer than what we have.
  if (oldestIncoming > newestExisting) return [...sortedIncoming, ...existing];
  return [...existing.filter((row) => !incomingIds.has(row.id)), ...sortedIncoming].sort(byNewestFirst);
}

/** Replaces rows that are in the list already; rows it does not hold are ignored. */
export function replaceRows(existing: RequestSummary[], incoming: RequestSummary[]): RequestSummary[] {
  const fresh = new Map(incoming.map((row) => [row.id, row]));
  if (!existing.some((row) => fresh.has(row.id))) return existing;
  return existing.map((row) => fresh.get(row.id) ?? row);
}

export interface ListHead {
  rows: RequestSummary[];
  nextBefore: number | null;
  /** How many kept rows are newer than the page (not in the engine's count when it answered). */
  newer: number;
}

/**
 * Lays a freshly fetched first page over a list: within the page's id range the page is the
 * truth (rows that left the query or were deleted go). `keepOlder` keeps rows older than the page
 * (loaded by scrolling), so a refresh does not throw the user back to the top; `keepNewer` keeps
 * rows newer than the page (live rows that arrived while it was in flight; only right without a
 * filter, where every live row belongs in the list).
 */
export function mergeHead(
  existing: RequestSummary[],
  existingNextBefore: number | null,
  page: { data: RequestSummary[]; next_before: number | null },
  keep: { newer: boolean; older: boolean },
): ListHead {
  const newestInPage = page.data[0]?.id ?? -Infinity;
  const newer = keep.newer ? existing.filter((row) => row.id > newestInPage) : [];
  const oldestInPage = page.data[page.data.length - 1]?.id;
  if (!keep.older || page.next_before === null || oldestInPage === undefined) {
    return { rows: [...newer, ...page.data], nextBefore: page.next_before, newer: newer.length };
  }
  const older = existing.filter((row) => row.id < oldestInPage);
  return {
    rows: [...newer, ...page.data, ...older],
    nextBefore: older.length > 0 ? existingNextBefore : page.next_before,
    newer: newer.length,
  };
}

/**
 * Removes ids from the list and says how many of them were captures the list stood for: the
 * rows it held, plus ids below the paging cursor (still in the history, not scrolled to yet). An
 * id at or above the cursor that is not in the list was removed already (a delete is reported by
 * its API answer and again by the live stream) and must not be counted twice.
 */
export function removeRows(
  existing: RequestSummary[],
  nextBefore: number | null,
  ids: readonly number[],
): { rows: RequestSummary[]; removed: number } {
  const gone = new Set(ids);
  const rows = existing.filter((row) => !gone.has(row.id));
  const held = existing.length - rows.length;
  // Below the cursor: never loaded. At or above it and not held: removed already (the bottom row
  // deleted by this window, then echoed by the live stream).
  const beyond = nextBefore === null ? 0 : [...gone].filter((id) => id < nextBefore).length;
  return { rows: held > 0 ? rows : existing, removed: held + beyond };
}

/** How many summaries are captures not counted before (a page fetched meanwhile may hold some). */
export function countNew(summaries: readonly RequestSummary[], seen: ReadonlySet<number>): number {
  return new Set(summaries.filter((row) => !seen.has(row.id)).map((row) => row.id)).size;
}

import type { RequestSummary } from '../../../shared/api';

/**
 * Deletes with Undo. The list hides a capture at once, but the engine is asked to delete it only
 * when the Undo window ends: until then the capture is still stored, so Undo needs no restore
 * API, and a reload, a crash or a closed window in the meantime keeps the capture instead of
 * losing it silently. After a reload the page says which ones it kept (the ids wait in
 * sessionStorage, which a reload keeps); a window closed and opened again says nothing.
 */
export interface PendingDelete {
  id: number;
  /** The row as the list showed it, put back by Undo. */
  row: RequestSummary;
  /** The list's query when it was deleted: the capture matched it. */
  query: string;
  /** The engine has deleted it: still filtered out of late answers, no longer in its counts. */
  committed: boolean;
}

/** Rows without hidden captures (a page fetched before the DELETE may still hold one). */
export function withoutPending(rows: RequestSummary[], pending: readonly PendingDelete[]): RequestSummary[] {
  if (pending.length === 0) return rows;
  const hidden = new Set(pending.map((entry) => entry.id));
  return rows.some((row) => hidden.has(row.id)) ? rows.filter((row) => !hidden.has(row.id)) : rows;
}

/**
 * How many of the engine's counts are captures still stored but deleted here: every uncommitted
 * one is in `total`; in `matching` those known to match `query` (deleted while it was shown, or
 * present in the page just fetched for it).
 */
export function pendingInCounts(
  pending: readonly PendingDelete[],
  query: string,
  fetched: readonly RequestSummary[],
): { total: number; matching: number } {
  const open = pending.filter((entry) => !entry.committed);
  const fetchedIds = new Set(fetched.map((row) => row.id));
  return { total: open.length, matching: open.filter((entry) => entry.query === query || fetchedIds.has(entry.id)).length };
}

export const PENDING_DELETES_KEY = 'hookscope.pending-deletes';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Records which deletes are waiting, so a start after an interruption can say which captures were kept. */
export function writePendingIds(storage: KeyValueStore | null, ids: readonly number[]): void {
  try {
    if (ids.length === 0) storage?.removeItem(PENDING_DELETES_KEY);
    else storage?.setItem(PENDING_DELETES_KEY, JSON.stringify(ids));
  } catch {
    // Without storage the capture is still kept on a reload; only the notice about it is lost.
  }
}

/** The ids a previous page left waiting (it was reloaded or closed within their Undo window); cleared once read. */
export function takeInterruptedIds(storage: KeyValueStore | null): number[] {
  try {
    const raw = storage?.getItem(PENDING_DELETES_KEY) ?? null;
    storage?.removeItem(PENDING_DELETES_KEY);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

/** "Capture #12 was kept: …" for captures whose delete a reload interrupted. */
export function interruptedText(ids: readonly number[]): string {
  const which = ids.length === 1 ? `Capture #${ids[0]} was` : `Captures ${ids.map((id) => `#${id}`).join(', ')} were`;
  return `${which} not deleted: the window reloaded or closed before the Undo time was up. Delete again if you meant to.`;
}

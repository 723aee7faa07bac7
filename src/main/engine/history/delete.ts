import type { ClearResult } from '../../../shared/api';
import type { EngineContext } from '../context';

/** Deletes captures with their search documents, in one transaction; returns how many existed. */
export function deleteCaptures(ctx: Pick<EngineContext, 'db' | 'requests' | 'indexer'>, ids: readonly number[]): number {
  return ctx.db.transaction(() => {
    ctx.indexer.forget(ids);
    return ctx.requests.deleteIds(ids);
  })();
}

/**
 * Clear all: every unpinned capture goes. The index is emptied in the same transaction and filled
 * again from the pinned ones (a handful), which costs far less than taking out the documents one
 * by one; the freed pages then go back to the file system.
 */
export function clearUnpinned(ctx: Pick<EngineContext, 'db' | 'requests' | 'indexer' | 'retention'>): ClearResult {
  const result = ctx.db.transaction(() => {
    const cleared = ctx.requests.clearUnpinned();
    ctx.indexer.reset();
    return cleared;
  })();
  ctx.indexer.schedule();
  void ctx.retention.prune();
  return result;
}

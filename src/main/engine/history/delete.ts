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
 * Clear all: every unpinned capture goes. The index is emptied and rebuilt from the pinned ones
 * (a handful), which costs far less than taking out the documents one by one.
 */
export function clearUnpinned(ctx: Pick<EngineContext, 'db' | 'requests' | 'indexer'>): ClearResult {
  const result = ctx.db.transaction(() => ctx.requests.clearUnpinned())();
  ctx.indexer.rebuild();
  return result;
}

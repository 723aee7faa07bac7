import type Database from 'better-sqlite3';
import type { RequestSummary } from '../../../shared/api';
import type { EngineContext } from '../context';
import { completeVerification } from '../services/capture-verification';
import { verdictOf } from '../store/capture-row';
import { PROFILE_JOIN, toSummary } from '../store/capture-summary';
import { INDEXED_BODY_SQL, searchDocument, type CaptureForSearch } from './search-document';
import { QuietTimer } from './quiet-timer';

/** Captures indexed per slice; a slice is one transaction and one turn of the event loop. */
const SLICE = 250;
/** Indexing waits for this much quiet after the last capture (a burst keeps the CPU)... */
const QUIET_MS = 200;
/** ...but no longer than this under a flood that does not stop. */
const MAX_DEFER_MS = 2000;
/** The format of search-document.ts; a release that changes it bumps this and the index is rebuilt. */
// 2: a body's text is judged by its first MB alone (it was judged whole).
export const SEARCH_INDEX_VERSION = 2;

/**
 * Fills the search index off the receiver's hot path: in the background, a slice at a time, through
 * `history_state.indexed_through` (every capture at or below it is indexed). A search first indexes
 * whatever is still waiting (`catchUp`), so a capture is findable the moment it is listed.
 *
 * It also computes the diagnosis of invalid captures (the receiver stores only the strict
 * verdict): its codes become `reason:` facets, and the first telling one the list's pill, pushed
 * live. The index is contentless, so removing a document means rebuilding it from the capture
 * (`forget`) before the capture goes.
 */
export class SearchIndexer {
  private readonly selectState;
  private readonly setWatermark;
  private readonly selectBatch;
  private readonly selectOne;
  private readonly insertDoc;
  private readonly deleteDoc;
  private readonly setDiagnosis;
  private readonly selectNewest;
  private readonly timer = new QuietTimer('indexing captures for search', () => this.indexSlice(SLICE) === SLICE, QUIET_MS, MAX_DEFER_MS);

  constructor(
    private readonly db: Database.Database,
    private readonly ctx: EngineContext,
  ) {
    this.selectState = db.prepare('SELECT indexed_through AS watermark, index_version AS version FROM history_state WHERE id = 1');
    this.setWatermark = db.prepare('UPDATE history_state SET indexed_through = ? WHERE id = 1');
    const select = `SELECT c.*, p.scheme, p.endpoint_id, p.event, d.head, d.extra, ${INDEXED_BODY_SQL} AS body FROM captures c ${PROFILE_JOIN} JOIN capture_data d ON d.id = c.id`;
    this.selectBatch = db.prepare(`${select} WHERE c.id > ? ORDER BY c.id LIMIT ?`);
    this.selectOne = db.prepare(`${select} WHERE c.id = ?`);
    this.insertDoc = db.prepare('INSERT INTO capture_search (rowid, doc) VALUES (?, ?)');
    this.deleteDoc = db.prepare(`INSERT INTO capture_search (capture_search, rowid, doc) VALUES ('delete', ?, ?)`);
    this.setDiagnosis = db.prepare('UPDATE captures SET diagnosis = ? WHERE id = ?');
    this.selectNewest = db.prepare('SELECT max(id) FROM captures').pluck();
    const state = this.selectState.get() as { version: number };
    if (state.version !== SEARCH_INDEX_VERSION) this.reset();
  }

  /** Every capture with an id at or below this is in the index. */
  watermark(): number {
    return (this.selectState.get() as { watermark: number }).watermark;
  }

  /** Called after captures were committed: index them soon, off the requests that brought them. */
  schedule(): void {
    this.timer.poke();
  }

  /**
   * Indexes everything that arrived before this call (before a search), a slice per turn of the
   * event loop: after a flood the backlog can be large (100,000 captures: ~4 s), and senders must
   * not wait for it. Captures arriving meanwhile are not waited for, or a flood would never let
   * the search finish.
   */
  async catchUp(): Promise<void> {
    const upTo = this.selectNewest.get() as number | null;
    while (upTo !== null && this.watermark() < upTo && this.indexSlice(SLICE) > 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Indexes up to `limit` captures above the watermark; returns how many. */
  indexSlice(limit: number): number {
    const updated: RequestSummary[] = [];
    const count = this.db.transaction(() => {
      const rows = this.selectBatch.all(this.watermark(), limit) as CaptureForSearch[];
      for (const row of rows) {
        const summary = this.index(row);
        if (summary) updated.push(summary);
      }
      const last = rows[rows.length - 1];
      if (last) this.setWatermark.run(last.id);
      return rows.length;
    })();
    if (updated.length > 0) this.ctx.live.publish({ type: 'captures-updated', data: updated });
    return count;
  }

  /** Removes the documents of captures about to be deleted; call inside the deleting transaction. */
  forget(ids: readonly number[]): void {
    const watermark = this.watermark();
    for (const id of ids) {
      if (id > watermark) continue;
      const row = this.selectOne.get(id) as CaptureForSearch | undefined;
      if (row) this.deleteDoc.run(id, searchDocument(row, codesOf(row)));
    }
  }

  /**
   * Runs `update` (which changes what the capture's document holds: verdict, event...) with the old
   * document taken out before and the new one written after; inside the caller's transaction.
   */
  replace(id: number, update: () => void): void {
    if (id > this.watermark()) {
      update();
      return;
    }
    this.forget([id]);
    update();
    const row = this.selectOne.get(id) as CaptureForSearch | undefined;
    if (row) this.index({ ...row, diagnosis: null });
  }

  /**
   * Empties the index, to be filled again in the background with what is left (after Clear all,
   * or a new document format); inside the caller's transaction when there is one.
   */
  reset(): void {
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO capture_search (capture_search) VALUES ('delete-all')`).run();
      this.db.prepare('UPDATE history_state SET indexed_through = 0, index_version = ? WHERE id = 1').run(SEARCH_INDEX_VERSION);
    })();
  }

  /** Writes the capture's document; returns its new summary when its diagnosis changed. */
  private index(row: CaptureForSearch): RequestSummary | null {
    const codes = this.diagnosisCodes(row);
    const diagnosis = codes.length === 0 ? null : codes.join(' ');
    this.insertDoc.run(row.id, searchDocument(row, codes));
    if (diagnosis === row.diagnosis) return null;
    this.setDiagnosis.run(diagnosis, row.id);
    return toSummary({ ...row, diagnosis });
  }

  /**
   * The diagnosis of an invalid capture, exactly as its detail view shows it. One capture the
   * diagnosis cannot handle is indexed without it rather than stopping the index (and every search).
   */
  private diagnosisCodes(row: CaptureForSearch): string[] {
    if (verdictOf(row.verdict) !== 'invalid') return [];
    const detail = this.ctx.requests.load(row.id);
    if (!detail) return [];
    try {
      // Only the codes matter: no copy of the signed content (a large body's whole size) is made.
      return completeVerification(this.ctx, detail, 0).diagnosis.map((item) => item.code);
    } catch (error) {
      console.error(`Hookscope: no diagnosis for capture #${row.id}:`, error instanceof Error ? error.message : error);
      return [];
    }
  }

  close(): void {
    this.timer.close();
  }
}

/** The diagnosis codes a capture's document was written with. */
function codesOf(row: CaptureForSearch): string[] {
  return row.diagnosis === null ? [] : row.diagnosis.split(' ');
}

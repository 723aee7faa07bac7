import type Database from 'better-sqlite3';
import type { RequestSummary } from '../../../shared/api';
import type { EngineContext } from '../context';
import { completeVerification } from '../services/capture-verification';
import { verdictOf } from '../store/capture-row';
import { toSummary } from '../store/requests-repo';
import { searchDocument, type CaptureForSearch } from './search-document';

/** Captures indexed per slice; a slice is one transaction and one turn of the event loop. */
const SLICE = 250;
/** How long after a capture the background indexer starts: captures arriving together share a slice. */
const IDLE_DELAY_MS = 100;

/**
 * Fills the search index off the receiver's hot path: in the background, a slice at a time, through
 * `history_state.indexed_through` (every capture at or below it is indexed). A search first indexes
 * whatever is still waiting (`catchUp`), so a capture is findable the moment it is listed.
 *
 * It also computes the diagnosis of invalid captures (the receiver stores only the strict
 * verdict): its codes become `reason:` facets, the first one the list's pill, pushed live.
 */
export class SearchIndexer {
  private readonly selectWatermark;
  private readonly setWatermark;
  private readonly selectBatch;
  private readonly insertDoc;
  private readonly deleteDoc;
  private readonly setDiagnosis;
  private readonly selectOne;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly ctx: EngineContext,
  ) {
    this.selectWatermark = db.prepare('SELECT indexed_through FROM history_state WHERE id = 1').pluck();
    this.setWatermark = db.prepare('UPDATE history_state SET indexed_through = ? WHERE id = 1');
    const select = `SELECT c.*, d.head, d.body FROM captures c JOIN capture_data d ON d.id = c.id`;
    this.selectBatch = db.prepare(`${select} WHERE c.id > ? ORDER BY c.id LIMIT ?`);
    this.selectOne = db.prepare(`${select} WHERE c.id = ?`);
    this.insertDoc = db.prepare('INSERT INTO capture_search (rowid, doc) VALUES (?, ?)');
    this.deleteDoc = db.prepare('DELETE FROM capture_search WHERE rowid = ?');
    this.setDiagnosis = db.prepare('UPDATE captures SET diagnosis = ? WHERE id = ?');
  }

  /** Every capture with an id at or below this is in the index. */
  watermark(): number {
    return this.selectWatermark.get() as number;
  }

  /** Called after captures were committed: index them soon, off the request that brought them. */
  schedule(delayMs = IDLE_DELAY_MS): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // More waiting: the next slice after a turn of the event loop, so senders keep being answered.
      if (this.indexSlice(SLICE) === SLICE) this.schedule(0);
    }, delayMs);
  }

  /** Indexes everything not yet indexed (before a search). */
  catchUp(): void {
    while (this.indexSlice(SLICE * 4) > 0);
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
    if (updated.length > 0) this.ctx.live.publish({ type: 'captures', data: updated });
    return count;
  }

  /** Indexes one capture again after its verdict changed (re-verification); inside the caller's transaction. */
  reindex(id: number): void {
    if (id > this.watermark()) return;
    const row = this.selectOne.get(id) as CaptureForSearch | undefined;
    this.deleteDoc.run(id);
    if (row) this.index(row);
  }

  /** Writes the capture's document; returns its new summary when its diagnosis changed. */
  private index(row: CaptureForSearch): RequestSummary | null {
    const codes = this.diagnosisCodes(row);
    this.insertDoc.run(row.id, searchDocument(row, codes));
    const primary = codes.find((code) => code !== row.reason) ?? null;
    if (primary === row.diagnosis) return null;
    this.setDiagnosis.run(primary, row.id);
    return toSummary({ ...row, diagnosis: primary });
  }

  /** The diagnosis of an invalid capture, exactly as its detail view shows it. */
  private diagnosisCodes(row: CaptureForSearch): string[] {
    if (verdictOf(row.verdict) !== 'invalid') return [];
    const detail = this.ctx.requests.get(row.id);
    if (!detail) return [];
    return completeVerification(this.ctx, detail).diagnosis.map((item) => item.code);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

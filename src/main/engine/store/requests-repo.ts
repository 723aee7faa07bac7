import type Database from 'better-sqlite3';
import type { CapturedResponse, ClearResult, CapturedRequest, RequestSummary, Verification } from '../../../shared/api';
import type { HeaderPairs } from '../../../shared/http-headers';
import { deliveryIdOf } from '../receiver/delivery-id';
import { findHeader } from '../signatures/headers';
import { signedUrlOf } from '../tunnels/public-url';
import type { NewCapture } from './capture';
import { CaptureBodies } from './capture-bodies';
import { storedCaptureOf, type DetailRow, type StoredCapture } from './capture-detail';
import { CaptureProfiles } from './capture-profiles';
import {
  FLAG,
  decodeHead,
  deliveryKey,
  encodeExtra,
  encodeHead,
  extraOf,
  flagsOf,
  receiverUrl,
  verdictCode,
  type CaptureExtra,
} from './capture-row';
import { PROFILE_JOIN, SUMMARY_SELECT, toSummary, type SummaryRow } from './capture-summary';

// Re-exported so that control/routes/export.ts, rewritten in parallel with this split, keeps its import.
export { summaryOfCapture } from './capture-summary';

/** Captured requests: insert, list newest first, read one, pin, re-verify, delete. */
export class RequestsRepo {
  /** Wrapped once: building a transaction function per batch costs measurable time. */
  private readonly insertBatch: (captures: readonly NewCapture[]) => number[];
  private readonly insertCapture;
  private readonly insertData;
  private readonly selectDuplicateCandidates;
  private readonly selectHead;
  private readonly selectSummary;
  private readonly selectOne;
  private readonly setFlag;
  private readonly clearFlag;
  private readonly selectIdsForEndpoint;
  private readonly selectForVerify;
  private readonly updateVerification;
  private readonly selectExtra;
  private readonly updateStatus;
  private readonly updateExtra;
  private readonly deleteCapturesById;
  private readonly deleteDataById;
  /**
   * How many captures there are, kept as they come and go: `count(*)` walks the whole table, and
   * the list asks on every page.
   */
  private captureCount: number;

  private readonly profiles: CaptureProfiles;
  /** Body bytes on their own (size, a range, all): what the body route serves. */
  readonly bodies: CaptureBodies;

  constructor(private readonly db: Database.Database) {
    this.profiles = new CaptureProfiles(db);
    this.bodies = new CaptureBodies(db);
    // Positional parameters: binding named ones from an object costs a few µs more per capture.
    this.insertCapture = db.prepare(`INSERT INTO captures (received_at, method, path, query, response_status, verdict, reason,
        profile, body_size, flags, duplicate_of, delivery_key)
      VALUES (${Array.from({ length: 12 }, () => '?').join(', ')})`);
    this.insertData = db.prepare(`INSERT INTO capture_data (id, head, remote_address, remote_port, body_us, total_us, extra, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    // Only an earlier capture that was acknowledged (2xx) makes this one a duplicate: a retry
    // after a failed attempt is the sender doing its job, and the receiver should process it. An
    // aborted upload was acknowledged to nobody (its stored response is what would have gone out).
    this.selectDuplicateCandidates = db
      .prepare(
        `SELECT id FROM captures WHERE delivery_key = ? AND id > ?
      AND response_status BETWEEN 200 AND 299 AND (flags & ${FLAG.aborted}) = 0 ORDER BY id LIMIT 8`,
      )
      .pluck();
    this.selectHead = db.prepare('SELECT head FROM capture_data WHERE id = ?').pluck();
    this.captureCount = db.prepare('SELECT count(*) FROM captures').pluck().get() as number;
    this.insertBatch = db.transaction((batch: readonly NewCapture[]) =>
      batch.map((capture) => {
        let key: number | null = null;
        if (capture.deliveryId) {
          key = deliveryKey(capture.deliveryId);
          capture.duplicateOf = this.firstAcknowledged(key, capture.deliveryId);
        }
        const result = this.insertCapture.run(
          capture.receivedAt,
          capture.method,
          capture.path,
          capture.query,
          capture.response.status,
          verdictCode(capture.verification.verdict),
          capture.verification.reason,
          this.profiles.idOf(capture.endpointId, capture.verification.scheme, capture.event),
          capture.bodySize,
          flagsOf(capture),
          capture.duplicateOf ?? null,
          key,
        );
        const id = Number(result.lastInsertRowid);
        this.insertData.run(
          id,
          encodeHead(capture.headers),
          capture.remoteAddress,
          capture.remotePort,
          Math.round(capture.timing.body_ms * 1000),
          Math.round(capture.timing.total_ms * 1000),
          extraOf(capture),
          capture.body,
        );
        return id;
      }),
    );
    this.selectSummary = db.prepare(`${SUMMARY_SELECT} WHERE c.id = ?`);
    this.selectOne = db.prepare(`SELECT c.*, p.scheme, p.endpoint_id, p.event, d.head, d.remote_address, d.remote_port, d.body_us,
        d.total_us, d.extra, d.body FROM captures c ${PROFILE_JOIN} JOIN capture_data d ON d.id = c.id WHERE c.id = ?`);
    this.setFlag = db.prepare('UPDATE captures SET flags = flags | ? WHERE id = ?');
    this.clearFlag = db.prepare('UPDATE captures SET flags = flags & ~? WHERE id = ?');
    this.selectIdsForEndpoint = db
      .prepare(
        `SELECT id FROM captures WHERE profile IN (SELECT id FROM capture_profiles WHERE endpoint_id = ?)
      AND id > ? ORDER BY id LIMIT ?`,
      )
      .pluck();
    this.selectForVerify = db.prepare(`SELECT c.received_at, c.method, c.path, c.query, d.head, d.extra, d.body
      FROM captures c JOIN capture_data d ON d.id = c.id WHERE c.id = ?`);
    this.updateVerification = db.prepare('UPDATE captures SET verdict = ?, reason = ?, profile = ?, diagnosis = NULL WHERE id = ?');
    this.selectExtra = db.prepare('SELECT extra FROM capture_data WHERE id = ?').pluck();
    this.updateStatus = db.prepare('UPDATE captures SET response_status = ? WHERE id = ?');
    this.updateExtra = db.prepare('UPDATE capture_data SET extra = ? WHERE id = ?');
    // One statement per table for a whole batch of ids (a JSON array), not two per capture.
    const ids = 'SELECT value FROM json_each(?)';
    this.deleteCapturesById = db.prepare(`DELETE FROM captures WHERE id IN (${ids})`);
    this.deleteDataById = db.prepare(`DELETE FROM capture_data WHERE id IN (${ids})`);
  }

  /** Inserts many captures in one transaction; returns their ids in order. */
  insertMany(captures: readonly NewCapture[]): number[] {
    const ids = this.withProfiles(() => this.insertBatch(captures));
    this.captureCount += ids.length;
    return ids;
  }

  /** How many captures the history holds. */
  count(): number {
    return this.captureCount;
  }

  /**
   * The earliest acknowledged capture with this delivery id, confirmed against its own header. The
   * first candidate almost always is it (another id with the same hash is a one-in-10^14 event), so
   * candidates are read a few at a time: a delivery redelivered 100,000 times costs no more.
   */
  private firstAcknowledged(key: number, deliveryId: string): number | null {
    let after = 0;
    for (;;) {
      const candidates = this.selectDuplicateCandidates.all(key, after) as number[];
      for (const candidate of candidates) {
        const head = this.selectHead.get(candidate) as string;
        if (deliveryIdOf(decodeHead(head)) === deliveryId) return candidate;
      }
      if (candidates.length < 8) return null;
      after = candidates[candidates.length - 1] as number;
    }
  }

  summary(id: number): RequestSummary | null {
    const row = this.selectSummary.get(id) as SummaryRow | undefined;
    return row ? toSummary(row) : null;
  }

  /** The capture with its whole body as base64 (exports, replay). */
  get(id: number): CapturedRequest | null {
    const capture = this.load(id);
    if (!capture) return null;
    const { body, ...fields } = capture;
    return { ...fields, body_base64: body.toString('base64') };
  }

  /** The capture with its body as the stored bytes (no base64 copy of a large body). */
  load(id: number): StoredCapture | null {
    const row = this.selectOne.get(id) as DetailRow | undefined;
    return row ? storedCaptureOf(row) : null;
  }

  /**
   * Records that the HTTP parser answered instead of the endpoint, after the capture was stored
   * (the bytes after a request's announced length came in while it was being committed).
   */
  setParserResponse(id: number, response: CapturedResponse): void {
    const extraText = this.selectExtra.get(id) as string | null | undefined;
    if (extraText === undefined) return;
    const extra = (extraText === null ? {} : JSON.parse(extraText)) as CaptureExtra;
    this.updateStatus.run(response.status, id);
    this.updateExtra.run(encodeExtra({ ...extra, response, parser: true }), id);
  }

  /** Pins or unpins one capture; returns its summary, null when there is no such capture. */
  setPinned(id: number, pinned: boolean): RequestSummary | null {
    (pinned ? this.setFlag : this.clearFlag).run(FLAG.pinned, id);
    return this.summary(id);
  }

  /**
   * Deletes captures and their data by id; returns how many existed. Their search documents are
   * the index's to remove (SearchIndexer.forget, in the same transaction: history/delete.ts).
   */
  deleteIds(ids: readonly number[]): number {
    const list = JSON.stringify(ids);
    const count = this.deleteCapturesById.run(list).changes;
    this.deleteDataById.run(list);
    this.captureCount -= count;
    return count;
  }

  /** Deletes every unpinned capture and its data (Clear all; the index is rebuilt by the caller). */
  clearUnpinned(): ClearResult {
    this.db.prepare(`DELETE FROM capture_data WHERE id NOT IN (SELECT id FROM captures WHERE flags & ${FLAG.pinned})`).run();
    const deleted = this.db.prepare(`DELETE FROM captures WHERE (flags & ${FLAG.pinned}) = 0`).run().changes;
    this.captureCount -= deleted;
    return { deleted, kept_pinned: this.captureCount };
  }

  /**
   * Re-verifies up to `limit` stored requests of one endpoint with ids above `afterId`, oldest
   * first, in one transaction (their event type is read again too: it depends on the scheme); the
   * caller walks the whole history batch by batch, yielding to the event loop in between, so a
   * long history never stalls the receiver. Each row is updated through `replace`, which lets the
   * search index take out the capture's old document first and write the new one after, inside
   * the transaction, so the index never disagrees with the stored verdict.
   */
  reverifyBatch(
    endpointId: string,
    afterId: number,
    limit: number,
    verify: (
      headers: HeaderPairs,
      body: Buffer,
      target: { url: string; exactUrl: boolean; method: string },
      receivedAt: number,
    ) => { verification: Verification; event: string | null },
    replace: (id: number, update: () => void) => void = (_id, update) => update(),
  ): { count: number; lastId: number | null } {
    return this.withProfiles(() =>
      this.db.transaction(() => {
        // Ids first, then one row at a time: better-sqlite3 forbids writes while a statement is
        // being iterated, and loading the bodies of a whole batch at once could exhaust memory.
        const ids = this.selectIdsForEndpoint.all(endpointId, afterId, limit) as number[];
        for (const id of ids) {
          const row = this.selectForVerify.get(id) as {
            received_at: number;
            method: string;
            path: string;
            query: string;
            head: string;
            extra: string | null;
            body: Buffer;
          };
          const headers = decodeHead(row.head);
          const extra = (row.extra === null ? {} : JSON.parse(row.extra)) as CaptureExtra;
          const { verification, event } = verify(
            headers,
            row.body,
            // The method too: HubSpot signs it.
            {
              ...signedUrlOf(headers, extra.url ?? receiverUrl(findHeader(headers, 'host'), row.path, row.query), row.path, row.query),
              method: row.method,
            },
            row.received_at,
          );
          const profile = this.profiles.idOf(endpointId, verification.scheme, event);
          replace(id, () => this.updateVerification.run(verdictCode(verification.verdict), verification.reason, profile, id));
        }
        return { count: ids.length, lastId: ids.length === 0 ? null : (ids[ids.length - 1] as number) };
      })(),
    );
  }

  /** Runs a transaction that may create profiles; after a rollback, the remembered ids may be gone. */
  private withProfiles<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      this.profiles.forget();
      throw error;
    }
  }
}

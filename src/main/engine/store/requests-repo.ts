import type Database from 'better-sqlite3';
import type {
  RequestDetail,
  RequestSummary,
  Verification,
} from '../../../shared/api';
import type { NewCapture } from './capture';

interface SummaryRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  query: string;
  body_size: number;
  truncated: number;
  aborted: number;
  content_type: string | null;
  event: string | null;
  endpoint_id: string | null;
  response_status: number;
  verdict: RequestSummary['verification']['verdict'];
  reason: RequestSummary['verification']['reason'];
  scheme: string;
  duplicate_of: number | null;
  imported: number;
}

interface DetailRow extends SummaryRow {
  url: string;
  http_version: string;
  headers_json: string;
  remote_address: string | null;
  remote_port: number | null;
  forwarded_json: string;
  verification_json: string;
  response_json: string;
  timing_json: string;
  forward_json: string | null;
  imported: number;
  body: Buffer | null;
}

/**
 * The verification as stored: without the signed content, which is `<timestamp>.` plus a full
 * copy of the body (base64) and would make every metadata row as large as its body. It is
 * rebuilt when a capture is read (services/capture-verification.ts).
 */
function storedVerificationJson(verification: Verification): string {
  // The receiver's verifications carry no signed content already: no copy for them.
  if (verification.signed_content_base64 === null) return JSON.stringify(verification);
  return JSON.stringify({ ...verification, signed_content_base64: null });
}

// Never select request_bodies here: listing must stay cheap however large the bodies are.
const SUMMARY_COLUMNS = `id, received_at, method, path, query, body_size, truncated, aborted, content_type,
  event, endpoint_id, response_status, verdict, reason,
  json_extract(verification_json, '$.scheme') AS scheme, duplicate_of, imported`;

export function toSummary(row: SummaryRow): RequestSummary {
  return {
    id: row.id,
    received_at: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    query: row.query,
    body_size: row.body_size,
    truncated: row.truncated === 1,
    aborted: row.aborted === 1,
    content_type: row.content_type,
    event: row.event,
    endpoint_id: row.endpoint_id,
    response_status: row.response_status,
    verification: { verdict: row.verdict, reason: row.reason, scheme: row.scheme },
    duplicate_of: row.duplicate_of,
    imported: row.imported === 1,
  };
}

export function summaryOfCapture(id: number, capture: NewCapture): RequestSummary {
  return {
    id,
    received_at: new Date(capture.receivedAt).toISOString(),
    method: capture.method,
    path: capture.path,
    query: capture.query,
    body_size: capture.bodySize,
    truncated: capture.truncated,
    aborted: capture.aborted ?? false,
    content_type: capture.contentType,
    event: capture.event,
    endpoint_id: capture.endpointId,
    response_status: capture.response.status,
    verification: {
      verdict: capture.verification.verdict,
      reason: capture.verification.reason,
      scheme: capture.verification.scheme,
    },
    duplicate_of: capture.duplicateOf ?? null,
    imported: capture.imported ?? false,
  };
}

/** Captured requests: insert, list newest first, read one, re-verify, delete. */
export class RequestsRepo {
  private readonly insertRequest;
  /** Wrapped once: building a transaction function per batch costs measurable time. */
  private readonly insertBatch: (captures: readonly NewCapture[]) => number[];
  private readonly insertBody;
  private readonly selectPage;
  private readonly selectFirstPage;
  private readonly selectOne;
  private readonly deleteOne;
  private readonly deleteAll;
  private readonly deleteAllBodies;
  private readonly selectIdsForEndpoint;
  private readonly selectForVerify;
  private readonly updateVerification;
  private readonly selectFirstWithDeliveryId;
  private readonly updateDeliveryId;

  constructor(private readonly db: Database.Database) {
    // Positional parameters: binding 24 named ones from an object costs a few µs more per capture.
    this.insertRequest = db.prepare(`INSERT INTO requests (
        received_at, method, path, query, url, http_version, headers_json, content_type,
        body_size, truncated, remote_address, remote_port, forwarded_json, endpoint_id, event,
        verification_json, verdict, reason, response_json, response_status, timing_json, forward_json,
        imported, aborted)
      VALUES (${Array.from({ length: 24 }, () => '?').join(', ')})`);
    this.insertBody = db.prepare('INSERT INTO request_bodies (request_id, body) VALUES (?, ?)');
    this.insertBatch = db.transaction((batch: readonly NewCapture[]) =>
      batch.map((capture) => {
        const result = this.insertRequest.run(
          capture.receivedAt,
          capture.method,
          capture.path,
          capture.query,
          capture.url,
          capture.httpVersion,
          JSON.stringify(capture.headers),
          capture.contentType,
          capture.bodySize,
          capture.truncated ? 1 : 0,
          capture.remoteAddress,
          capture.remotePort,
          JSON.stringify(capture.forwarded),
          capture.endpointId,
          capture.event,
          storedVerificationJson(capture.verification),
          capture.verification.verdict,
          capture.verification.reason,
          JSON.stringify(capture.response),
          capture.response.status,
          JSON.stringify(capture.timing),
          capture.forward ? JSON.stringify(capture.forward) : null,
          capture.imported ? 1 : 0,
          capture.aborted ? 1 : 0,
        );
        const id = Number(result.lastInsertRowid);
        this.insertBody.run(id, capture.body);
        // Only captures that carry a delivery id pay for this: one indexed lookup and one update,
        // inside the batch's transaction so repeats within one batch are caught too.
        if (capture.deliveryId) capture.duplicateOf = this.recordDeliveryId(id, capture.deliveryId);
        return id;
      }),
    );
    this.selectPage = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM requests WHERE id < ? ORDER BY id DESC LIMIT ?`,
    );
    this.selectFirstPage = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM requests ORDER BY id DESC LIMIT ?`,
    );
    this.selectOne = db.prepare(`SELECT r.*, json_extract(r.verification_json, '$.scheme') AS scheme,
        b.body AS body
      FROM requests r LEFT JOIN request_bodies b ON b.request_id = r.id WHERE r.id = ?`);
    this.deleteOne = db.prepare('DELETE FROM requests WHERE id = ?');
    this.deleteAll = db.prepare('DELETE FROM requests');
    this.deleteAllBodies = db.prepare('DELETE FROM request_bodies');
    this.selectIdsForEndpoint = db.prepare('SELECT id FROM requests WHERE endpoint_id = ? AND id > ? ORDER BY id LIMIT ?').pluck();
    this.selectForVerify = db.prepare(`SELECT r.received_at, r.headers_json, r.url, b.body
      FROM requests r LEFT JOIN request_bodies b ON b.request_id = r.id WHERE r.id = ?`);
    this.updateVerification = db.prepare(
      'UPDATE requests SET verification_json = ?, verdict = ?, reason = ?, event = ? WHERE id = ?',
    );
    // Only an earlier capture that was acknowledged (2xx) makes this one a duplicate: a retry
    // after a failed attempt is the sender doing its job, and the receiver should process it. An
    // aborted upload was acknowledged to nobody (its stored response is what would have gone out).
    this.selectFirstWithDeliveryId = db.prepare(
      'SELECT id FROM requests WHERE delivery_id = ? AND response_status BETWEEN 200 AND 299 AND aborted = 0 ORDER BY id LIMIT 1',
    ).pluck();
    this.updateDeliveryId = db.prepare('UPDATE requests SET delivery_id = ?, duplicate_of = ? WHERE id = ?');
  }

  /** Inserts many captures in one transaction; returns their ids in order. */
  insertMany(captures: readonly NewCapture[]): number[] {
    return this.insertBatch(captures);
  }

  list(limit: number, before: number | null): { data: RequestSummary[]; next_before: number | null } {
    const rows = (before === null
      ? this.selectFirstPage.all(limit + 1)
      : this.selectPage.all(before, limit + 1)) as SummaryRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(toSummary),
      next_before: rows.length > limit && last ? last.id : null,
    };
  }

  get(id: number): RequestDetail | null {
    const row = this.selectOne.get(id) as DetailRow | undefined;
    if (!row) return null;
    const body = row.body ?? Buffer.alloc(0);
    return {
      id: row.id,
      received_at: new Date(row.received_at).toISOString(),
      method: row.method,
      path: row.path,
      query: row.query,
      url: row.url,
      http_version: row.http_version,
      headers: JSON.parse(row.headers_json) as Array<[string, string]>,
      body_base64: body.toString('base64'),
      body_size: row.body_size,
      truncated: row.truncated === 1,
      aborted: row.aborted === 1,
      remote_address: row.remote_address,
      remote_port: row.remote_port,
      forwarded: JSON.parse(row.forwarded_json) as RequestDetail['forwarded'],
      endpoint_id: row.endpoint_id,
      event: row.event,
      verification: JSON.parse(row.verification_json) as Verification,
      response: JSON.parse(row.response_json) as RequestDetail['response'],
      timing: JSON.parse(row.timing_json) as RequestDetail['timing'],
      duplicate_of: row.duplicate_of,
      forward: row.forward_json === null ? null : (JSON.parse(row.forward_json) as RequestDetail['forward']),
      imported: row.imported === 1,
    };
  }

  /** Stores the capture's delivery id; returns the id of the earliest capture that had it, or null. */
  private recordDeliveryId(id: number, deliveryId: string): number | null {
    const first = (this.selectFirstWithDeliveryId.get(deliveryId) as number | undefined) ?? null;
    this.updateDeliveryId.run(deliveryId, first, id);
    return first;
  }

  delete(id: number): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  clear(): number {
    return this.db.transaction(() => {
      this.deleteAllBodies.run();
      return this.deleteAll.run().changes;
    })();
  }

  /**
   * Re-verifies up to `limit` stored requests of one endpoint with ids above `afterId`, oldest
   * first, in one transaction (their event type is read again too: it depends on the scheme); the caller walks the whole history batch by batch, yielding to the
   * event loop in between, so a long history never stalls the receiver. Returns how many were
   * updated and the last id (null when nothing was left).
   */
  reverifyBatch(
    endpointId: string,
    afterId: number,
    limit: number,
    verify: (headers: Array<[string, string]>, body: Buffer, url: string, receivedAt: number) => { verification: Verification; event: string | null },
  ): { count: number; lastId: number | null } {
    return this.db.transaction(() => {
      // Ids first, then one row at a time: better-sqlite3 forbids writes while a statement is
      // being iterated, and loading the bodies of a whole batch at once could exhaust memory.
      const ids = this.selectIdsForEndpoint.all(endpointId, afterId, limit) as number[];
      for (const id of ids) {
        const row = this.selectForVerify.get(id) as {
          received_at: number;
          headers_json: string;
          url: string;
          body: Buffer | null;
        };
        const { verification, event } = verify(
          JSON.parse(row.headers_json) as Array<[string, string]>,
          row.body ?? Buffer.alloc(0),
          row.url,
          row.received_at,
        );
        this.updateVerification.run(
          storedVerificationJson(verification),
          verification.verdict,
          verification.reason,
          event,
          id,
        );
      }
      return { count: ids.length, lastId: ids.length === 0 ? null : (ids[ids.length - 1] as number) };
    })();
  }
}

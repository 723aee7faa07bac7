import type Database from 'better-sqlite3';
import type {
  CustomSchemeConfig,
  OutboundError,
  OutboundErrorCode,
  ReplayMode,
  SentRequest,
  SentSource,
  SentSummary,
} from '../../../shared/api';
import type { HeaderPairs, MutableHeaderPair } from '../../../shared/http-headers';

/** How a stored send is repeated: base headers (no framing, no fresh signature) and signing settings. */
export interface SendRecipe {
  url: string;
  method: string;
  /** Headers before framing (Host, Content-Length, Connection) and before signing. */
  headers: HeaderPairs;
  sign: StoredSign | null;
  timeoutMs: number;
}

/** Signing settings kept for resends; the secret stays in the database and out of API answers. */
export interface StoredSign {
  scheme: string;
  secret: string;
  /** `fixed`: always this unix timestamp; `offset`: now plus this many seconds (0: now). */
  timestamp: { fixed: number } | { offset: number };
  /**
   * The message id for schemes that sign one. Generated once when the send is stored and reused
   * by every resend: a resend is the same message delivered again (Standard Webhooks: "the same
   * id when retrying"), so receivers can dedupe on it.
   */
  id?: string;
  /** The configuration of a `custom` scheme (required for it: the registry has no `custom`). */
  custom?: CustomSchemeConfig;
  /** Header names whose values the signature replaces (the scheme's own headers). */
  replaceHeaders: string[];
}

export interface NewSent {
  createdAt: number;
  source: SentSource;
  sourceRequestId: number | null;
  sourceSentId: number | null;
  replayMode: ReplayMode | null;
  event: string | null;
  url: string;
  method: string;
  headers: HeaderPairs;
  body: Buffer;
  signature: { scheme: string; timestamp: number } | null;
  recipe: SendRecipe;
  response: { status: number; headers: HeaderPairs; body: Buffer; truncated: boolean } | null;
  error: OutboundError | null;
  durationMs: number;
}

interface SummaryRow {
  id: number;
  created_at: number;
  source: SentSource;
  source_request_id: number | null;
  source_sent_id: number | null;
  replay_mode: ReplayMode | null;
  event: string | null;
  url: string;
  method: string;
  body_size: number;
  signature_json: string | null;
  response_status: number | null;
  error_code: OutboundErrorCode | null;
  duration_ms: number;
}

interface DetailRow extends SummaryRow {
  request_headers_json: string;
  recipe_json: string;
  response_headers_json: string | null;
  response_truncated: number;
  error_message: string | null;
  request_body: Buffer | null;
  response_body: Buffer | null;
}

const SUMMARY_COLUMNS = `id, created_at, source, source_request_id, source_sent_id, replay_mode, event, url,
  method, body_size, signature_json, response_status, error_code, duration_ms`;

function toSummary(row: SummaryRow): SentSummary {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    source: row.source,
    source_request_id: row.source_request_id,
    source_sent_id: row.source_sent_id,
    replay_mode: row.replay_mode,
    method: row.method,
    url: row.url,
    event: row.event,
    body_size: row.body_size,
    signature: row.signature_json ? (JSON.parse(row.signature_json) as SentSummary['signature']) : null,
    status: row.response_status,
    error_code: row.error_code,
    duration_ms: row.duration_ms,
  };
}

/** The Sent history: every send, replay and resend with its request, response or error. */
export class SentRepo {
  private readonly insertSent;
  private readonly insertBodies;
  private readonly selectPage;
  private readonly selectFirstPage;
  private readonly selectOne;
  private readonly selectSummary;
  private readonly deleteOne;
  private readonly deleteAll;
  private readonly deleteAllBodies;

  constructor(private readonly db: Database.Database) {
    this.insertSent = db.prepare(`INSERT INTO sent_requests (created_at, source, source_request_id,
        source_sent_id, replay_mode, event, url, method, request_headers_json, body_size, signature_json,
        recipe_json, response_status, response_headers_json, response_truncated, error_code, error_message,
        duration_ms)
      VALUES (@createdAt, @source, @sourceRequestId, @sourceSentId, @replayMode, @event, @url, @method,
        @headersJson, @bodySize, @signatureJson, @recipeJson, @responseStatus, @responseHeadersJson,
        @responseTruncated, @errorCode, @errorMessage, @durationMs)`);
    this.insertBodies = db.prepare('INSERT INTO sent_bodies (sent_id, request_body, response_body) VALUES (?, ?, ?)');
    this.selectPage = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sent_requests WHERE id < ? ORDER BY id DESC LIMIT ?`);
    this.selectFirstPage = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sent_requests ORDER BY id DESC LIMIT ?`);
    this.selectOne = db.prepare(`SELECT s.*, b.request_body, b.response_body
      FROM sent_requests s LEFT JOIN sent_bodies b ON b.sent_id = s.id WHERE s.id = ?`);
    this.selectSummary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sent_requests WHERE id = ?`);
    // The body row goes with it (ON DELETE CASCADE). Resends and replays that came from a deleted
    // send keep their own copy of what they sent; only their `source_sent_id` points nowhere.
    this.deleteOne = db.prepare('DELETE FROM sent_requests WHERE id = ?');
    this.deleteAll = db.prepare('DELETE FROM sent_requests');
    this.deleteAllBodies = db.prepare('DELETE FROM sent_bodies');
  }

  delete(id: number): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  /** Empties the Sent history; returns how many sends were deleted. */
  clear(): number {
    return this.db.transaction(() => {
      // Bodies first and in one statement: cheaper than a cascade per row.
      this.deleteAllBodies.run();
      return this.deleteAll.run().changes;
    })();
  }

  /** Stores one send in one transaction; returns its summary (for the live stream). */
  insert(sent: NewSent): SentSummary {
    const id = this.db.transaction(() => {
      const result = this.insertSent.run({
        createdAt: sent.createdAt,
        source: sent.source,
        sourceRequestId: sent.sourceRequestId,
        sourceSentId: sent.sourceSentId,
        replayMode: sent.replayMode,
        event: sent.event,
        url: sent.url,
        method: sent.method,
        headersJson: JSON.stringify(sent.headers),
        bodySize: sent.body.length,
        signatureJson: sent.signature ? JSON.stringify(sent.signature) : null,
        recipeJson: JSON.stringify(sent.recipe),
        responseStatus: sent.response?.status ?? null,
        responseHeadersJson: sent.response ? JSON.stringify(sent.response.headers) : null,
        responseTruncated: sent.response?.truncated ? 1 : 0,
        errorCode: sent.error?.code ?? null,
        errorMessage: sent.error?.message ?? null,
        durationMs: sent.durationMs,
      });
      const newId = Number(result.lastInsertRowid);
      this.insertBodies.run(newId, sent.body, sent.response?.body ?? null);
      return newId;
    })();
    return toSummary(this.selectSummary.get(id) as SummaryRow);
  }

  list(limit: number, before: number | null): { data: SentSummary[]; next_before: number | null } {
    const rows = (before === null ? this.selectFirstPage.all(limit + 1) : this.selectPage.all(before, limit + 1)) as SummaryRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { data: page.map(toSummary), next_before: rows.length > limit && last ? last.id : null };
  }

  get(id: number): SentRequest | null {
    const row = this.selectOne.get(id) as DetailRow | undefined;
    if (!row) return null;
    const summary = toSummary(row);
    return {
      id: summary.id,
      created_at: summary.created_at,
      source: summary.source,
      source_request_id: summary.source_request_id,
      source_sent_id: summary.source_sent_id,
      replay_mode: summary.replay_mode,
      event: summary.event,
      signature: summary.signature,
      request: {
        url: row.url,
        method: row.method,
        headers: JSON.parse(row.request_headers_json) as MutableHeaderPair[],
        body_base64: (row.request_body ?? Buffer.alloc(0)).toString('base64'),
      },
      response:
        row.response_status === null
          ? null
          : {
              status: row.response_status,
              headers: JSON.parse(row.response_headers_json ?? '[]') as MutableHeaderPair[],
              body_base64: (row.response_body ?? Buffer.alloc(0)).toString('base64'),
              truncated: row.response_truncated === 1,
            },
      error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
      duration_ms: row.duration_ms,
    };
  }

  /** The stored recipe and request body, for a resend. */
  recipeOf(id: number): { recipe: SendRecipe; body: Buffer; event: string | null } | null {
    const row = this.selectOne.get(id) as DetailRow | undefined;
    if (!row) return null;
    return { recipe: JSON.parse(row.recipe_json) as SendRecipe, body: row.request_body ?? Buffer.alloc(0), event: row.event };
  }
}

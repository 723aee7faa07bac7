import type Database from 'better-sqlite3';
import type {
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryError,
  DeliveryStatus,
  DeliverySummary,
  FailureInjection,
  SubscriptionStatus,
} from '../../../shared/platform-api';
import { isoOrNull } from './ids';
import type { HeaderPairs, MutableHeaderPair } from '../../../shared/http-headers';

interface DeliveryRow {
  seq: number;
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  status: DeliveryStatus;
  attempt_count: number;
  max_attempts: number;
  schedule_json: string;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error_json: string | null;
  inject_json: string;
  created_at: number;
  updated_at: number;
}

interface AttemptRow {
  number: number;
  duplicate: number;
  started_at: number;
  duration_ms: number;
  status_code: number | null;
  success: number;
  error_json: string | null;
  request_headers_json: string;
  response_headers_json: string;
  response_excerpt: string;
  response_truncated: number;
  next_retry_at: number | null;
  note: string | null;
}

export interface NewDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  event: string;
  maxAttempts: number;
  /** Waits between attempts, fixed when queued so a settings change never reshuffles a schedule in flight. */
  waitsMs: number[];
  nextAttemptAt: number;
  inject: FailureInjection;
}

/** Everything one attempt needs, read in one query right before sending. */
export interface DeliveryJob {
  id: string;
  webhookId: string;
  event: string;
  attemptCount: number;
  maxAttempts: number;
  waitsMs: number[];
  inject: FailureInjection;
  payload: Buffer;
  url: string;
  secret: string;
  subscriptionStatus: SubscriptionStatus;
}

export interface QueueHead {
  id: string;
  webhookId: string;
  nextAttemptAt: number;
}

export interface NewAttempt {
  deliveryId: string;
  webhookId: string;
  number: number;
  duplicate: boolean;
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  success: boolean;
  error: DeliveryError | null;
  requestHeaders: HeaderPairs;
  responseHeaders: HeaderPairs;
  responseExcerpt: string;
  responseTruncated: boolean;
  nextRetryAt: number | null;
  note: string | null;
}

/** The delivery's state after an attempt. */
export interface DeliveryOutcome {
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: DeliveryError | null;
}

const QUEUED = `status IN ('pending', 'retrying')`;

function toSummary(row: DeliveryRow): DeliverySummary {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_id: row.event_id,
    event: row.event,
    status: row.status,
    attempt_count: row.attempt_count,
    max_attempts: row.max_attempts,
    next_attempt_at: isoOrNull(row.next_attempt_at),
    last_status_code: row.last_status_code,
    last_error: row.last_error_json === null ? null : (JSON.parse(row.last_error_json) as DeliveryError),
    inject: JSON.parse(row.inject_json) as FailureInjection,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

function toAttempt(row: AttemptRow): DeliveryAttempt {
  return {
    number: row.number,
    duplicate: row.duplicate === 1,
    started_at: new Date(row.started_at).toISOString(),
    duration_ms: row.duration_ms,
    status_code: row.status_code,
    success: row.success === 1,
    error: row.error_json === null ? null : (JSON.parse(row.error_json) as DeliveryError),
    request_headers: JSON.parse(row.request_headers_json) as MutableHeaderPair[],
    response_headers: JSON.parse(row.response_headers_json) as MutableHeaderPair[],
    response_excerpt: row.response_excerpt,
    response_truncated: row.response_truncated === 1,
    next_retry_at: isoOrNull(row.next_retry_at),
    note: row.note,
  };
}

/** Emitted events, the durable delivery queue and the attempt log. */
export class DeliveriesRepo {
  private readonly insertEvent;
  private readonly insertDelivery;
  private readonly selectHeads;
  private readonly selectJob;
  private readonly insertAttempt;
  private readonly updateAfterAttempt;
  private readonly touchSubscription;
  private readonly updateRequeue;
  private readonly selectOne;
  private readonly selectPayload;
  private readonly selectAttempts;
  private readonly selectSeq;
  private readonly selectPage;
  private readonly selectPageOfWebhook;

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare('INSERT INTO platform_events (id, event, payload, created_at) VALUES (?, ?, ?, ?)');
    this.insertDelivery = db.prepare(`INSERT INTO deliveries (id, webhook_id, event_id, event, status,
        attempt_count, max_attempts, schedule_json, next_attempt_at, last_status_code, last_error_json,
        inject_json, created_at, updated_at)
      VALUES (@id, @webhookId, @eventId, @event, 'pending', 0, @maxAttempts, @scheduleJson, @nextAttemptAt,
        NULL, NULL, @injectJson, @now, @now)`);
    // The head of each active subscription's queue: its oldest queued delivery.
    this.selectHeads = db.prepare(`SELECT d.id, d.webhook_id, d.next_attempt_at FROM deliveries d
      JOIN webhook_subscriptions s ON s.id = d.webhook_id
      WHERE s.status = 'active'
        AND d.seq IN (SELECT MIN(seq) FROM deliveries WHERE ${QUEUED} GROUP BY webhook_id)`);
    this.selectJob = db.prepare(`SELECT d.id, d.webhook_id, d.event, d.status, d.attempt_count, d.max_attempts,
        d.schedule_json, d.inject_json, e.payload, s.url, s.secret, s.status AS subscription_status
      FROM deliveries d JOIN platform_events e ON e.id = d.event_id
      JOIN webhook_subscriptions s ON s.id = d.webhook_id WHERE d.id = ?`);
    this.insertAttempt = db.prepare(`INSERT INTO delivery_attempts (delivery_id, webhook_id, number, duplicate,
        started_at, duration_ms, status_code, success, error_json, request_headers_json, response_headers_json,
        response_excerpt, response_truncated, next_retry_at, note)
      VALUES (@deliveryId, @webhookId, @number, @duplicate, @startedAt, @durationMs, @statusCode, @success,
        @errorJson, @requestHeadersJson, @responseHeadersJson, @responseExcerpt, @responseTruncated,
        @nextRetryAt, @note)`);
    this.updateAfterAttempt = db.prepare(`UPDATE deliveries SET status = @status, attempt_count = @attemptCount,
        next_attempt_at = @nextAttemptAt, last_status_code = @lastStatusCode, last_error_json = @lastErrorJson,
        updated_at = @now WHERE id = @id`);
    this.touchSubscription = db.prepare(
      'UPDATE webhook_subscriptions SET last_delivery_at = MAX(COALESCE(last_delivery_at, 0), ?) WHERE id = ?',
    );
    this.updateRequeue = db.prepare(`UPDATE deliveries SET status = 'pending', max_attempts = attempt_count + 1,
        next_attempt_at = ?, updated_at = ? WHERE id = ?`);
    this.selectOne = db.prepare('SELECT * FROM deliveries WHERE id = ?');
    this.selectPayload = db
      .prepare('SELECT e.payload FROM deliveries d JOIN platform_events e ON e.id = d.event_id WHERE d.id = ?')
      .pluck();
    this.selectAttempts = db.prepare(`SELECT number, duplicate, started_at, duration_ms, status_code, success,
        error_json, request_headers_json, response_headers_json, response_excerpt, response_truncated,
        next_retry_at, note FROM delivery_attempts WHERE delivery_id = ? ORDER BY id`);
    this.selectSeq = db.prepare('SELECT seq FROM deliveries WHERE id = ?').pluck();
    // Two statements rather than `@webhookId IS NULL OR ...`, so each can use its index.
    this.selectPage = db.prepare(`SELECT * FROM deliveries
      WHERE seq < @beforeSeq AND (@status IS NULL OR status = @status)
      ORDER BY seq DESC LIMIT @limit`);
    this.selectPageOfWebhook = db.prepare(`SELECT * FROM deliveries
      WHERE webhook_id = @webhookId AND seq < @beforeSeq AND (@status IS NULL OR status = @status)
      ORDER BY seq DESC LIMIT @limit`);
  }

  /**
   * Stores events and their deliveries in one transaction, in the order given: that order is
   * the queue order (seq) of each subscription.
   */
  enqueue(events: Array<{ id: string; event: string; payload: Buffer; deliveries: NewDelivery[] }>, order: number[]): void {
    const now = Date.now();
    this.db.transaction(() => {
      for (const event of events) this.insertEvent.run(event.id, event.event, event.payload, now);
      for (const index of order) {
        for (const delivery of events[index]?.deliveries ?? []) {
          this.insertDelivery.run({
            id: delivery.id,
            webhookId: delivery.webhookId,
            eventId: delivery.eventId,
            event: delivery.event,
            maxAttempts: delivery.maxAttempts,
            scheduleJson: JSON.stringify(delivery.waitsMs),
            nextAttemptAt: delivery.nextAttemptAt,
            injectJson: JSON.stringify(delivery.inject),
            now,
          });
        }
      }
    })();
  }

  queueHeads(): QueueHead[] {
    return (this.selectHeads.all() as Array<{ id: string; webhook_id: string; next_attempt_at: number | null }>).map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      nextAttemptAt: row.next_attempt_at ?? 0,
    }));
  }

  /** The job for a queued delivery; null when it is gone or no longer queued. */
  job(id: string): DeliveryJob | null {
    const row = this.selectJob.get(id) as
      | {
          id: string;
          webhook_id: string;
          event: string;
          status: DeliveryStatus;
          attempt_count: number;
          max_attempts: number;
          schedule_json: string;
          inject_json: string;
          payload: Buffer;
          url: string;
          secret: string;
          subscription_status: SubscriptionStatus;
        }
      | undefined;
    if (!row || (row.status !== 'pending' && row.status !== 'retrying')) return null;
    return {
      id: row.id,
      webhookId: row.webhook_id,
      event: row.event,
      attemptCount: row.attempt_count,
      maxAttempts: row.max_attempts,
      waitsMs: JSON.parse(row.schedule_json) as number[],
      inject: JSON.parse(row.inject_json) as FailureInjection,
      payload: row.payload,
      url: row.url,
      secret: row.secret,
      subscriptionStatus: row.subscription_status,
    };
  }

  /**
   * Records an attempt and, unless it is an injected duplicate, the delivery's new state, in one
   * transaction. Returns false (and writes nothing) when the delivery was deleted meanwhile.
   */
  recordAttempt(attempt: NewAttempt, outcome: DeliveryOutcome | null): boolean {
    return this.db.transaction(() => {
      if (this.selectSeq.get(attempt.deliveryId) === undefined) return false;
      this.insertAttempt.run({
        deliveryId: attempt.deliveryId,
        webhookId: attempt.webhookId,
        number: attempt.number,
        duplicate: attempt.duplicate ? 1 : 0,
        startedAt: attempt.startedAt,
        durationMs: attempt.durationMs,
        statusCode: attempt.statusCode,
        success: attempt.success ? 1 : 0,
        errorJson: attempt.error === null ? null : JSON.stringify(attempt.error),
        requestHeadersJson: JSON.stringify(attempt.requestHeaders),
        responseHeadersJson: JSON.stringify(attempt.responseHeaders),
        responseExcerpt: attempt.responseExcerpt,
        responseTruncated: attempt.responseTruncated ? 1 : 0,
        nextRetryAt: attempt.nextRetryAt,
        note: attempt.note,
      });
      if (outcome) {
        this.updateAfterAttempt.run({
          id: attempt.deliveryId,
          status: outcome.status,
          attemptCount: outcome.attemptCount,
          nextAttemptAt: outcome.nextAttemptAt,
          lastStatusCode: outcome.lastStatusCode,
          lastErrorJson: outcome.lastError === null ? null : JSON.stringify(outcome.lastError),
          now: Date.now(),
        });
      }
      this.touchSubscription.run(attempt.startedAt, attempt.webhookId);
      return true;
    })();
  }

  /** Manual retry: one more attempt, due now; the delivery keeps its place (seq) in its subscription's queue. */
  requeue(id: string): void {
    const now = Date.now();
    this.updateRequeue.run(now, now, id);
  }

  summary(id: string): DeliverySummary | null {
    const row = this.selectOne.get(id) as DeliveryRow | undefined;
    return row ? toSummary(row) : null;
  }

  detail(id: string): DeliveryDetail | null {
    const row = this.selectOne.get(id) as DeliveryRow | undefined;
    if (!row) return null;
    const payload = this.selectPayload.get(id) as Buffer;
    return {
      ...toSummary(row),
      payload: payload.toString('utf8'),
      attempts: (this.selectAttempts.all(id) as AttemptRow[]).map(toAttempt),
    };
  }

  /** Newest first; `before` is a delivery id from a previous page. Null when `before` is unknown. */
  list(filter: { webhookId: string | null; status: DeliveryStatus | null; limit: number; before: string | null }): {
    data: DeliverySummary[];
    next_before: string | null;
  } | null {
    let beforeSeq = Number.MAX_SAFE_INTEGER;
    if (filter.before !== null) {
      const seq = this.selectSeq.get(filter.before) as number | undefined;
      if (seq === undefined) return null;
      beforeSeq = seq;
    }
    const params = { status: filter.status, beforeSeq, limit: filter.limit + 1 };
    const rows = (
      filter.webhookId === null ? this.selectPage.all(params) : this.selectPageOfWebhook.all({ ...params, webhookId: filter.webhookId })
    ) as DeliveryRow[];
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return { data: page.map(toSummary), next_before: rows.length > filter.limit && last ? last.id : null };
  }
}

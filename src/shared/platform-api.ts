/**
 * The platform simulator's API contract: webhook subscriptions managed exactly as in
 * DcisionAI's guide (`/api/webhooks`), events fanned out to them, a durable delivery queue with
 * retries, delivery logs, statistics and failure injection. Shared by the engine, the renderer
 * and the tests. Responses are `{ data: ... }`; errors `{ error: { code, message } }`.
 *
 * Times are ISO 8601 strings in UTC with millisecond precision (`2023-01-01T00:00:00.000Z`),
 * as everywhere else in Hookscope; durations are milliseconds.
 */

export type SubscriptionStatus = 'active' | 'disabled';

/** A webhook subscription, field for field as the guide's `/webhooks` responses show it. */
export interface WebhookSubscription {
  /** `wh_` + 16 hex digits. */
  id: string;
  name: string;
  /** '' when none was given. */
  description: string;
  /** http(s) URL the deliveries are POSTed to. */
  url: string;
  /** Event types of the guide (see src/shared/event-types.ts); at least one. */
  events: string[];
  /** Shared secret for X-DcisionAI-Signature; generated (`webhook_secret_` + 32 hex) when omitted. */
  secret: string;
  created_at: string;
  /** Start of the most recent delivery attempt to this subscription; null until the first. */
  last_delivery_at: string | null;
  /** `disabled` subscriptions get no new deliveries; their queued ones wait until re-enabled. */
  status: SubscriptionStatus;
}

/** An entry of GET /api/webhooks: the subscription without its secret, as in the guide. */
export type WebhookSubscriptionListItem = Omit<WebhookSubscription, 'secret'>;

/** Body of POST /api/webhooks. `name`, `url` and `events` are required. */
export interface WebhookCreateInput {
  name: string;
  description?: string;
  url: string;
  events: string[];
  secret?: string;
  status?: SubscriptionStatus;
}

/** Body of PUT /api/webhooks/:id: any subset of the fields; an omitted `secret` is kept. */
export type WebhookUpdateInput = Partial<WebhookCreateInput>;

/**
 * Misbehaviour a real platform shows now and then, injected on purpose. Given per event
 * (`inject` in POST /api/events) or stored per subscription (PUT /api/webhooks/:id/inject);
 * an event's fields override the subscription's, field by field.
 */
export interface FailureInjection {
  /** Deliver it twice with the same delivery id: a second send right after the first 2xx. */
  duplicate?: boolean;
  /** Added to X-DcisionAI-Timestamp (negative: stale, positive: future); the signature is computed over the shifted timestamp, so only the age check fails. */
  timestamp_offset_seconds?: number;
  /** Send a signature that does not match (one hex digit changed). */
  corrupt_signature?: boolean;
  /** Hold the first attempt back this long (ms); the subscription's later deliveries wait behind it. */
  delay_ms?: number;
}

/** Body of POST /api/events. */
export interface EmitEventInput {
  event: string;
  data: Record<string, unknown>;
  inject?: FailureInjection;
}

/** Body of POST /api/events/batch: several events at once; `inject.shuffle` sends them out of order. */
export interface EmitBatchInput {
  events: Array<{ event: string; data: Record<string, unknown> }>;
  inject?: FailureInjection & { shuffle?: boolean };
}

/**
 * - `pending`: waiting for its first attempt (or for a manual retry), or queued behind an
 *   earlier delivery of the same subscription;
 * - `retrying`: at least one attempt failed and another is scheduled (`next_attempt_at`);
 * - `succeeded`: an attempt got a 2xx;
 * - `failed`: the last allowed attempt failed, or the receiver answered 410 Gone.
 */
export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';

/** What POST /api/events reports per queued delivery. */
export interface QueuedDelivery {
  id: string;
  webhook_id: string;
  status: DeliveryStatus;
}

/** Response data of POST /api/events. */
export interface EmittedEvent {
  /** `evt_` + 16 hex digits. */
  id: string;
  event: string;
  /** One per active subscription listing the event type; empty when none does. */
  deliveries: QueuedDelivery[];
}

/** Response data of POST /api/events/batch. */
export interface EmittedBatch {
  /** In the order given. */
  events: EmittedEvent[];
  /** Event ids in the order their deliveries were queued (differs from `events` when shuffled). */
  send_order: string[];
}

export interface DeliveryError {
  /** `dns`, `connection_refused`, `timeout`, `tls`, `connection_reset`, `network`, `invalid_url`. */
  code: string;
  message: string;
}

/** One delivery (one event to one subscription), as listed and pushed live. */
export interface DeliverySummary {
  /** `dlv_` + 16 hex digits; sent as X-DcisionAI-Delivery, the same on every attempt. */
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  status: DeliveryStatus;
  /** Attempts made so far, injected duplicates excluded. */
  attempt_count: number;
  /** Attempts allowed in all (retry policy when queued; a manual retry adds one). */
  max_attempts: number;
  /** When the next attempt is due; null once succeeded or failed. */
  next_attempt_at: string | null;
  /** Status code of the most recent attempt; null before any, or when it got no response. */
  last_status_code: number | null;
  /** Why the most recent attempt failed, when it did (a network error, `http_status`, `gone`). */
  last_error: DeliveryError | null;
  inject: FailureInjection;
  created_at: string;
  updated_at: string;
}

export interface DeliveryAttempt {
  /** 1-based; an injected duplicate gets the number of the attempt it repeats. */
  number: number;
  /** True for the extra send of a `duplicate` injection. */
  duplicate: boolean;
  started_at: string;
  duration_ms: number;
  /** HTTP status of the response; null when no response arrived (see `error`). */
  status_code: number | null;
  /** True for a 2xx. */
  success: boolean;
  /** Network-level failure; null when a response arrived (whatever its status). */
  error: DeliveryError | null;
  /** The headers sent, in order (signature and timestamp differ per attempt). */
  request_headers: Array<[string, string]>;
  /** The response's headers, in order; [] when none arrived. */
  response_headers: Array<[string, string]>;
  /** The first 2 KB of the response body, as UTF-8. */
  response_excerpt: string;
  response_truncated: boolean;
  /** When the next attempt was scheduled after this one; null when none was. */
  next_retry_at: string | null;
  /** Why the schedule changed, e.g. `Retry-After: 5 s honoured` or `410 Gone: subscription disabled`. */
  note: string | null;
}

/** GET /api/deliveries/:id: the summary, the exact bytes sent, every attempt oldest first. */
export interface DeliveryDetail extends DeliverySummary {
  /** The JSON body sent on every attempt, `{"event","data"}`, byte for byte (UTF-8). */
  payload: string;
  attempts: DeliveryAttempt[];
}

/** GET /api/deliveries: newest first; pass `next_before` as `before` for the next page. */
export interface DeliveryPage {
  data: DeliverySummary[];
  next_before: string | null;
}

/** GET /api/webhooks/:id/stats: the guide's getDeliveryStats over the last 24 h. */
export interface DeliveryStats {
  /** Attempts in the window (each attempt is one tracked delivery, as in the guide's monitor). */
  total: number;
  /** Attempts answered with a 2xx. */
  successful: number;
  failed: number;
  /** successful / total * 100, rounded to 2 decimals; 0 when total is 0. */
  successRate: number;
  /** Mean attempt duration in ms over all attempts (failures included), 2 decimals; 0 when none. */
  averageResponseTime: number;
}

export interface DeliveryStatsBucket extends DeliveryStats {
  /** Start of the bucket (aligned to a multiple of bucket_minutes since the epoch). */
  start: string;
}

/** GET /api/webhooks/:id/stats/series?bucket_minutes=60: every bucket of the window, oldest first. */
export interface DeliveryStatsSeries {
  bucket_minutes: number;
  from: string;
  to: string;
  buckets: DeliveryStatsBucket[];
}

export interface RetrySettings {
  /** Attempts in total, the first included (1 = no retries). 1..20. */
  max_attempts: number;
  /** Wait before the first retry when `schedule_ms` is null; doubles for each later one. 10..3,600,000. */
  base_delay_ms: number;
  /** Explicit waits between attempts (length max_attempts - 1), or null for base * 2^n. */
  schedule_ms: number[] | null;
  /** The preset these values equal, or null for a custom policy. */
  preset: string | null;
}

export interface PlatformSettings {
  retry: RetrySettings;
  delivery: {
    /** Per-attempt timeout; a slower answer counts as a failed attempt. 100..120,000. */
    timeout_ms: number;
  };
}

/** Body of PUT /api/settings; every field optional. */
export interface PlatformSettingsInput {
  retry?: Partial<Omit<RetrySettings, 'preset'>> & { preset?: string };
  delivery?: { timeout_ms?: number };
}

/** One entry of GET /api/settings/retry-presets. */
export interface RetryPreset {
  id: string;
  label: string;
  description: string;
  max_attempts: number;
  base_delay_ms: number;
  schedule_ms: number[] | null;
  /** Every wait between attempts, in order, as this preset applies it. */
  waits_ms: number[];
  source_url: string | null;
}

/**
 * The platform simulator's delivery log: one delivery is one event to one subscription, queued
 * durably and retried by the retry policy (GET /api/deliveries, …/:id, …/:id/retry).
 */
import { HeaderPairSchema, Data, IdParams, Nullable, StringEnum, Type, pageLimit, type Static } from './schema';
import { defineOperation } from './operation';
import { FailureInjection } from './platform-subscriptions';

export const DeliveryStatus = StringEnum(['pending', 'retrying', 'succeeded', 'failed'], {
  description:
    '`pending`: waiting for its first attempt (or for a manual retry), or queued behind an earlier delivery of the same subscription; `retrying`: at least one attempt failed and another is scheduled (`next_attempt_at`); `succeeded`: an attempt got a 2xx; `failed`: the last allowed attempt failed, or the receiver answered 410 Gone.',
});
export type DeliveryStatus = Static<typeof DeliveryStatus>;

export const DeliveryError = Type.Object({
  code: Type.String({ description: '`dns`, `connection_refused`, `timeout`, `tls`, `connection_reset`, `network`, `invalid_url`.' }),
  message: Type.String(),
});
export type DeliveryError = Static<typeof DeliveryError>;

const summaryFields = {
  id: Type.String({ description: '`dlv_` + 16 hex digits; sent as X-DcisionAI-Delivery, the same on every attempt.' }),
  webhook_id: Type.String(),
  event_id: Type.String(),
  event: Type.String(),
  status: DeliveryStatus,
  attempt_count: Type.Integer({ description: 'Attempts made so far, injected duplicates excluded.' }),
  max_attempts: Type.Integer({ description: 'Attempts allowed in all (retry policy when queued; a manual retry adds one).' }),
  next_attempt_at: Nullable(Type.String(), { description: 'When the next attempt is due; null once succeeded or failed.' }),
  last_status_code: Nullable(Type.Integer(), {
    description: 'Status code of the most recent attempt; null before any, or when it got no response.',
  }),
  last_error: Nullable(DeliveryError, {
    description: 'Why the most recent attempt failed, when it did (a network error, `http_status`, `gone`).',
  }),
  inject: FailureInjection,
  created_at: Type.String(),
  updated_at: Type.String(),
};

export const DeliverySummary = Type.Object(summaryFields, {
  description: 'One delivery (one event to one subscription), as listed and pushed live.',
});
export type DeliverySummary = Static<typeof DeliverySummary>;

export const DeliveryAttempt = Type.Object({
  number: Type.Integer({ description: '1-based; an injected duplicate gets the number of the attempt it repeats.' }),
  duplicate: Type.Boolean({ description: 'True for the extra send of a `duplicate` injection.' }),
  started_at: Type.String(),
  duration_ms: Type.Number(),
  status_code: Nullable(Type.Integer(), { description: 'HTTP status of the response; null when no response arrived (see `error`).' }),
  success: Type.Boolean({ description: 'True for a 2xx.' }),
  error: Nullable(DeliveryError, { description: 'Network-level failure; null when a response arrived (whatever its status).' }),
  request_headers: Type.Array(HeaderPairSchema, {
    description: 'The headers sent, in order (signature and timestamp differ per attempt).',
  }),
  response_headers: Type.Array(HeaderPairSchema, { description: "The response's headers, in order; [] when none arrived." }),
  response_excerpt: Type.String({ description: 'The first 2 KB of the response body, as UTF-8.' }),
  response_truncated: Type.Boolean(),
  next_retry_at: Nullable(Type.String(), { description: 'When the next attempt was scheduled after this one; null when none was.' }),
  note: Nullable(Type.String(), {
    description: 'Why the schedule changed, e.g. `Retry-After: 5 s honoured` or `410 Gone: subscription disabled`.',
  }),
});
export type DeliveryAttempt = Static<typeof DeliveryAttempt>;

export const DeliveryDetail = Type.Object(
  {
    ...summaryFields,
    payload: Type.String({ description: 'The JSON body sent on every attempt, `{"event","data"}`, byte for byte (UTF-8).' }),
    attempts: Type.Array(DeliveryAttempt, { description: 'Every attempt, oldest first.' }),
  },
  { description: 'A delivery with the exact bytes sent and every attempt.' },
);
export type DeliveryDetail = Static<typeof DeliveryDetail>;

export const DeliveryPage = Type.Object({
  data: Type.Array(DeliverySummary, { description: 'Newest first.' }),
  next_before: Nullable(Type.String(), { description: 'Pass it as `before` for the next page; null on the last one.' }),
});
export type DeliveryPage = Static<typeof DeliveryPage>;

/** Page size of GET /api/deliveries: default and most. */
export const DELIVERY_PAGE = { default: 50, maximum: 500 } as const;

/** The page size a `limit` query asks for, within 1..DELIVERY_PAGE.maximum. */
export function deliveryPageLimit(limit: string | undefined): number {
  return Math.min(pageLimit(limit, DELIVERY_PAGE.default), DELIVERY_PAGE.maximum);
}

const tags = ['platform'];

export const listDeliveries = defineOperation({
  method: 'GET',
  url: '/api/deliveries',
  operationId: 'listDeliveries',
  summary:
    'deliveries newest first, `?webhook_id=&status=` to filter: `{"data": [...], "next_before": id | null}`; `before` pages on; `limit` ≤ 500 (default 50)',
  tags,
  querystring: Type.Object(
    {
      webhook_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this subscription’s.' })),
      status: Type.Optional(DeliveryStatus),
      limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'At most 500; default 50.' })),
      before: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The `next_before` of the previous page.' })),
    },
    { additionalProperties: false },
  ),
  responses: { 200: DeliveryPage },
});

export const getDelivery = defineOperation({
  method: 'GET',
  url: '/api/deliveries/:id',
  operationId: 'getDelivery',
  summary: 'one delivery with the exact payload and every attempt (time, status code or error, duration, response excerpt, next retry)',
  tags,
  params: IdParams,
  responses: { 200: Data(DeliveryDetail) },
});

export const retryDelivery = defineOperation({
  method: 'POST',
  url: '/api/deliveries/:id/retry',
  operationId: 'retryDelivery',
  summary: 'queue a failed delivery again → 202 the delivery; 409 `delivery_queued` while it is queued, 409 `subscription_disabled`',
  tags,
  params: IdParams,
  responses: { 202: Data(DeliveryDetail) },
});

/** Monitoring a subscription: the guide's getDeliveryStats, over the last 24 h and per time bucket. */
import { Data, IdParams, Type, type Static } from './schema';
import { defineOperation } from './operation';

const statsFields = {
  total: Type.Integer({ description: 'Attempts in the window (each attempt is one tracked delivery, as in the guide’s monitor).' }),
  successful: Type.Integer({ description: 'Attempts answered with a 2xx.' }),
  failed: Type.Integer(),
  successRate: Type.Number({ description: 'successful / total * 100, rounded to 2 decimals; 0 when total is 0.' }),
  averageResponseTime: Type.Number({
    description: 'Mean attempt duration in ms over all attempts (failures included), 2 decimals; 0 when none.',
  }),
};

export const DeliveryStats = Type.Object(statsFields);
export type DeliveryStats = Static<typeof DeliveryStats>;

export const DeliveryStatsBucket = Type.Object({
  ...statsFields,
  start: Type.String({ description: 'Start of the bucket (aligned to a multiple of bucket_minutes since the epoch).' }),
});
export type DeliveryStatsBucket = Static<typeof DeliveryStatsBucket>;

export const DeliveryStatsSeries = Type.Object({
  bucket_minutes: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  buckets: Type.Array(DeliveryStatsBucket, { description: 'Every bucket of the window, oldest first.' }),
});
export type DeliveryStatsSeries = Static<typeof DeliveryStatsSeries>;

/** `bucket_minutes` of the series: a minute to a day; 60 by default. */
export const BUCKET_MINUTES = { minimum: 1, maximum: 1440, default: 60 } as const;

const tags = ['platform'];

export const getWebhookStats = defineOperation({
  method: 'GET',
  url: '/api/webhooks/:id/stats',
  operationId: 'getWebhookStats',
  summary:
    '`{"data": {"total", "successful", "failed", "successRate", "averageResponseTime"}}` over 24 h: one attempt is one tracked delivery, success is 2xx, `successRate` a percentage (2 decimals), times in ms; zeros when there were none',
  tags,
  params: IdParams,
  responses: { 200: Data(DeliveryStats) },
});

export const getWebhookStatsSeries = defineOperation({
  method: 'GET',
  url: '/api/webhooks/:id/stats/series',
  operationId: 'getWebhookStatsSeries',
  summary: 'the same figures per time bucket, for the chart (`?bucket_minutes=60`, 1 to 1440)',
  tags,
  params: IdParams,
  querystring: Type.Object(
    { bucket_minutes: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Minutes per bucket, 1 to 1440; default 60.' })) },
    { additionalProperties: false },
  ),
  responses: { 200: Data(DeliveryStatsSeries) },
});

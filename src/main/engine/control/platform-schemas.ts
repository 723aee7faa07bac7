/** JSON schemas of the platform simulator's routes; rules a schema cannot state live in platform/. */
import { RETRY_LIMITS } from '../platform/retry-policy';

const webhookProperties = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  description: { type: 'string', maxLength: 2000 },
  url: { type: 'string', minLength: 1, maxLength: 2048 },
  events: { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', maxLength: 100 } },
  secret: { type: 'string', minLength: 1, maxLength: 4096 },
  status: { type: 'string', enum: ['active', 'disabled'] },
} as const;

export const webhookCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'url', 'events'],
  properties: webhookProperties,
} as const;

export const webhookUpdateBody = {
  type: 'object',
  additionalProperties: false,
  properties: webhookProperties,
} as const;

const injectionProperties = {
  duplicate: { type: 'boolean' },
  timestamp_offset_seconds: { type: 'integer', minimum: -31536000, maximum: 31536000 },
  corrupt_signature: { type: 'boolean' },
  delay_ms: { type: 'integer', minimum: 0, maximum: 3600000 },
} as const;

export const injectionBody = {
  type: 'object',
  additionalProperties: false,
  properties: injectionProperties,
} as const;

const eventData = { type: 'object' } as const;

export const emitEventBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event', 'data'],
  properties: {
    event: { type: 'string', minLength: 1, maxLength: 100 },
    data: eventData,
    inject: injectionBody,
  },
} as const;

export const emitBatchBody = {
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['event', 'data'],
        properties: { event: { type: 'string', minLength: 1, maxLength: 100 }, data: eventData },
      },
    },
    inject: {
      type: 'object',
      additionalProperties: false,
      properties: { ...injectionProperties, shuffle: { type: 'boolean' } },
    },
  },
} as const;

export const deliveryListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    webhook_id: { type: 'string', minLength: 1, maxLength: 100 },
    status: { type: 'string', enum: ['pending', 'retrying', 'succeeded', 'failed'] },
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
    before: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

export const statsSeriesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    bucket_minutes: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
} as const;

export const settingsBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    retry: {
      type: 'object',
      additionalProperties: false,
      properties: {
        preset: { type: 'string', minLength: 1, maxLength: 50 },
        max_attempts: { type: 'integer', minimum: RETRY_LIMITS.maxAttempts.min, maximum: RETRY_LIMITS.maxAttempts.max },
        base_delay_ms: { type: 'integer', minimum: RETRY_LIMITS.baseDelayMs.min, maximum: RETRY_LIMITS.baseDelayMs.max },
        schedule_ms: {
          type: ['array', 'null'],
          maxItems: RETRY_LIMITS.maxAttempts.max - 1,
          items: { type: 'integer', minimum: RETRY_LIMITS.scheduleEntryMs.min, maximum: RETRY_LIMITS.scheduleEntryMs.max },
        },
      },
    },
    delivery: {
      type: 'object',
      additionalProperties: false,
      properties: {
        timeout_ms: { type: 'integer', minimum: 100, maximum: 120000 },
      },
    },
  },
} as const;

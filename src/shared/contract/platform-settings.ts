/** The simulator's settings: the retry policy (with presets of real platforms) and the per-attempt timeout. */
import { Data, Nullable, Type, type Static } from './schema';
import { defineOperation } from './operation';

/** Limits of the retry policy and the delivery timeout; the retry settings form checks them before a round trip. */
export const RETRY_LIMITS = {
  maxAttempts: { minimum: 1, maximum: 20 },
  baseDelayMs: { minimum: 10, maximum: 3_600_000 },
  /** No single wait is longer than a day. */
  scheduleEntryMs: { minimum: 0, maximum: 86_400_000 },
} as const;
export const DELIVERY_TIMEOUT_MS = { minimum: 100, maximum: 120_000 } as const;

const maxAttempts = Type.Integer({
  ...RETRY_LIMITS.maxAttempts,
  description: 'Attempts in total, the first included (1 = no retries).',
});
const baseDelayMs = Type.Integer({
  ...RETRY_LIMITS.baseDelayMs,
  description: 'Wait before the first retry when `schedule_ms` is null; doubles for each later one.',
});
const scheduleMs = Nullable(Type.Array(Type.Integer(RETRY_LIMITS.scheduleEntryMs), { maxItems: RETRY_LIMITS.maxAttempts.maximum - 1 }), {
  description: 'Explicit waits between attempts (length max_attempts - 1), or null for base * 2^n.',
});
const timeoutMs = Type.Integer({ ...DELIVERY_TIMEOUT_MS, description: 'Per-attempt timeout; a slower answer counts as a failed attempt.' });

export const RetrySettings = Type.Object({
  max_attempts: maxAttempts,
  base_delay_ms: baseDelayMs,
  schedule_ms: scheduleMs,
  preset: Nullable(Type.String(), { description: 'The preset these values equal, or null for a custom policy.' }),
});
export type RetrySettings = Static<typeof RetrySettings>;

export const PlatformSettings = Type.Object({
  retry: RetrySettings,
  delivery: Type.Object({ timeout_ms: timeoutMs }),
});
export type PlatformSettings = Static<typeof PlatformSettings>;

/** Body of PUT /api/settings; every field optional. */
export const PlatformSettingsInput = Type.Object(
  {
    retry: Type.Optional(
      Type.Object(
        {
          preset: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Start from this preset’s values.' })),
          max_attempts: Type.Optional(maxAttempts),
          base_delay_ms: Type.Optional(baseDelayMs),
          schedule_ms: Type.Optional(scheduleMs),
        },
        { additionalProperties: false },
      ),
    ),
    delivery: Type.Optional(Type.Object({ timeout_ms: Type.Optional(timeoutMs) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type PlatformSettingsInput = Static<typeof PlatformSettingsInput>;

export const RetryPreset = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.String(),
  max_attempts: Type.Integer(),
  base_delay_ms: Type.Integer(),
  schedule_ms: Nullable(Type.Array(Type.Integer())),
  waits_ms: Type.Array(Type.Integer(), { description: 'Every wait between attempts, in order, as this preset applies it.' }),
  source_url: Nullable(Type.String()),
});
export type RetryPreset = Static<typeof RetryPreset>;

const tags = ['platform'];

export const getPlatformSettings = defineOperation({
  method: 'GET',
  url: '/api/settings',
  operationId: 'getPlatformSettings',
  summary: '`{"retry": {max_attempts, base_delay_ms, schedule_ms, preset}, "delivery": {timeout_ms}}`',
  tags,
  responses: { 200: Data(PlatformSettings) },
});

export const updatePlatformSettings = defineOperation({
  method: 'PUT',
  url: '/api/settings',
  operationId: 'updatePlatformSettings',
  summary:
    'change any of `{"retry": {max_attempts, base_delay_ms, schedule_ms?, preset?}, "delivery": {timeout_ms}}` (a `preset` starts from its values) → the new settings',
  tags,
  body: PlatformSettingsInput,
  responses: { 200: Data(PlatformSettings) },
});

export const listRetryPresets = defineOperation({
  method: 'GET',
  url: '/api/settings/retry-presets',
  operationId: 'listRetryPresets',
  summary: '`guide` (3 attempts, 1 s then 2 s), `quick`, `standard-webhooks`, `stripe`, `github` (no retries), with their waits',
  tags,
  responses: { 200: Data(Type.Array(RetryPreset)) },
});

/** How much history is kept: GET|PUT /api/settings/retention. */
import { Data, Nullable, Type, type Static } from './schema';
import { defineOperation } from './operation';

/** A positive whole number, or null for no limit of that kind. */
const limit = (maximum: number, description: string) => Nullable(Type.Integer({ minimum: 1, maximum }), { description });

export const RETENTION_LIMITS = { max_captures: 100_000_000, max_age_days: 36_500, max_disk_mb: 10_000_000 } as const;

export const RetentionSettings = Type.Object({
  max_captures: limit(RETENTION_LIMITS.max_captures, 'Keep at most this many captures (pinned ones aside).'),
  max_age_days: limit(RETENTION_LIMITS.max_age_days, 'Delete captures older than this.'),
  max_disk_mb: limit(RETENTION_LIMITS.max_disk_mb, 'Keep the database file and its WAL under this size.'),
});
export type RetentionSettings = Static<typeof RetentionSettings>;

export const DEFAULT_RETENTION: RetentionSettings = { max_captures: 100_000, max_age_days: null, max_disk_mb: 2048 };

export const HistoryUsage = Type.Object({
  captures: Type.Integer(),
  pinned: Type.Integer(),
  disk_bytes: Type.Integer({ description: 'The database file and its WAL, in bytes.' }),
  oldest_at: Nullable(Type.String(), { description: "The oldest capture's arrival, null when the history is empty." }),
});
export type HistoryUsage = Static<typeof HistoryUsage>;

export const RetentionState = Type.Object({ ...RetentionSettings.properties, usage: HistoryUsage });
export type RetentionState = Static<typeof RetentionState>;

export const getRetention = defineOperation({
  method: 'GET',
  url: '/api/settings/retention',
  operationId: 'getRetention',
  summary:
    'the retention limits `{max_captures, max_age_days, max_disk_mb}` (each a positive whole number or `null`) with the `usage` `{captures, pinned, disk_bytes, oldest_at}`',
  tags: ['history'],
  responses: { 200: Data(RetentionState) },
});

export const updateRetention = defineOperation({
  method: 'PUT',
  url: '/api/settings/retention',
  operationId: 'updateRetention',
  summary: 'change any of the limits; answers once the history is within the new limits, with the new `usage`',
  tags: ['history'],
  body: Type.Partial(RetentionSettings, { additionalProperties: false }),
  responses: { 200: Data(RetentionState) },
});

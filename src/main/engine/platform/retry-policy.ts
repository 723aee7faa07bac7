import type { RetryPreset, RetrySettings } from '../../../shared/platform-api';
import { RETRY_LIMITS } from '../../../shared/contract/platform-settings';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** No single wait is longer than a day, however large the base or the attempt number. */
export const MAX_WAIT_MS = RETRY_LIMITS.scheduleEntryMs.maximum;
/**
 * A receiver's Retry-After is honoured up to an hour: long enough for any real throttling
 * window, short enough that a typo (`Retry-After: 86400000`) cannot park a delivery for years.
 */
export const RETRY_AFTER_CAP_MS = HOUR;

interface PresetDefinition {
  id: string;
  label: string;
  description: string;
  max_attempts: number;
  base_delay_ms: number;
  schedule_ms: number[] | null;
  source_url: string | null;
}

/** Modelled on real platforms' published schedules (Stripe publishes none; see its description). */
const PRESET_DEFINITIONS: PresetDefinition[] = [
  {
    id: 'guide',
    label: 'DcisionAI guide',
    description: "The guide's WebhookRetry: 3 attempts in total, waiting 1 s and then 2 s (base 1 s, doubling).",
    max_attempts: 3,
    base_delay_ms: SECOND,
    schedule_ms: null,
    source_url: 'webhook-guide.md#2-webhook-retry',
  },
  {
    id: 'quick',
    label: 'Quick (local development)',
    description: '5 attempts within about 8 s (0.5, 1, 2 and 4 s): see a retry sequence without waiting.',
    max_attempts: 5,
    base_delay_ms: 500,
    schedule_ms: null,
    source_url: null,
  },
  {
    id: 'standard-webhooks',
    label: 'Standard Webhooks / Svix',
    description:
      "Svix's published schedule: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (8 attempts, about 27.5 h).",
    max_attempts: 8,
    base_delay_ms: 5 * SECOND,
    schedule_ms: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
    source_url: 'https://docs.svix.com/retries',
  },
  {
    id: 'stripe',
    label: 'Stripe-like',
    description:
      'Stripe retries live-mode events for up to 3 days with exponential backoff but publishes no exact times; this approximates it: 5 min, 30 min, 2 h, 4 h, 8 h, 16 h, 24 h (8 attempts, about 2.3 days).',
    max_attempts: 8,
    base_delay_ms: 5 * MINUTE,
    schedule_ms: [5 * MINUTE, 30 * MINUTE, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, 24 * HOUR],
    source_url: 'https://docs.stripe.com/webhooks#retries',
  },
  {
    id: 'github',
    label: 'GitHub (no retries)',
    description: 'GitHub does not retry failed deliveries; you redeliver them by hand (POST /api/deliveries/:id/retry here).',
    max_attempts: 1,
    base_delay_ms: SECOND,
    schedule_ms: null,
    source_url: 'https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries',
  },
];

/** Every wait between attempts: the explicit schedule, or base, 2 base, 4 base... capped at a day. */
export function waitsOf(policy: Pick<RetrySettings, 'max_attempts' | 'base_delay_ms' | 'schedule_ms'>): number[] {
  if (policy.schedule_ms) return policy.schedule_ms.slice(0, policy.max_attempts - 1);
  return Array.from({ length: policy.max_attempts - 1 }, (_, index) => Math.min(policy.base_delay_ms * 2 ** index, MAX_WAIT_MS));
}

export const RETRY_PRESETS: readonly RetryPreset[] = PRESET_DEFINITIONS.map((preset) => ({
  ...preset,
  waits_ms: waitsOf(preset),
}));

export function findPreset(id: string): RetryPreset | undefined {
  return RETRY_PRESETS.find((preset) => preset.id === id);
}

/** The preset whose schedule these values produce, so the UI can show "Svix" rather than numbers. */
export function matchingPreset(policy: Pick<RetrySettings, 'max_attempts' | 'base_delay_ms' | 'schedule_ms'>): string | null {
  const waits = waitsOf(policy).join(',');
  const match = RETRY_PRESETS.find(
    (preset) =>
      preset.max_attempts === policy.max_attempts &&
      (preset.schedule_ms === null) === (policy.schedule_ms === null) &&
      preset.waits_ms.join(',') === waits &&
      (preset.schedule_ms !== null || preset.max_attempts === 1 || preset.base_delay_ms === policy.base_delay_ms),
  );
  return match?.id ?? null;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  max_attempts: 3,
  base_delay_ms: SECOND,
  schedule_ms: null,
  preset: 'guide',
};

/**
 * Parses Retry-After (delay-seconds or an HTTP date) into milliseconds from `now`; null when
 * absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * SECOND;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return null;
  return Math.max(0, date - now);
}

export type NextStep =
  { kind: 'succeeded' } | { kind: 'gone'; note: string } | { kind: 'exhausted' } | { kind: 'retry'; at: number; note: string | null };

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * What follows an attempt. A 2xx succeeds. A 410 Gone ends the delivery at once and (as the
 * Standard Webhooks spec recommends) disables the subscription. Anything else (another status,
 * a timeout, a network error) is retried after the scheduled wait, or after Retry-After on a
 * 429/503 when that is longer (capped at RETRY_AFTER_CAP_MS), until attempts run out.
 */
export function nextStep(
  attempt: { number: number; maxAttempts: number; waitsMs: readonly number[] },
  result: { statusCode: number | null; retryAfter: string | null },
  now: number,
): NextStep {
  const status = result.statusCode;
  if (status !== null && status >= 200 && status < 300) return { kind: 'succeeded' };
  if (status === 410) {
    return { kind: 'gone', note: '410 Gone: the subscription was disabled and the delivery will not be retried.' };
  }
  if (attempt.number >= attempt.maxAttempts) return { kind: 'exhausted' };
  const scheduled = attempt.waitsMs[attempt.number - 1] ?? attempt.waitsMs[attempt.waitsMs.length - 1] ?? 0;
  if (status === 429 || status === 503) {
    const asked = parseRetryAfter(result.retryAfter, now);
    if (asked !== null && asked > scheduled) {
      const capped = Math.min(asked, RETRY_AFTER_CAP_MS);
      const note =
        capped < asked
          ? `Retry-After asked for ${formatSeconds(asked)}; capped at ${formatSeconds(RETRY_AFTER_CAP_MS)}.`
          : `Retry-After: waited ${formatSeconds(capped)} instead of the scheduled ${formatSeconds(scheduled)}.`;
      return { kind: 'retry', at: now + Math.max(capped, scheduled), note };
    }
  }
  return { kind: 'retry', at: now + scheduled, note: null };
}

import {
  DELIVERY_TIMEOUT_MS,
  RETRY_LIMITS,
  type PlatformSettings,
  type PlatformSettingsInput,
} from '../../../shared/contract/platform-settings';
import { durationText } from './delivery-text';

/** The retry settings form's fields, as typed. */
export interface RetrySettingsDraft {
  maxAttempts: string;
  baseDelay: string;
  timeout: string;
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

const range = (label: string, limits: { minimum: number; maximum: number }, unit = '') =>
  `${label} must be between ${limits.minimum.toLocaleString('en')} and ${limits.maximum.toLocaleString('en')}${unit}.`;

/**
 * The PUT /api/settings body for the form (the policy only when it changed), with a few words
 * saying what was saved; or a message saying what to fix. The limits are the contract's (the
 * engine validates with the same schemas).
 */
export function retrySettingsInput(
  draft: RetrySettingsDraft,
  current: PlatformSettings,
): { input: PlatformSettingsInput; what: string } | { error: string } {
  const attempts = wholeNumber(draft.maxAttempts);
  const base = wholeNumber(draft.baseDelay);
  const timeoutMs = wholeNumber(draft.timeout);
  if (attempts === null || base === null || timeoutMs === null) return { error: 'Max attempts, base delay and timeout are whole numbers.' };
  const { maxAttempts, baseDelayMs } = RETRY_LIMITS;
  if (attempts < maxAttempts.minimum || attempts > maxAttempts.maximum) return { error: range('Attempts', maxAttempts) };
  if (base < baseDelayMs.minimum || base > baseDelayMs.maximum) return { error: range('The base delay', baseDelayMs, ' ms') };
  if (timeoutMs < DELIVERY_TIMEOUT_MS.minimum || timeoutMs > DELIVERY_TIMEOUT_MS.maximum) {
    return { error: range('The timeout', DELIVERY_TIMEOUT_MS, ' ms') };
  }
  const changedPolicy = attempts !== current.retry.max_attempts || base !== current.retry.base_delay_ms;
  return {
    input: {
      ...(changedPolicy ? { retry: { max_attempts: attempts, base_delay_ms: base, schedule_ms: null } } : {}),
      delivery: { timeout_ms: timeoutMs },
    },
    what: changedPolicy ? `${attempts} attempts, base ${durationText(base)}` : `timeout ${durationText(timeoutMs)}`,
  };
}

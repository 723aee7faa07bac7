import { describe, expect, it } from 'vitest';
import {
  MAX_WAIT_MS,
  RETRY_AFTER_CAP_MS,
  matchingPreset,
  nextStep,
  parseRetryAfter,
  waitsOf,
} from '../../../src/main/engine/platform/retry-policy';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('retry policy', () => {
  it("the guide's default: 3 attempts, waiting 1 s then 2 s", () => {
    expect(waitsOf({ max_attempts: 3, base_delay_ms: 1000, schedule_ms: null })).toEqual([1000, 2000]);
    expect(waitsOf({ max_attempts: 1, base_delay_ms: 1000, schedule_ms: null })).toEqual([]);
    expect(waitsOf({ max_attempts: 20, base_delay_ms: 3_600_000, schedule_ms: null }).at(-1)).toBe(MAX_WAIT_MS);
    expect(waitsOf({ max_attempts: 3, base_delay_ms: 1, schedule_ms: [5, 7, 9] })).toEqual([5, 7]);
  });

  it('decides what follows each attempt', () => {
    const attempt = (number: number) => ({ number, maxAttempts: 3, waitsMs: [1000, 2000] });
    expect(nextStep(attempt(1), { statusCode: 200, retryAfter: null }, NOW)).toEqual({ kind: 'succeeded' });
    expect(nextStep(attempt(1), { statusCode: 299, retryAfter: null }, NOW)).toEqual({ kind: 'succeeded' });
    expect(nextStep(attempt(1), { statusCode: 500, retryAfter: null }, NOW)).toEqual({ kind: 'retry', at: NOW + 1000, note: null });
    expect(nextStep(attempt(2), { statusCode: null, retryAfter: null }, NOW)).toEqual({ kind: 'retry', at: NOW + 2000, note: null });
    expect(nextStep(attempt(3), { statusCode: 500, retryAfter: null }, NOW)).toEqual({ kind: 'exhausted' });
    expect(nextStep(attempt(1), { statusCode: 302, retryAfter: null }, NOW).kind).toBe('retry'); // redirects are not followed
    expect(nextStep(attempt(1), { statusCode: 410, retryAfter: null }, NOW).kind).toBe('gone');
    expect(nextStep(attempt(3), { statusCode: 410, retryAfter: null }, NOW).kind).toBe('gone');
  });

  it('honours Retry-After on 429 and 503 only, when longer than the schedule, capped at an hour', () => {
    const attempt = { number: 1, maxAttempts: 3, waitsMs: [1000, 2000] };
    expect(nextStep(attempt, { statusCode: 429, retryAfter: '5' }, NOW)).toMatchObject({ kind: 'retry', at: NOW + 5000 });
    expect(nextStep(attempt, { statusCode: 503, retryAfter: new Date(NOW + 30_000).toUTCString() }, NOW)).toMatchObject({
      at: NOW + 30_000,
    });
    expect(nextStep(attempt, { statusCode: 500, retryAfter: '5' }, NOW)).toMatchObject({ at: NOW + 1000, note: null });
    expect(nextStep(attempt, { statusCode: 429, retryAfter: '0' }, NOW)).toMatchObject({ at: NOW + 1000, note: null });
    const capped = nextStep(attempt, { statusCode: 429, retryAfter: '999999' }, NOW);
    expect(capped).toMatchObject({ kind: 'retry', at: NOW + RETRY_AFTER_CAP_MS });
    expect(capped.kind === 'retry' && capped.note).toMatch(/capped/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('1.5', NOW)).toBeNull();
  });

  it('recognises presets by their values', () => {
    expect(matchingPreset({ max_attempts: 3, base_delay_ms: 1000, schedule_ms: null })).toBe('guide');
    expect(matchingPreset({ max_attempts: 1, base_delay_ms: 777, schedule_ms: null })).toBe('github');
    expect(matchingPreset({ max_attempts: 3, base_delay_ms: 1001, schedule_ms: null })).toBeNull();
    expect(matchingPreset({ max_attempts: 3, base_delay_ms: 1000, schedule_ms: [1000, 2000] })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { attemptOutcome, deliveryStatusText, durationText, retryWaits, untilText } from '../../../src/renderer/src/lib/delivery-text';

describe('delivery text', () => {
  it('names an attempt by its status code, else its network error', () => {
    expect(attemptOutcome({ status_code: 503, error: null })).toBe('503');
    expect(attemptOutcome({ status_code: null, error: { code: 'connection_refused', message: 'x' } })).toBe('connection_refused');
    expect(attemptOutcome({ status_code: null, error: null })).toBe('no response');
  });

  it('says how long until a retry', () => {
    const now = Date.parse('2024-01-01T00:00:00.000Z');
    expect(untilText('2024-01-01T00:00:01.500Z', now)).toBe('in 1.5 s');
    expect(untilText('2024-01-01T00:00:30.000Z', now)).toBe('in 30 s');
    expect(untilText('2024-01-01T00:05:00.000Z', now)).toBe('in 5 min');
    expect(untilText('2024-01-01T05:00:00.000Z', now)).toBe('in 5.0 h');
    expect(untilText('2023-12-31T23:59:59.000Z', now)).toBe('due now');
    expect(untilText('later', now)).toBe('later');
  });

  it('lists the waits of a doubling policy and of an explicit schedule', () => {
    expect(retryWaits({ max_attempts: 3, base_delay_ms: 1000, schedule_ms: null })).toEqual([1000, 2000]);
    expect(retryWaits({ max_attempts: 1, base_delay_ms: 1000, schedule_ms: null })).toEqual([]);
    expect(retryWaits({ max_attempts: 3, base_delay_ms: 5000, schedule_ms: [5000, 300000] })).toEqual([5000, 300000]);
    expect([200, 1500, 300000, 7200000].map(durationText)).toEqual(['200 ms', '1.5 s', '5 min', '2 h']);
  });
});

describe('delivery status text', () => {
  const now = Date.parse('2024-01-01T00:00:00.000Z');
  const retrying = { status: 'retrying' as const, next_attempt_at: '2024-01-01T00:00:01.700Z' };

  it('counts down to the next retry', () => {
    expect(deliveryStatusText(retrying, false, now)).toBe('retrying in 1.7 s');
    expect(deliveryStatusText(retrying, false, now + 1000)).toBe('retrying in 0.7 s');
  });

  it('says queued deliveries of a disabled subscription are paused', () => {
    expect(deliveryStatusText(retrying, true, now)).toBe('paused — subscription disabled');
    expect(deliveryStatusText({ status: 'pending', next_attempt_at: null }, true, now)).toBe('paused — subscription disabled');
    expect(deliveryStatusText({ status: 'failed', next_attempt_at: null }, true, now)).toBe('failed');
    expect(deliveryStatusText({ status: 'pending', next_attempt_at: null }, false, now)).toBe('pending');
  });
});

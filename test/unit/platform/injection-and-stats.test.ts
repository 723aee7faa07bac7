import { describe, expect, it } from 'vitest';
import { corruptSignature, effectiveInjection, outOfOrder } from '../../../src/main/engine/platform/failure-injection';
import { statsOf } from '../../../src/main/engine/platform/stats';
import { applySettingsInput } from '../../../src/main/engine/platform/settings';
import { DEFAULT_RETRY_SETTINGS } from '../../../src/main/engine/platform/retry-policy';
import { deliveryIdOf } from '../../../src/main/engine/receiver/delivery-id';

describe('failure injection', () => {
  it('merges the event over the subscription field by field, dropping no-ops', () => {
    expect(effectiveInjection({}, undefined)).toEqual({});
    expect(effectiveInjection({ duplicate: true, delay_ms: 10 }, { delay_ms: 0, corrupt_signature: true })).toEqual({
      duplicate: true,
      corrupt_signature: true,
    });
    expect(effectiveInjection({ timestamp_offset_seconds: -600 }, { timestamp_offset_seconds: 0 })).toEqual({});
  });

  it('shuffles a batch into an order that is never the original', () => {
    for (let run = 0; run < 200; run += 1) {
      const order = outOfOrder(3);
      expect([...order].sort()).toEqual([0, 1, 2]);
      expect(order).not.toEqual([0, 1, 2]);
    }
    expect(outOfOrder(2, () => 0.99)).toEqual([1, 0]); // a random pass that changed nothing is reversed
    expect(outOfOrder(1)).toEqual([0]);
    expect(outOfOrder(0)).toEqual([]);
  });

  it('corrupts a signature into a same-length hex string that differs', () => {
    const signature = 'a'.repeat(63) + '0';
    const corrupted = corruptSignature(signature);
    expect(corrupted).toHaveLength(64);
    expect(corrupted).toMatch(/^[0-9a-f]{64}$/);
    expect(corrupted).not.toBe(signature);
    expect(corruptSignature('ff')).toBe('f0');
  });
});

describe('stats', () => {
  it("is the guide's getDeliveryStats without the division by zero", () => {
    expect(statsOf(0, 0, 0)).toEqual({ total: 0, successful: 0, failed: 0, successRate: 0, averageResponseTime: 0 });
    expect(statsOf(3, 2, 100)).toEqual({ total: 3, successful: 2, failed: 1, successRate: 66.67, averageResponseTime: 33.33 });
    expect(statsOf(4, 4, 10)).toEqual({ total: 4, successful: 4, failed: 0, successRate: 100, averageResponseTime: 2.5 });
  });
});

describe('settings', () => {
  const current = { retry: DEFAULT_RETRY_SETTINGS, delivery: { timeout_ms: 10_000 } };
  it('applies a preset, then fields on top of it', () => {
    expect(applySettingsInput(current, { retry: { preset: 'quick' } }).retry).toEqual({
      max_attempts: 5,
      base_delay_ms: 500,
      schedule_ms: null,
      preset: 'quick',
    });
    expect(applySettingsInput(current, { retry: { preset: 'quick', max_attempts: 2 } }).retry).toEqual({
      max_attempts: 2,
      base_delay_ms: 500,
      schedule_ms: null,
      preset: null,
    });
    expect(applySettingsInput(current, { retry: { preset: 'stripe' } }).retry).toMatchObject({ max_attempts: 8, preset: 'stripe' });
    expect(applySettingsInput(current, {})).toEqual(current);
  });

  it('switches between an explicit schedule and doubling', () => {
    const scheduled = applySettingsInput(current, { retry: { schedule_ms: [10, 20] } });
    expect(scheduled.retry).toMatchObject({ max_attempts: 3, schedule_ms: [10, 20] });
    expect(applySettingsInput(scheduled, { retry: { base_delay_ms: 1000 } }).retry).toEqual(DEFAULT_RETRY_SETTINGS);
    expect(applySettingsInput(scheduled, { delivery: { timeout_ms: 500 } }).retry.schedule_ms).toEqual([10, 20]);
    expect(() => applySettingsInput(current, { retry: { schedule_ms: [1], max_attempts: 3 } })).toThrow(/retry\.max_attempts is 3/);
  });
});

describe('delivery id header', () => {
  it('reads the first delivery id header, whatever its case', () => {
    expect(deliveryIdOf([['Content-Type', 'application/json']])).toBeNull();
    expect(deliveryIdOf([['X-DcisionAI-Delivery', ' dlv_1 ']])).toBe('dlv_1');
    expect(
      deliveryIdOf([
        ['webhook-id', 'msg_2'],
        ['svix-id', 'msg_3'],
      ]),
    ).toBe('msg_2');
    expect(deliveryIdOf([['Svix-Id', 'msg_3']])).toBe('msg_3');
    expect(deliveryIdOf([['X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958']])).toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958');
    expect(deliveryIdOf([['webhook-id', '']])).toBeNull();
  });
});

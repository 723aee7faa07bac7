import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformSettings, RetryPreset } from '../../../src/shared/platform-api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

type ErrorBody = { error: { code: string; message: string } };

describe('retry settings and presets', () => {
  it('defaults to the guide: 3 attempts, base 1 s doubling', async () => {
    const settings = await t.api<{ data: PlatformSettings }>('GET', '/settings');
    expect(settings.body).toEqual({
      data: { retry: { max_attempts: 3, base_delay_ms: 1000, schedule_ms: null, preset: 'guide' }, delivery: { timeout_ms: 10000 } },
    });
  });

  it('lists presets modelled on real platforms, with every wait spelled out', async () => {
    const presets = (await t.api<{ data: RetryPreset[] }>('GET', '/settings/retry-presets')).body.data;
    const byId = new Map(presets.map((p) => [p.id, p]));
    expect([...byId.keys()]).toEqual(['guide', 'quick', 'standard-webhooks', 'stripe', 'github']);
    expect(byId.get('guide')?.waits_ms).toEqual([1000, 2000]);
    expect(byId.get('standard-webhooks')?.waits_ms).toEqual([5000, 300000, 1800000, 7200000, 18000000, 36000000, 36000000]);
    expect(byId.get('github')).toMatchObject({ max_attempts: 1, waits_ms: [] });
  });

  it('applies a preset, custom values, an explicit schedule; recognises a preset by its values', async () => {
    const svix = await t.api<{ data: PlatformSettings }>('PUT', '/settings', { retry: { preset: 'standard-webhooks' } });
    expect(svix.body.data.retry).toMatchObject({ preset: 'standard-webhooks', max_attempts: 8 });
    const custom = await t.api<{ data: PlatformSettings }>('PUT', '/settings', { retry: { max_attempts: 5, base_delay_ms: 250 } });
    expect(custom.body.data.retry).toEqual({ max_attempts: 5, base_delay_ms: 250, schedule_ms: null, preset: null });
    const schedule = await t.api<{ data: PlatformSettings }>('PUT', '/settings', { retry: { schedule_ms: [100, 100, 5000] } });
    expect(schedule.body.data.retry).toMatchObject({ max_attempts: 4, schedule_ms: [100, 100, 5000], preset: null });
    const same = await t.api<{ data: PlatformSettings }>('PUT', '/settings', { retry: { max_attempts: 3, base_delay_ms: 1000 } });
    expect(same.body.data.retry.preset).toBe('guide');
    const timeout = await t.api<{ data: PlatformSettings }>('PUT', '/settings', { delivery: { timeout_ms: 2500 } });
    expect(timeout.body.data).toMatchObject({ retry: { preset: 'guide' }, delivery: { timeout_ms: 2500 } });
    expect((await t.api<{ data: PlatformSettings }>('GET', '/settings')).body.data.delivery.timeout_ms).toBe(2500);
  });

  it('rejects out-of-range values naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ retry: { max_attempts: 0 } }, /body\.retry\.max_attempts must be >= 1/],
      [{ retry: { max_attempts: 21 } }, /body\.retry\.max_attempts must be <= 20/],
      [{ retry: { base_delay_ms: 5 } }, /body\.retry\.base_delay_ms must be >= 10/],
      [{ retry: { base_delay_ms: 1.5 } }, /body\.retry\.base_delay_ms must be integer/],
      [{ retry: { preset: 'pigeon' } }, /retry\.preset "pigeon" is unknown; use one of "guide"/],
      [{ retry: { schedule_ms: [1, 2], max_attempts: 5 } }, /retry\.max_attempts is 5 but retry\.schedule_ms lists 2 waits/],
      [{ retry: { schedule_ms: [-1] } }, /body\.retry\.schedule_ms\/0|body\.retry\.schedule_ms\.0/],
      [{ delivery: { timeout_ms: 50 } }, /body\.delivery\.timeout_ms must be >= 100/],
      [{ retry: { jitter: true } }, /unknown field "jitter"/],
    ];
    for (const [body, message] of cases) {
      const response = await t.api<ErrorBody>('PUT', '/settings', body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.error.message).toMatch(message);
    }
  });
});

import type Database from 'better-sqlite3';
import type { PlatformSettings, PlatformSettingsInput, RetrySettings } from '../../../shared/platform-api';
import { invalid } from '../control/errors';
import { DEFAULT_RETRY_SETTINGS, RETRY_PRESETS, findPreset, matchingPreset } from './retry-policy';

export const DEFAULT_TIMEOUT_MS = 10_000;

const DEFAULT_SETTINGS: PlatformSettings = {
  retry: DEFAULT_RETRY_SETTINGS,
  delivery: { timeout_ms: DEFAULT_TIMEOUT_MS },
};

/**
 * Applies a PUT /api/settings body to the current settings. Ranges are checked by the route's
 * schema; this checks what a schema cannot (a known preset, a schedule that fits the count).
 * - `preset` starts from that preset's values; other fields then apply on top.
 * - `schedule_ms: [...]` sets explicit waits; `max_attempts` follows from its length.
 * - `max_attempts` / `base_delay_ms` without `schedule_ms` switch to doubling waits.
 */
export function applySettingsInput(current: PlatformSettings, input: PlatformSettingsInput): PlatformSettings {
  let retry: RetrySettings = current.retry;
  const change = input.retry;
  if (change) {
    let start: Omit<RetrySettings, 'preset'> = retry;
    if (change.preset !== undefined) {
      const preset = findPreset(change.preset);
      if (!preset) {
        throw invalid(`retry.preset "${change.preset}" is unknown; use one of ${RETRY_PRESETS.map((p) => `"${p.id}"`).join(', ')}.`);
      }
      start = preset;
    }
    let next: Omit<RetrySettings, 'preset'>;
    if (Array.isArray(change.schedule_ms)) {
      const implied = change.schedule_ms.length + 1;
      if (change.max_attempts !== undefined && change.max_attempts !== implied) {
        throw invalid(
          `retry.max_attempts is ${change.max_attempts} but retry.schedule_ms lists ${change.schedule_ms.length} waits, which means ${implied} attempts; send one of them, or make them agree.`,
        );
      }
      next = { max_attempts: implied, base_delay_ms: change.base_delay_ms ?? start.base_delay_ms, schedule_ms: [...change.schedule_ms] };
    } else if (change.schedule_ms === null || change.max_attempts !== undefined || change.base_delay_ms !== undefined) {
      next = {
        max_attempts: change.max_attempts ?? start.max_attempts,
        base_delay_ms: change.base_delay_ms ?? start.base_delay_ms,
        schedule_ms: null,
      };
    } else {
      next = { max_attempts: start.max_attempts, base_delay_ms: start.base_delay_ms, schedule_ms: start.schedule_ms };
    }
    retry = {
      max_attempts: next.max_attempts,
      base_delay_ms: next.base_delay_ms,
      schedule_ms: next.schedule_ms,
      preset: matchingPreset(next),
    };
  }
  return {
    retry,
    delivery: { timeout_ms: input.delivery?.timeout_ms ?? current.delivery.timeout_ms },
  };
}

/** Platform settings, one JSON row per key, cached (read on every attempt). */
export class SettingsStore {
  private readonly select;
  private readonly upsert;
  private cached: PlatformSettings;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT value_json FROM platform_settings WHERE key = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO platform_settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
    );
    const stored = this.select.get('settings') as string | undefined;
    // Stored values are merged over the defaults, so settings added later get their defaults.
    const parsed = stored ? (JSON.parse(stored) as Partial<PlatformSettings>) : {};
    this.cached = {
      retry: { ...DEFAULT_SETTINGS.retry, ...parsed.retry },
      delivery: { ...DEFAULT_SETTINGS.delivery, ...parsed.delivery },
    };
  }

  get(): PlatformSettings {
    return this.cached;
  }

  update(input: PlatformSettingsInput): PlatformSettings {
    const next = applySettingsInput(this.cached, input);
    this.upsert.run('settings', JSON.stringify(next));
    this.cached = next;
    return next;
  }
}

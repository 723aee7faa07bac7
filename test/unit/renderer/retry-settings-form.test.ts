import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { retrySettingsInput } from '../../../src/renderer/src/lib/retry-settings-form';
import { PlatformSettingsInput, type PlatformSettings } from '../../../src/shared/contract/platform-settings';

const current: PlatformSettings = {
  retry: { max_attempts: 3, base_delay_ms: 1000, schedule_ms: null, preset: 'guide' },
  delivery: { timeout_ms: 10_000 },
};
const draft = { maxAttempts: '3', baseDelay: '1000', timeout: '10000' };

describe('retry settings form', () => {
  it('sends the policy only when it changed, and says what was saved', () => {
    expect(retrySettingsInput({ ...draft, timeout: '5000' }, current)).toEqual({
      input: { delivery: { timeout_ms: 5000 } },
      what: 'timeout 5 s',
    });
    expect(retrySettingsInput({ ...draft, maxAttempts: '4', baseDelay: '200' }, current)).toEqual({
      input: { retry: { max_attempts: 4, base_delay_ms: 200, schedule_ms: null }, delivery: { timeout_ms: 10_000 } },
      what: '4 attempts, base 200 ms',
    });
  });

  it('keeps its message for what is not a whole number', () => {
    expect(retrySettingsInput({ ...draft, baseDelay: '1.5' }, current)).toEqual({
      error: 'Max attempts, base delay and timeout are whole numbers.',
    });
  });
});

describe('limits of the retry settings form are the contract’s', () => {
  it('accepts the bounds the engine accepts, and what it produces passes the engine’s schema', () => {
    for (const values of [
      { maxAttempts: '1', baseDelay: '10', timeout: '100' },
      { maxAttempts: '20', baseDelay: '3600000', timeout: '120000' },
    ]) {
      const result = retrySettingsInput(values, current);
      expect('input' in result, JSON.stringify(result)).toBe(true);
      if ('input' in result) expect(Value.Check(PlatformSettingsInput, result.input)).toBe(true);
    }
  });

  it('names the field and its bounds one past each limit, before a round trip', () => {
    expect(retrySettingsInput({ ...draft, maxAttempts: '21' }, current)).toEqual({ error: 'Attempts must be between 1 and 20.' });
    expect(retrySettingsInput({ ...draft, maxAttempts: '0' }, current)).toEqual({ error: 'Attempts must be between 1 and 20.' });
    expect(retrySettingsInput({ ...draft, baseDelay: '9' }, current)).toEqual({
      error: 'The base delay must be between 10 and 3,600,000 ms.',
    });
    expect(retrySettingsInput({ ...draft, baseDelay: '3600001' }, current)).toEqual({
      error: 'The base delay must be between 10 and 3,600,000 ms.',
    });
    expect(retrySettingsInput({ ...draft, timeout: '99' }, current)).toEqual({ error: 'The timeout must be between 100 and 120,000 ms.' });
    expect(retrySettingsInput({ ...draft, timeout: '120001' }, current)).toEqual({
      error: 'The timeout must be between 100 and 120,000 ms.',
    });
  });
});

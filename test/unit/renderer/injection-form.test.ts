import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { FailureInjection } from '../../../src/shared/contract/platform-subscriptions';
import { formFromInjection, injectionFromForm, NO_INJECTION_FORM, timestampChoices } from '../../../src/renderer/src/lib/injection-form';

describe('injection form', () => {
  it('round-trips a stored injection, keeping only what changes something', () => {
    const inject = { duplicate: true, corrupt_signature: true, timestamp_offset_seconds: -600, delay_ms: 250 };
    expect(injectionFromForm(formFromInjection(inject))).toEqual({ inject });
    expect(formFromInjection({})).toEqual(NO_INJECTION_FORM);
    expect(injectionFromForm({ ...NO_INJECTION_FORM, timestampOffset: '0', delayMs: ' 0 ' })).toEqual({ inject: {} });
  });

  it('names what is not a whole number', () => {
    expect(injectionFromForm({ ...NO_INJECTION_FORM, delayMs: '1.5' })).toEqual({ error: 'The delay is a whole number of milliseconds.' });
    expect(injectionFromForm({ ...NO_INJECTION_FORM, timestampOffset: '2.5' })).toEqual({
      error: 'The timestamp offset must be a whole number of seconds.',
    });
  });

  it('offers an offset stored through the API that is none of the choices', () => {
    expect(timestampChoices('-600').map((choice) => choice.value)).toEqual(['', '-600', '-3600', '600']);
    expect(timestampChoices('-120').at(-1)).toEqual({ value: '-120', label: 'Stale (120 s old)' });
    expect(timestampChoices('45').at(-1)).toEqual({ value: '45', label: 'Future (45 s ahead)' });
  });
});

describe('limits of the injection form are the contract’s', () => {
  it('accepts the largest delay and offsets the engine accepts, and what it produces passes the engine’s schema', () => {
    for (const form of [
      { ...NO_INJECTION_FORM, delayMs: '3600000', timestampOffset: '31536000' },
      { ...NO_INJECTION_FORM, timestampOffset: '-31536000' },
    ]) {
      const result = injectionFromForm(form);
      expect('inject' in result, JSON.stringify(result)).toBe(true);
      if ('inject' in result) expect(Value.Check(FailureInjection, result.inject)).toBe(true);
    }
  });

  it('names the bound one past each limit, before a round trip', () => {
    expect(injectionFromForm({ ...NO_INJECTION_FORM, delayMs: '3600001' })).toEqual({
      error: 'The delay is at most 3,600,000 ms (an hour).',
    });
    for (const offset of ['31536001', '-31536001']) {
      expect(injectionFromForm({ ...NO_INJECTION_FORM, timestampOffset: offset })).toEqual({
        error: 'The timestamp offset must be within ±31,536,000 seconds (a year).',
      });
    }
  });
});

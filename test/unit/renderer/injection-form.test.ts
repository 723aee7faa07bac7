import { describe, expect, it } from 'vitest';
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

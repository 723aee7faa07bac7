import { INJECTION_LIMITS, type FailureInjection } from '../../../shared/contract/platform-subscriptions';

// The limits are the contract's (the engine validates with the same schemas).
const OFFSET_MAX = INJECTION_LIMITS.timestampOffsetSeconds.maximum;
const DELAY_MAX = INJECTION_LIMITS.delayMs.maximum;

/** Failure injection as the form holds it: numbers kept as typed text until used. */
export interface InjectionForm {
  duplicate: boolean;
  corruptSignature: boolean;
  /** '' for none, else seconds added to the timestamp (negative: stale, positive: future). */
  timestampOffset: string;
  delayMs: string;
}

export const NO_INJECTION_FORM: InjectionForm = { duplicate: false, corruptSignature: false, timestampOffset: '', delayMs: '' };

export const TIMESTAMP_CHOICES = [
  { value: '', label: 'Current' },
  { value: '-600', label: 'Stale (10 min old)' },
  { value: '-3600', label: 'Stale (1 h old)' },
  { value: '600', label: 'Future (10 min ahead)' },
] as const;

/** The choices, plus the form's own offset when it is none of them (one stored through the API). */
export function timestampChoices(current: string): Array<{ value: string; label: string }> {
  const choices: Array<{ value: string; label: string }> = [...TIMESTAMP_CHOICES];
  if (!choices.some((choice) => choice.value === current)) {
    const seconds = Number(current);
    choices.push({ value: current, label: seconds < 0 ? `Stale (${-seconds} s old)` : `Future (${seconds} s ahead)` });
  }
  return choices;
}

/** Only the fields that change something, or a message saying what to fix. */
export function injectionFromForm(form: InjectionForm): { inject: FailureInjection } | { error: string } {
  const inject: FailureInjection = {};
  if (form.duplicate) inject.duplicate = true;
  if (form.corruptSignature) inject.corrupt_signature = true;
  if (form.timestampOffset !== '') {
    const offset = Number(form.timestampOffset);
    if (!Number.isInteger(offset)) return { error: 'The timestamp offset must be a whole number of seconds.' };
    if (Math.abs(offset) > OFFSET_MAX) {
      return { error: `The timestamp offset must be within ±${OFFSET_MAX.toLocaleString('en')} seconds (a year).` };
    }
    if (offset !== 0) inject.timestamp_offset_seconds = offset;
  }
  if (form.delayMs.trim() !== '') {
    if (!/^\s*\d+\s*$/.test(form.delayMs)) return { error: 'The delay is a whole number of milliseconds.' };
    const delay = Number(form.delayMs);
    if (delay > DELAY_MAX) return { error: `The delay is at most ${DELAY_MAX.toLocaleString('en')} ms (an hour).` };
    if (delay > 0) inject.delay_ms = delay;
  }
  return { inject };
}

export function formFromInjection(inject: FailureInjection): InjectionForm {
  return {
    duplicate: inject.duplicate === true,
    corruptSignature: inject.corrupt_signature === true,
    timestampOffset: inject.timestamp_offset_seconds ? String(inject.timestamp_offset_seconds) : '',
    delayMs: inject.delay_ms ? String(inject.delay_ms) : '',
  };
}

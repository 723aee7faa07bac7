import type { EmitBatchInput, EmitEventInput } from '../../../shared/platform-api';
import { injectionFromForm, type InjectionForm } from './injection-form';

/** The emit panel's choices, as typed. */
export interface EmitOptions extends InjectionForm {
  event: string;
  dataJson: string;
  /** Send this many copies of the event as one batch, queued out of order; '' or '1' for a single event. */
  outOfOrderCount: string;
}

export type EmitRequest = { kind: 'single'; input: EmitEventInput } | { kind: 'batch'; input: EmitBatchInput };

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** Turns the panel's choices into the API request, or a message saying what to fix. */
export function buildEmitRequest(options: EmitOptions): { request: EmitRequest } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(options.dataJson);
  } catch (error) {
    return { error: `data is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { error: 'data must be a JSON object, e.g. {"id": "proj_1"}.' };

  const injection = injectionFromForm(options);
  if ('error' in injection) return injection;
  const { inject } = injection;

  const record = data as Record<string, unknown>;
  const count = options.outOfOrderCount.trim() === '' ? 1 : wholeNumber(options.outOfOrderCount);
  if (count === null || count < 1 || count > 50)
    return { error: 'The out-of-order batch size is a number from 2 to 50 (1 sends one event).' };
  if (count === 1) {
    const input: EmitEventInput = { event: options.event, data: record };
    if (Object.keys(inject).length > 0) input.inject = inject;
    return { request: { kind: 'single', input } };
  }
  // Each copy carries its position, so the receiver can see the order they arrived in.
  const events = Array.from({ length: count }, (_, index) => ({ event: options.event, data: { ...record, sequence: index + 1 } }));
  return { request: { kind: 'batch', input: { events, inject: { ...inject, shuffle: true } } } };
}

import type { FailureInjection } from '../../../shared/platform-api';

/**
 * The injection a delivery gets: the subscription's stored one, overridden field by field by
 * the event's. Only fields that change something are kept, so `{}` means "behave".
 */
export function effectiveInjection(subscription: FailureInjection, event: FailureInjection | undefined): FailureInjection {
  const merged = { ...subscription, ...event };
  const result: FailureInjection = {};
  if (merged.duplicate) result.duplicate = true;
  if (merged.timestamp_offset_seconds) result.timestamp_offset_seconds = merged.timestamp_offset_seconds;
  if (merged.corrupt_signature) result.corrupt_signature = true;
  if (merged.delay_ms) result.delay_ms = merged.delay_ms;
  return result;
}

/**
 * A random order of `count` items that is never the identity (for two or more), so an
 * "out of order" batch is always visibly out of order.
 */
export function outOfOrder(count: number, random: () => number = Math.random): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  if (count >= 2 && order.every((value, index) => value === index)) order.reverse();
  return order;
}

/** A signature that looks right (same length, still hex) but does not match: one digit changed. */
export function corruptSignature(signature: string): string {
  if (signature.length === 0) return 'corrupted';
  const last = signature[signature.length - 1] as string;
  const replacement = last === '0' ? '1' : '0';
  return signature.slice(0, -1) + replacement;
}

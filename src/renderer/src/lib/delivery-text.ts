import type { DeliveryAttempt, DeliveryError, DeliverySummary } from '../../../shared/platform-api';

/** "200", "503", or the network error's code: what one attempt came back with. */
export function attemptOutcome(attempt: Pick<DeliveryAttempt, 'status_code' | 'error'>): string {
  if (attempt.status_code !== null) return String(attempt.status_code);
  return attempt.error?.code ?? 'no response';
}

export function errorText(error: DeliveryError | null): string {
  return error ? `${error.code}: ${error.message}` : '';
}

/** "in 1.5 s", "in 3 min", "due now": how long until `iso`, seen from `now`. */
export function untilText(iso: string, now: number): string {
  const ms = new Date(iso).getTime() - now;
  if (Number.isNaN(ms)) return iso;
  if (ms <= 0) return 'due now';
  if (ms < 10_000) return `in ${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `in ${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `in ${Math.round(ms / 60_000)} min`;
  return `in ${(ms / 3_600_000).toFixed(1)} h`;
}

/** "500 ms", "1.5 s", "5 min", "2 h": a retry wait as people say it. */
export function durationText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(1))} min`;
  return `${Number((ms / 3_600_000).toFixed(1))} h`;
}

/** The waits between attempts a retry policy produces: its explicit schedule, or base * 2^n. */
export function retryWaits(retry: { max_attempts: number; base_delay_ms: number; schedule_ms: number[] | null }): number[] {
  if (retry.schedule_ms) return retry.schedule_ms.slice(0, Math.max(0, retry.max_attempts - 1));
  return Array.from({ length: Math.max(0, retry.max_attempts - 1) }, (_, index) => retry.base_delay_ms * 2 ** index);
}

/** A queued delivery of a disabled subscription waits until it is enabled again. */
export function isPaused(delivery: Pick<DeliverySummary, 'status'>, subscriptionDisabled: boolean): boolean {
  return subscriptionDisabled && (delivery.status === 'pending' || delivery.status === 'retrying');
}

/** The delivery's status pill: "retrying in 1.5 s", "paused — subscription disabled", or the status. */
export function deliveryStatusText(
  delivery: Pick<DeliverySummary, 'status' | 'next_attempt_at'>,
  subscriptionDisabled: boolean,
  now: number,
): string {
  if (isPaused(delivery, subscriptionDisabled)) return 'paused — subscription disabled';
  if (delivery.status === 'retrying' && delivery.next_attempt_at) return `retrying ${untilText(delivery.next_attempt_at, now)}`;
  return delivery.status;
}

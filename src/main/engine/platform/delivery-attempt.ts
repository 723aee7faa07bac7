import type { DeliveryError, PlatformSettings } from '../../../shared/platform-api';
import type { LiveHub } from '../live-hub';
import { sendOutbound, type OutboundResult } from '../outbound/http-sender';
import { findHeader } from '../signatures/headers';
import type { DeliveriesRepo, DeliveryJob, DeliveryOutcome, NewAttempt, QueueHead } from './deliveries-repo';
import { deliveryHeaders } from './delivery-request';
import { nextStep } from './retry-policy';
import type { SubscriptionsRepo } from './subscriptions-repo';
import type { HeaderPair } from '../../../shared/http-headers';

/** The guide's monitor tracks response times, not bodies: keep the first 2 KB for the log. */
export const RESPONSE_EXCERPT_BYTES = 2048;

export interface AttemptDeps {
  deliveries: DeliveriesRepo;
  subscriptions: SubscriptionsRepo;
  live: LiveHub;
  settings: () => PlatformSettings;
  version: string;
  /** True once the engine gave up waiting for this attempt: then nothing may touch the database. */
  abandoned: () => boolean;
}

async function send(job: DeliveryJob, deps: AttemptDeps): Promise<{ startedAt: number; headers: HeaderPair[]; result: OutboundResult }> {
  const startedAt = Date.now();
  const headers = deliveryHeaders({
    deliveryId: job.id,
    payload: job.payload,
    secret: job.secret,
    version: deps.version,
    nowSeconds: Math.floor(startedAt / 1000),
    inject: job.inject,
  });
  const result = await sendOutbound({
    url: job.url,
    method: 'POST',
    headers,
    body: job.payload,
    timeoutMs: deps.settings().delivery.timeout_ms,
    maxResponseBytes: RESPONSE_EXCERPT_BYTES,
  });
  return { startedAt, headers, result };
}

function attemptRecord(job: DeliveryJob, sent: Awaited<ReturnType<typeof send>>, number: number, duplicate: boolean): NewAttempt {
  const response = sent.result.response;
  const statusCode = response?.status ?? null;
  return {
    deliveryId: job.id,
    webhookId: job.webhookId,
    number,
    duplicate,
    startedAt: sent.startedAt,
    durationMs: sent.result.durationMs,
    statusCode,
    success: statusCode !== null && statusCode >= 200 && statusCode < 300,
    error: sent.result.error,
    requestHeaders: sent.headers,
    responseHeaders: response?.headers ?? [],
    responseExcerpt: response ? response.body.toString('utf8') : '',
    responseTruncated: response?.truncated ?? false,
    nextRetryAt: null,
    note: null,
  };
}

function failureOf(attempt: NewAttempt): DeliveryError | null {
  if (attempt.error) return attempt.error;
  if (attempt.success || attempt.statusCode === null) return null;
  if (attempt.statusCode === 410) {
    return { code: 'gone', message: 'The receiver answered 410 Gone: the subscription was disabled.' };
  }
  return { code: 'http_status', message: `The receiver answered ${attempt.statusCode}; only a 2xx counts as delivered.` };
}

/**
 * One attempt of the delivery at the head of a subscription's queue: sign and send the stored
 * bytes, then record the attempt and the delivery's next state in one transaction. A 2xx with
 * `duplicate` injected is followed at once by a second send with the same delivery id.
 */
export async function attemptDelivery(head: QueueHead, deps: AttemptDeps): Promise<void> {
  const job = deps.deliveries.job(head.id);
  // Gone (subscription deleted), no longer queued, or its subscription was disabled meanwhile.
  if (!job || job.subscriptionStatus !== 'active') return;
  const number = job.attemptCount + 1;
  const sent = await send(job, deps);
  if (deps.abandoned()) return;

  const attempt = attemptRecord(job, sent, number, false);
  const step = nextStep(
    { number, maxAttempts: job.maxAttempts, waitsMs: job.waitsMs },
    { statusCode: attempt.statusCode, retryAfter: findHeader(attempt.responseHeaders, 'retry-after') },
    Date.now(),
  );
  const outcome: DeliveryOutcome = {
    status: 'failed',
    attemptCount: number,
    nextAttemptAt: null,
    lastStatusCode: attempt.statusCode,
    lastError: failureOf(attempt),
  };
  if (step.kind === 'succeeded') outcome.status = 'succeeded';
  if (step.kind === 'retry') {
    outcome.status = 'retrying';
    outcome.nextAttemptAt = step.at;
    attempt.nextRetryAt = step.at;
    attempt.note = step.note;
  }
  if (step.kind === 'gone') attempt.note = step.note;
  if (!deps.deliveries.recordAttempt(attempt, outcome)) return;
  if (step.kind === 'gone') {
    deps.subscriptions.setStatus(job.webhookId, 'disabled');
    deps.live.publish({ type: 'webhooks-changed', data: {} });
  }
  publishDelivery(deps, job.id);

  if (step.kind === 'succeeded' && job.inject.duplicate) {
    const again = await send(job, deps);
    if (deps.abandoned()) return;
    const duplicate = attemptRecord(job, again, number, true);
    duplicate.note = 'Injected duplicate: the same delivery sent again, with the same delivery id.';
    deps.deliveries.recordAttempt(duplicate, null);
    publishDelivery(deps, job.id);
  }
}

export function publishDelivery(deps: Pick<AttemptDeps, 'deliveries' | 'live'>, id: string): void {
  const summary = deps.deliveries.summary(id);
  if (summary) deps.live.publish({ type: 'delivery-updated', data: summary });
}

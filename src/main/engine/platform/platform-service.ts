import { isEventType, EVENT_TYPE_NAMES } from '../../../shared/event-types';
import type {
  DeliveryDetail,
  DeliveryPage,
  DeliveryStats,
  DeliveryStatsSeries,
  DeliveryStatus,
  EmitBatchInput,
  EmitEventInput,
  EmittedBatch,
  EmittedEvent,
  FailureInjection,
  PlatformSettings,
  PlatformSettingsInput,
  WebhookCreateInput,
  WebhookSubscription,
  WebhookSubscriptionListItem,
  WebhookUpdateInput,
} from '../../../shared/platform-api';
import type { EngineContext } from '../context';
import { ApiError, invalid, notFound } from '../control/errors';
import { DeliveriesRepo, type NewDelivery } from './deliveries-repo';
import { attemptDelivery, publishDelivery, type AttemptDeps } from './delivery-attempt';
import { DeliveryQueue } from './delivery-queue';
import { deliveryPayload } from './delivery-request';
import { effectiveInjection, outOfOrder } from './failure-injection';
import { newId } from './ids';
import { waitsOf } from './retry-policy';
import { SettingsStore } from './settings';
import { DeliveryStatsQuery } from './stats';
import { checkSubscription, fieldsForCreate, fieldsForUpdate } from './subscription-rules';
import { SubscriptionsRepo } from './subscriptions-repo';

/** How long close() waits for attempts in flight before leaving them to the next start. */
const CLOSE_GRACE_MS = 3000;

/**
 * The platform simulator: the guide's `/webhooks` subscriptions, fan-out of emitted
 * events, the durable delivery queue with retries, delivery logs, statistics and settings.
 * Routes call this; it owns the repositories and the queue.
 */
export class PlatformService {
  private readonly subscriptions: SubscriptionsRepo;
  private readonly deliveries: DeliveriesRepo;
  private readonly settingsStore: SettingsStore;
  private readonly statsQuery: DeliveryStatsQuery;
  private readonly queue: DeliveryQueue;
  private abandoned = false;

  constructor(private readonly ctx: EngineContext) {
    this.subscriptions = new SubscriptionsRepo(ctx.db);
    this.deliveries = new DeliveriesRepo(ctx.db);
    this.settingsStore = new SettingsStore(ctx.db);
    this.statsQuery = new DeliveryStatsQuery(ctx.db);
    const attemptDeps: AttemptDeps = {
      deliveries: this.deliveries,
      subscriptions: this.subscriptions,
      live: ctx.live,
      settings: () => this.settingsStore.get(),
      version: ctx.version,
      abandoned: () => this.abandoned,
    };
    this.queue = new DeliveryQueue({
      heads: () => this.deliveries.queueHeads(),
      attempt: (head) => attemptDelivery(head, attemptDeps),
      onError: (error, head) => {
        // Not a failed delivery (those are recorded) but a bug or a storage error: say so.
        if (head) console.error(`[hookscope] delivery ${head.id} could not be attempted:`, error);
        else console.error('[hookscope] the delivery queue could not be read; retrying shortly:', error);
      },
    });
  }

  /** Resumes whatever was queued when the engine last stopped. */
  start(): void {
    this.queue.wake();
  }

  async close(): Promise<void> {
    await this.queue.close(CLOSE_GRACE_MS);
    this.abandoned = true;
  }

  // ---- subscriptions: the guide's /webhooks ----

  listSubscriptions(): WebhookSubscriptionListItem[] {
    return this.subscriptions.list().map(({ secret: _secret, ...rest }) => rest);
  }

  getSubscription(id: string): WebhookSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw notFound('webhook', id);
    return subscription;
  }

  createSubscription(input: WebhookCreateInput): WebhookSubscription {
    const fields = fieldsForCreate(input);
    checkSubscription(fields);
    const created = this.subscriptions.create(fields);
    this.changed();
    return created;
  }

  updateSubscription(id: string, input: WebhookUpdateInput): WebhookSubscription {
    const fields = fieldsForUpdate(this.getSubscription(id), input);
    checkSubscription(fields);
    const updated = this.subscriptions.replace(id, fields);
    this.changed();
    return updated;
  }

  /** Deletes the subscription, its queued deliveries and its delivery log. */
  deleteSubscription(id: string): void {
    if (!this.subscriptions.delete(id)) throw notFound('webhook', id);
    this.changed();
  }

  getInjection(id: string): FailureInjection {
    const injection = this.subscriptions.getInjection(id);
    if (!injection) throw notFound('webhook', id);
    return injection;
  }

  setInjection(id: string, input: FailureInjection): FailureInjection {
    this.getSubscription(id);
    const injection = effectiveInjection({}, input);
    this.subscriptions.setInjection(id, injection);
    return injection;
  }

  // ---- events and fan-out ----

  emit(input: EmitEventInput): EmittedEvent {
    const batch = this.emitMany([input], input.inject, false);
    return batch.events[0] as EmittedEvent;
  }

  emitBatch(input: EmitBatchInput): EmittedBatch {
    const { shuffle, ...inject } = input.inject ?? {};
    return this.emitMany(input.events, inject, shuffle === true);
  }

  private emitMany(
    inputs: Array<{ event: string; data: Record<string, unknown> }>,
    inject: FailureInjection | undefined,
    shuffle: boolean,
  ): EmittedBatch {
    inputs.forEach((input, index) => {
      if (!isEventType(input.event)) {
        const field = inputs.length > 1 || shuffle ? `events[${index}].event` : 'event';
        throw invalid(
          `${field} ${JSON.stringify(input.event)} is not an event type of the guide; use one of ${EVENT_TYPE_NAMES.join(', ')}.`,
        );
      }
    });
    const settings = this.settingsStore.get().retry;
    const waitsMs = waitsOf(settings);
    const active = this.subscriptions.list().filter((subscription) => subscription.status === 'active');
    const now = Date.now();
    const events = inputs.map((input) => {
      const id = newId('evt');
      const deliveries: NewDelivery[] = active
        .filter((subscription) => subscription.events.includes(input.event))
        .map((subscription) => {
          const effective = effectiveInjection(this.subscriptions.getInjection(subscription.id) ?? {}, inject);
          return {
            id: newId('dlv'),
            webhookId: subscription.id,
            eventId: id,
            event: input.event,
            maxAttempts: settings.max_attempts,
            waitsMs,
            nextAttemptAt: now + (effective.delay_ms ?? 0),
            inject: effective,
          };
        });
      return { id, event: input.event, payload: deliveryPayload(input.event, input.data), deliveries };
    });
    const order = shuffle ? outOfOrder(events.length) : events.map((_, index) => index);
    this.deliveries.enqueue(events, order);
    for (const index of order) {
      for (const delivery of events[index]?.deliveries ?? []) publishDelivery(this.publishDeps(), delivery.id);
    }
    this.queue.wake();
    return {
      events: events.map((event) => ({
        id: event.id,
        event: event.event,
        deliveries: event.deliveries.map((delivery) => ({ id: delivery.id, webhook_id: delivery.webhookId, status: 'pending' as const })),
      })),
      send_order: order.map((index) => events[index]?.id as string),
    };
  }

  // ---- deliveries ----

  listDeliveries(query: { webhookId: string | null; status: DeliveryStatus | null; limit: number; before: string | null }): DeliveryPage {
    const page = this.deliveries.list(query);
    if (!page) throw invalid(`before ${JSON.stringify(query.before)} is not a delivery id; pass next_before from the previous page.`);
    return page;
  }

  getDelivery(id: string): DeliveryDetail {
    const detail = this.deliveries.detail(id);
    if (!detail) throw notFound('delivery', id);
    return detail;
  }

  /** Redelivers a failed (or succeeded) delivery by hand: one more attempt, due now. */
  retryDelivery(id: string): DeliveryDetail {
    const summary = this.deliveries.summary(id);
    if (!summary) throw notFound('delivery', id);
    if (summary.status === 'pending' || summary.status === 'retrying') {
      throw new ApiError(
        409,
        'delivery_queued',
        `Delivery ${id} is already queued (${summary.status}); it will be attempted ${summary.next_attempt_at ? `at ${summary.next_attempt_at}` : 'soon'}.`,
      );
    }
    const subscription = this.getSubscription(summary.webhook_id);
    if (subscription.status !== 'active') {
      // It would sit in the queue unseen: say so instead.
      throw new ApiError(
        409,
        'subscription_disabled',
        `Webhook ${subscription.id} is disabled, so a retry would not go out; enable it first (PUT /api/webhooks/${subscription.id} with {"status": "active"}).`,
      );
    }
    this.deliveries.requeue(id);
    publishDelivery(this.publishDeps(), id);
    this.queue.wake();
    return this.getDelivery(id);
  }

  // ---- monitoring ----

  stats(webhookId: string): DeliveryStats {
    this.getSubscription(webhookId);
    return this.statsQuery.stats(webhookId);
  }

  series(webhookId: string, bucketMinutes: number): DeliveryStatsSeries {
    this.getSubscription(webhookId);
    return this.statsQuery.series(webhookId, bucketMinutes);
  }

  // ---- settings ----

  getSettings(): PlatformSettings {
    return this.settingsStore.get();
  }

  updateSettings(input: PlatformSettingsInput): PlatformSettings {
    return this.settingsStore.update(input);
  }

  private publishDeps() {
    return { deliveries: this.deliveries, live: this.ctx.live };
  }

  /** Subscriptions changed: tell the UI, and let the queue pick up re-enabled ones. */
  private changed(): void {
    this.ctx.live.publish({ type: 'webhooks-changed', data: {} });
    this.queue.wake();
  }
}

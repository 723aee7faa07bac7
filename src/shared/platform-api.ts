/**
 * The platform simulator's API types: webhook subscriptions managed exactly as in DcisionAI's
 * guide (`/api/webhooks`), events fanned out to them, a durable delivery queue with retries,
 * delivery logs, statistics and failure injection. Defined once, as schemas, in the contract
 * (src/shared/contract/platform-*.ts); re-exported here for the engine, the renderer and the tests.
 */
export type {
  FailureInjection,
  SubscriptionStatus,
  WebhookCreateInput,
  WebhookSubscription,
  WebhookSubscriptionListItem,
  WebhookUpdateInput,
} from './contract/platform-subscriptions';
export type { EmitBatchInput, EmitEventInput, EmittedBatch, EmittedEvent, QueuedDelivery } from './contract/platform-events';
export type {
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryError,
  DeliveryPage,
  DeliveryStatus,
  DeliverySummary,
} from './contract/platform-deliveries';
export type { DeliveryStats, DeliveryStatsBucket, DeliveryStatsSeries } from './contract/platform-stats';
export type { PlatformSettings, PlatformSettingsInput, RetryPreset, RetrySettings } from './contract/platform-settings';

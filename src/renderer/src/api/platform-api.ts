import type { EventTypeInfo } from '../../../shared/api';
import type {
  DeliveryDetail,
  DeliveryPage,
  DeliveryStats,
  DeliveryStatsSeries,
  EmitBatchInput,
  EmitEventInput,
  EmittedBatch,
  EmittedEvent,
  FailureInjection,
  PlatformSettings,
  PlatformSettingsInput,
  RetryPreset,
  WebhookCreateInput,
  WebhookSubscription,
  WebhookSubscriptionListItem,
  WebhookUpdateInput,
} from '../../../shared/platform-api';
import { requestJson } from './http';

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

const webhook = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

/** The platform simulator's part of the control API, one wrapper per operation. */
export const platformApi = {
  listWebhooks: () => data(requestJson<DataEnvelope<WebhookSubscriptionListItem[]>>('GET', '/webhooks')),
  /** Includes the secret (the list omits it, as in the guide). */
  getWebhook: (id: string) => data(requestJson<DataEnvelope<WebhookSubscription>>('GET', webhook(id))),
  createWebhook: (input: WebhookCreateInput) => data(requestJson<DataEnvelope<WebhookSubscription>>('POST', '/webhooks', input)),
  updateWebhook: (id: string, input: WebhookUpdateInput) => data(requestJson<DataEnvelope<WebhookSubscription>>('PUT', webhook(id), input)),
  deleteWebhook: (id: string) => requestJson<unknown>('DELETE', webhook(id)),
  getInjection: (id: string) => data(requestJson<DataEnvelope<FailureInjection>>('GET', `${webhook(id)}/inject`)),
  setInjection: (id: string, inject: FailureInjection) =>
    data(requestJson<DataEnvelope<FailureInjection>>('PUT', `${webhook(id)}/inject`, inject)),

  stats: (id: string) => data(requestJson<DataEnvelope<DeliveryStats>>('GET', `${webhook(id)}/stats`)),
  series: (id: string, bucketMinutes: number) =>
    data(requestJson<DataEnvelope<DeliveryStatsSeries>>('GET', `${webhook(id)}/stats/series?bucket_minutes=${bucketMinutes}`)),

  listDeliveries: (webhookId: string, limit: number) =>
    requestJson<DeliveryPage>('GET', `/deliveries?${new URLSearchParams({ webhook_id: webhookId, limit: String(limit) }).toString()}`),
  getDelivery: (id: string) => data(requestJson<DataEnvelope<DeliveryDetail>>('GET', `/deliveries/${encodeURIComponent(id)}`)),
  retryDelivery: (id: string) => data(requestJson<DataEnvelope<DeliveryDetail>>('POST', `/deliveries/${encodeURIComponent(id)}/retry`)),

  emit: (input: EmitEventInput) => data(requestJson<DataEnvelope<EmittedEvent>>('POST', '/events', input)),
  emitBatch: (input: EmitBatchInput) => data(requestJson<DataEnvelope<EmittedBatch>>('POST', '/events/batch', input)),

  settings: () => data(requestJson<DataEnvelope<PlatformSettings>>('GET', '/settings')),
  updateSettings: (input: PlatformSettingsInput) => data(requestJson<DataEnvelope<PlatformSettings>>('PUT', '/settings', input)),
  retryPresets: () => data(requestJson<DataEnvelope<RetryPreset[]>>('GET', '/settings/retry-presets')),

  eventTypes: () => data(requestJson<DataEnvelope<EventTypeInfo[]>>('GET', '/event-types')),
};

import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookInjection,
  listWebhooks,
  setWebhookInjection,
  updateWebhook,
  type FailureInjection,
  type WebhookCreateInput,
  type WebhookUpdateInput,
} from '../../../shared/contract/platform-subscriptions';
import { getWebhookStats, getWebhookStatsSeries } from '../../../shared/contract/platform-stats';
import { getDelivery, listDeliveries, retryDelivery } from '../../../shared/contract/platform-deliveries';
import { emitEvent, emitEventBatch, type EmitBatchInput, type EmitEventInput } from '../../../shared/contract/platform-events';
import {
  getPlatformSettings,
  listRetryPresets,
  updatePlatformSettings,
  type PlatformSettingsInput,
} from '../../../shared/contract/platform-settings';
import { api } from './http';
import { listEventTypes } from '../../../shared/contract/event-types';

const byId = (id: string) => ({ params: { id } });

/** The platform simulator's part of the control API, one wrapper per operation. */
export const platformApi = {
  listWebhooks: () => api.data(listWebhooks),
  /** Includes the secret (the list omits it, as in the guide). */
  getWebhook: (id: string) => api.data(getWebhook, byId(id)),
  createWebhook: (input: WebhookCreateInput) => api.data(createWebhook, { body: input }),
  updateWebhook: (id: string, input: WebhookUpdateInput) => api.data(updateWebhook, { ...byId(id), body: input }),
  deleteWebhook: (id: string) => api.data(deleteWebhook, byId(id)),
  getInjection: (id: string) => api.data(getWebhookInjection, byId(id)),
  setInjection: (id: string, inject: FailureInjection) => api.data(setWebhookInjection, { ...byId(id), body: inject }),

  stats: (id: string) => api.data(getWebhookStats, byId(id)),
  series: (id: string, bucketMinutes: number) =>
    api.data(getWebhookStatsSeries, { ...byId(id), query: { bucket_minutes: String(bucketMinutes) } }),

  listDeliveries: (webhookId: string, limit: number) =>
    api.call(listDeliveries, { query: { webhook_id: webhookId, limit: String(limit) } }),
  getDelivery: (id: string) => api.data(getDelivery, byId(id)),
  retryDelivery: (id: string) => api.data(retryDelivery, byId(id)),

  emit: (input: EmitEventInput) => api.data(emitEvent, { body: input }),
  emitBatch: (input: EmitBatchInput) => api.data(emitEventBatch, { body: input }),

  settings: () => api.data(getPlatformSettings),
  updateSettings: (input: PlatformSettingsInput) => api.data(updatePlatformSettings, { body: input }),
  retryPresets: () => api.data(listRetryPresets),

  // GET /api/event-types is not in the contract yet (another part of issue 17 converts it).
  eventTypes: () => api.data(listEventTypes),
};

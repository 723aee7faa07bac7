/**
 * The platform simulator's webhook subscriptions, managed exactly as in DcisionAI's guide
 * (`/api/webhooks`), and the failure injection stored per subscription. Times are ISO 8601 in UTC
 * with milliseconds (`2023-01-01T00:00:00.000Z`); durations are milliseconds.
 */
import { Data, Deleted, IdParams, Nullable, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';

export const SubscriptionStatus = StringEnum(['active', 'disabled'], {
  description: '`disabled` subscriptions get no new deliveries; their queued ones wait until re-enabled.',
});
export type SubscriptionStatus = Static<typeof SubscriptionStatus>;

/** Limits of a subscription's fields: the engine validates them, the subscription form checks them first. */
export const SUBSCRIPTION_LIMITS = {
  name: { minLength: 1, maxLength: 200 },
  description: { maxLength: 2000 },
  url: { minLength: 1, maxLength: 2048 },
  events: { maxItems: 100 },
  eventType: { maxLength: 100 },
  secret: { minLength: 1, maxLength: 4096 },
} as const;

const subscriptionFields = {
  name: Type.String(SUBSCRIPTION_LIMITS.name),
  description: Type.String({ ...SUBSCRIPTION_LIMITS.description, description: "'' when none was given." }),
  url: Type.String({ ...SUBSCRIPTION_LIMITS.url, description: 'http(s) URL the deliveries are POSTed to.' }),
  events: Type.Array(Type.String(SUBSCRIPTION_LIMITS.eventType), {
    ...SUBSCRIPTION_LIMITS.events,
    uniqueItems: true,
    description: 'Event types of the guide (GET /api/event-types); at least one.',
  }),
  secret: Type.String({
    ...SUBSCRIPTION_LIMITS.secret,
    description: 'Shared secret for X-DcisionAI-Signature; generated (`webhook_secret_` + 32 hex) when omitted.',
  }),
  status: SubscriptionStatus,
};

const storedFields = {
  id: Type.String({ description: '`wh_` + 16 hex digits.' }),
  name: subscriptionFields.name,
  description: subscriptionFields.description,
  url: subscriptionFields.url,
  events: subscriptionFields.events,
  secret: subscriptionFields.secret,
  created_at: Type.String(),
  last_delivery_at: Nullable(Type.String(), {
    description: 'Start of the most recent delivery attempt to this subscription; null until the first.',
  }),
  status: SubscriptionStatus,
};

export const WebhookSubscription = Type.Object(storedFields, {
  description: "A webhook subscription, field for field as the guide's `/webhooks` responses show it.",
});
export type WebhookSubscription = Static<typeof WebhookSubscription>;

const { secret: _secret, ...listedFields } = storedFields;

export const WebhookSubscriptionListItem = Type.Object(listedFields, {
  description: 'An entry of GET /api/webhooks: the subscription without its secret, as in the guide.',
});
export type WebhookSubscriptionListItem = Static<typeof WebhookSubscriptionListItem>;

const optionalFields = Type.Partial(Type.Object(subscriptionFields)).properties;

/** Body of POST /api/webhooks. `name`, `url` and `events` are required. */
export const WebhookCreateInput = Type.Object(
  { ...optionalFields, name: subscriptionFields.name, url: subscriptionFields.url, events: subscriptionFields.events },
  { additionalProperties: false },
);
export type WebhookCreateInput = Static<typeof WebhookCreateInput>;

/** Body of PUT /api/webhooks/:id: any subset of the fields; an omitted `secret` is kept. */
export const WebhookUpdateInput = Type.Object(optionalFields, { additionalProperties: false });
export type WebhookUpdateInput = Static<typeof WebhookUpdateInput>;

/** Limits of failure injection; the injection form checks them before a round trip. */
export const INJECTION_LIMITS = {
  timestampOffsetSeconds: { minimum: -31_536_000, maximum: 31_536_000 },
  delayMs: { minimum: 0, maximum: 3_600_000 },
} as const;

export const failureInjectionFields = {
  duplicate: Type.Optional(
    Type.Boolean({ description: 'Deliver it twice with the same delivery id: a second send right after the first 2xx.' }),
  ),
  timestamp_offset_seconds: Type.Optional(
    Type.Integer({
      ...INJECTION_LIMITS.timestampOffsetSeconds,
      description:
        'Added to X-DcisionAI-Timestamp (negative: stale, positive: future); the signature is computed over the shifted timestamp, so only the age check fails.',
    }),
  ),
  corrupt_signature: Type.Optional(Type.Boolean({ description: 'Send a signature that does not match (one hex digit changed).' })),
  delay_ms: Type.Optional(
    Type.Integer({
      ...INJECTION_LIMITS.delayMs,
      description: "Hold the first attempt back this long (ms); the subscription's later deliveries wait behind it.",
    }),
  ),
};

export const FailureInjection = Type.Object(failureInjectionFields, {
  additionalProperties: false,
  description:
    "Misbehaviour a real platform shows now and then, injected on purpose. Given per event (`inject` in POST /api/events) or stored per subscription (PUT /api/webhooks/:id/inject); an event's fields override the subscription's, field by field.",
});
export type FailureInjection = Static<typeof FailureInjection>;

const tags = ['platform'];

export const createWebhook = defineOperation({
  method: 'POST',
  url: '/api/webhooks',
  operationId: 'createWebhook',
  summary:
    "create `{name, description?, url, events, secret?}` → 201 the guide's object (`id` `wh_…`, `created_at`, `last_delivery_at`, `status`); a missing secret is generated",
  tags,
  body: WebhookCreateInput,
  responses: { 201: Data(WebhookSubscription) },
});

export const listWebhooks = defineOperation({
  method: 'GET',
  url: '/api/webhooks',
  operationId: 'listWebhooks',
  summary: 'all subscriptions, without `secret`',
  tags,
  responses: { 200: Data(Type.Array(WebhookSubscriptionListItem)) },
});

export const getWebhook = defineOperation({
  method: 'GET',
  url: '/api/webhooks/:id',
  operationId: 'getWebhook',
  summary: 'one, with its secret',
  tags,
  params: IdParams,
  responses: { 200: Data(WebhookSubscription) },
});

export const updateWebhook = defineOperation({
  method: 'PUT',
  url: '/api/webhooks/:id',
  operationId: 'updateWebhook',
  summary: 'change any fields, `status: "active" | "disabled"` too; without `secret` the secret is kept',
  tags,
  params: IdParams,
  body: WebhookUpdateInput,
  responses: { 200: Data(WebhookSubscription) },
});

export const deleteWebhook = defineOperation({
  method: 'DELETE',
  url: '/api/webhooks/:id',
  operationId: 'deleteWebhook',
  summary: 'delete it with its deliveries',
  tags,
  params: IdParams,
  responses: { 200: Deleted(Type.String()) },
});

export const getWebhookInjection = defineOperation({
  method: 'GET',
  url: '/api/webhooks/:id/inject',
  operationId: 'getWebhookInjection',
  summary: 'the failure injection stored for the subscription',
  tags,
  params: IdParams,
  responses: { 200: Data(FailureInjection) },
});

export const setWebhookInjection = defineOperation({
  method: 'PUT',
  url: '/api/webhooks/:id/inject',
  operationId: 'setWebhookInjection',
  summary: 'store failure injection for the subscription `{duplicate?, timestamp_offset_seconds?, corrupt_signature?, delay_ms?}`',
  tags,
  params: IdParams,
  body: FailureInjection,
  responses: { 200: Data(FailureInjection) },
});

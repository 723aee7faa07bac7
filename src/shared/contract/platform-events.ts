/** Emitting events to the simulator's subscriptions: 202 Accepted, since deliveries are queued, not yet made. */
import { Data, Type, type Static } from './schema';
import { defineOperation } from './operation';
import { DeliveryStatus } from './platform-deliveries';
import { SUBSCRIPTION_LIMITS, failureInjectionFields } from './platform-subscriptions';

/** How many events one batch may carry. */
export const BATCH_EVENTS = { minItems: 1, maxItems: 100 } as const;

const eventName = Type.String({ minLength: 1, ...SUBSCRIPTION_LIMITS.eventType, description: 'An event type, e.g. `model.trained`.' });
const eventData = Type.Unsafe<Record<string, unknown>>({ type: 'object', description: 'The event’s `data` object.' });

/** Body of POST /api/events. */
export const EmitEventInput = Type.Object(
  {
    event: eventName,
    data: eventData,
    inject: Type.Optional(Type.Object(failureInjectionFields, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type EmitEventInput = Static<typeof EmitEventInput>;

/** Body of POST /api/events/batch: several events at once; `inject.shuffle` sends them out of order. */
export const EmitBatchInput = Type.Object(
  {
    events: Type.Array(Type.Object({ event: eventName, data: eventData }, { additionalProperties: false }), BATCH_EVENTS),
    inject: Type.Optional(
      Type.Object(
        {
          ...failureInjectionFields,
          shuffle: Type.Optional(Type.Boolean({ description: 'Queue the events in a random order (out-of-order delivery).' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EmitBatchInput = Static<typeof EmitBatchInput>;

export const QueuedDelivery = Type.Object({ id: Type.String(), webhook_id: Type.String(), status: DeliveryStatus });
export type QueuedDelivery = Static<typeof QueuedDelivery>;

export const EmittedEvent = Type.Object({
  id: Type.String({ description: '`evt_` + 16 hex digits.' }),
  event: Type.String(),
  deliveries: Type.Array(QueuedDelivery, { description: 'One per active subscription listing the event type; empty when none does.' }),
});
export type EmittedEvent = Static<typeof EmittedEvent>;

export const EmittedBatch = Type.Object({
  events: Type.Array(EmittedEvent, { description: 'In the order given.' }),
  send_order: Type.Array(Type.String(), {
    description: 'Event ids in the order their deliveries were queued (differs from `events` when shuffled).',
  }),
});
export type EmittedBatch = Static<typeof EmittedBatch>;

const tags = ['platform'];

export const emitEvent = defineOperation({
  method: 'POST',
  url: '/api/events',
  operationId: 'emitEvent',
  summary:
    '`{event, data, inject?}` → 202 `{"data": {"id": "evt_…", "event", "deliveries": [{id, webhook_id, status}]}}`, one per active subscription listing the type',
  tags,
  body: EmitEventInput,
  responses: { 202: Data(EmittedEvent) },
});

export const emitEventBatch = defineOperation({
  method: 'POST',
  url: '/api/events/batch',
  operationId: 'emitEventBatch',
  summary: '`{events: [{event, data}], inject?: {shuffle: true, ...}}` → the events and their `send_order`',
  tags,
  body: EmitBatchInput,
  responses: { 202: Data(EmittedBatch) },
});

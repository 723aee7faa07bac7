/** The DcisionAI event catalog: GET /api/event-types. */
import type { EventPayload, JsonSchema } from '../event-catalog';
import { Data, Type, type Static } from './schema';
import { defineOperation } from './operation';

/** One entry of GET /api/event-types. */
export const EventTypeInfo = Type.Object({
  type: Type.String({ description: 'The event name, e.g. `prediction.completed`.' }),
  category: Type.String(),
  description: Type.String(),
  template: Type.Unsafe<EventPayload>({
    type: 'object',
    additionalProperties: true,
    description: 'A fresh example payload `{event, data}` (new ids and timestamps on every request).',
  }),
  schema: Type.Unsafe<JsonSchema>({
    type: 'object',
    additionalProperties: true,
    description: "JSON Schema (draft-07) of the payload's `data`.",
  }),
});
export type EventTypeInfo = Static<typeof EventTypeInfo>;

export const listEventTypes = defineOperation({
  method: 'GET',
  url: '/api/event-types',
  operationId: 'listEventTypes',
  summary: 'the 16 DcisionAI event types: `{type, category, description, template, schema}` (fresh ids and timestamps in every template)',
  tags: ['outbound'],
  responses: { 200: Data(Type.Array(EventTypeInfo)) },
});

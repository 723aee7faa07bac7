import type { EventTypeInfo } from '../../../shared/api';

/** The Monaco model URI of the compose editor for one event type; schemas attach by this URI. */
export function composeModelUri(eventType: string): string {
  return `inmemory://hookscope/compose/${eventType}.json`;
}

/** The URI that names an event's payload schema inside Monaco's JSON service. */
export function schemaUri(eventType: string): string {
  return `hookscope://schemas/events/${eventType}.json`;
}

/** JSON Schema of a whole payload `{event, data}` of one type, around the catalog's schema of `data`. */
export function payloadSchemaFor(info: Pick<EventTypeInfo, 'type' | 'description' | 'schema'>): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${info.type} payload`,
    description: info.description,
    type: 'object',
    properties: {
      event: { type: 'string', enum: [info.type], description: info.description },
      data: info.schema,
    },
    required: ['event', 'data'],
    additionalProperties: true,
  };
}

/** A fresh template as editor text: the catalog's payload, indented for editing. */
export function templateText(info: Pick<EventTypeInfo, 'template'>): string {
  return JSON.stringify(info.template, null, 2);
}

/** Groups event types by category, keeping the catalog's order. */
export function groupByCategory<T extends { category: string }>(items: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.category);
    if (group) group.push(item);
    else groups.set(item.category, [item]);
  }
  return [...groups.entries()];
}

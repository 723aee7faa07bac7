import { EVENT_CATALOG } from '../../../../shared/event-catalog';
import { listEventTypes } from '../../../../shared/contract/event-types';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';

export function registerEventTypeRoutes(app: ControlApp): void {
  // Templates are built per request, so every fetch gets fresh ids and timestamps.
  app.route({
    ...routeOf(listEventTypes),
    handler: async () => ({
      data: EVENT_CATALOG.map((entry) => ({
        type: entry.type,
        category: entry.category,
        description: entry.description,
        template: entry.template(),
        schema: entry.schema,
      })),
    }),
  });
}

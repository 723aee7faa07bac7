import type { FastifyInstance } from 'fastify';
import type { EventTypeInfo } from '../../../../shared/api';
import { EVENT_CATALOG } from '../../../../shared/event-catalog';

export function registerEventTypeRoutes(app: FastifyInstance): void {
  // Templates are built per request, so every fetch gets fresh ids and timestamps.
  app.get('/api/event-types', async (): Promise<{ data: EventTypeInfo[] }> => ({
    data: EVENT_CATALOG.map((entry) => ({
      type: entry.type,
      category: entry.category,
      description: entry.description,
      template: entry.template(),
      schema: entry.schema,
    })),
  }));
}

import type { FastifyInstance } from 'fastify';
import type { RetentionSettings } from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { retentionBody } from '../schemas';

export function registerRetentionRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.get('/api/settings/retention', async () => ({ data: ctx.retention.state() }));

  // Answers once the history is within the new limits, so the usage it returns is the new one.
  app.put<{ Body: Partial<RetentionSettings> }>('/api/settings/retention', { schema: { body: retentionBody } }, async (request) => ({
    data: await ctx.retention.update(request.body),
  }));
}

import type { FastifyInstance } from 'fastify';
import type { EmitBatchInput, EmitEventInput } from '../../../../shared/platform-api';
import type { PlatformService } from '../../platform/platform-service';
import { emitBatchBody, emitEventBody } from '../platform-schemas';

/** Emitting events: 202 Accepted, since the deliveries are queued, not yet made. */
export function registerPlatformEventRoutes(app: FastifyInstance, platform: PlatformService): void {
  app.post<{ Body: EmitEventInput }>('/api/events', { schema: { body: emitEventBody } }, async (request, reply) => {
    reply.code(202);
    return { data: platform.emit(request.body) };
  });

  app.post<{ Body: EmitBatchInput }>('/api/events/batch', { schema: { body: emitBatchBody } }, async (request, reply) => {
    reply.code(202);
    return { data: platform.emitBatch(request.body) };
  });
}

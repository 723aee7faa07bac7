import type { ControlApp } from '../control-app';
import type { PlatformService } from '../../platform/platform-service';
import { routeOf } from '../route-of';
import { emitEvent, emitEventBatch } from '../../../../shared/contract/platform-events';

/** Emitting events: 202 Accepted, since the deliveries are queued, not yet made. */
export function registerPlatformEventRoutes(app: ControlApp, platform: PlatformService): void {
  app.route({
    ...routeOf(emitEvent),
    handler: async (request, reply) => {
      reply.code(202);
      return { data: platform.emit(request.body) };
    },
  });

  app.route({
    ...routeOf(emitEventBatch),
    handler: async (request, reply) => {
      reply.code(202);
      return { data: platform.emitBatch(request.body) };
    },
  });
}

import type { ControlApp } from '../control-app';
import type { PlatformService } from '../../platform/platform-service';
import { RETRY_PRESETS } from '../../platform/retry-policy';
import { routeOf } from '../route-of';
import { deliveryPageLimit, getDelivery, listDeliveries, retryDelivery } from '../../../../shared/contract/platform-deliveries';
import { getPlatformSettings, listRetryPresets, updatePlatformSettings } from '../../../../shared/contract/platform-settings';

/** Delivery logs, manual retry and the simulator's settings. */
export function registerPlatformDeliveryRoutes(app: ControlApp, platform: PlatformService): void {
  app.route({
    ...routeOf(listDeliveries),
    handler: async (request) =>
      platform.listDeliveries({
        webhookId: request.query.webhook_id ?? null,
        status: request.query.status ?? null,
        limit: deliveryPageLimit(request.query.limit),
        before: request.query.before ?? null,
      }),
  });

  app.route({ ...routeOf(getDelivery), handler: async (request) => ({ data: platform.getDelivery(request.params.id) }) });

  app.route({
    ...routeOf(retryDelivery),
    handler: async (request, reply) => {
      reply.code(202);
      return { data: platform.retryDelivery(request.params.id) };
    },
  });

  app.route({ ...routeOf(getPlatformSettings), handler: async () => ({ data: platform.getSettings() }) });

  app.route({ ...routeOf(updatePlatformSettings), handler: async (request) => ({ data: platform.updateSettings(request.body) }) });

  app.route({ ...routeOf(listRetryPresets), handler: async () => ({ data: [...RETRY_PRESETS] }) });
}

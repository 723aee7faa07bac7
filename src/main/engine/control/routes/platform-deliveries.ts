import type { FastifyInstance } from 'fastify';
import type { DeliveryStatus, PlatformSettingsInput } from '../../../../shared/platform-api';
import type { PlatformService } from '../../platform/platform-service';
import { RETRY_PRESETS } from '../../platform/retry-policy';
import { idParam } from '../schemas';
import { deliveryListQuery, settingsBody } from '../platform-schemas';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** Delivery logs, manual retry and the simulator's settings. */
export function registerPlatformDeliveryRoutes(app: FastifyInstance, platform: PlatformService): void {
  app.get<{ Querystring: { webhook_id?: string; status?: DeliveryStatus; limit?: string; before?: string } }>(
    '/api/deliveries',
    { schema: { querystring: deliveryListQuery } },
    async (request) =>
      platform.listDeliveries({
        webhookId: request.query.webhook_id ?? null,
        status: request.query.status ?? null,
        limit: Math.min(Math.max(Number(request.query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE),
        before: request.query.before ?? null,
      }),
  );

  app.get<{ Params: { id: string } }>('/api/deliveries/:id', { schema: { params: idParam } }, async (request) => ({
    data: platform.getDelivery(request.params.id),
  }));

  app.post<{ Params: { id: string } }>('/api/deliveries/:id/retry', { schema: { params: idParam } }, async (request, reply) => {
    reply.code(202);
    return { data: platform.retryDelivery(request.params.id) };
  });

  app.get('/api/settings', async () => ({ data: platform.getSettings() }));

  app.put<{ Body: PlatformSettingsInput }>('/api/settings', { schema: { body: settingsBody } }, async (request) => ({
    data: platform.updateSettings(request.body),
  }));

  app.get('/api/settings/retry-presets', async () => ({ data: RETRY_PRESETS }));
}

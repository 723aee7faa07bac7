import type { FastifyInstance } from 'fastify';
import type { FailureInjection, WebhookCreateInput, WebhookUpdateInput } from '../../../../shared/platform-api';
import type { PlatformService } from '../../platform/platform-service';
import { invalid } from '../errors';
import { idParam } from '../schemas';
import { injectionBody, statsSeriesQuery, webhookCreateBody, webhookUpdateBody } from '../platform-schemas';

/** The guide's `/webhooks` management API, under /api, plus monitoring and stored failure injection. */
export function registerPlatformWebhookRoutes(app: FastifyInstance, platform: PlatformService): void {
  app.get('/api/webhooks', async () => ({ data: platform.listSubscriptions() }));

  app.post<{ Body: WebhookCreateInput }>('/api/webhooks', { schema: { body: webhookCreateBody } }, async (request, reply) => {
    reply.code(201);
    return { data: platform.createSubscription(request.body) };
  });

  app.get<{ Params: { id: string } }>('/api/webhooks/:id', { schema: { params: idParam } }, async (request) => ({
    data: platform.getSubscription(request.params.id),
  }));

  app.put<{ Params: { id: string }; Body: WebhookUpdateInput }>(
    '/api/webhooks/:id',
    { schema: { params: idParam, body: webhookUpdateBody } },
    async (request) => ({ data: platform.updateSubscription(request.params.id, request.body) }),
  );

  app.delete<{ Params: { id: string } }>('/api/webhooks/:id', { schema: { params: idParam } }, async (request) => {
    platform.deleteSubscription(request.params.id);
    return { data: { id: request.params.id, deleted: true } };
  });

  app.get<{ Params: { id: string } }>('/api/webhooks/:id/stats', { schema: { params: idParam } }, async (request) => ({
    data: platform.stats(request.params.id),
  }));

  app.get<{ Params: { id: string }; Querystring: { bucket_minutes?: string } }>(
    '/api/webhooks/:id/stats/series',
    { schema: { params: idParam, querystring: statsSeriesQuery } },
    async (request) => {
      const bucketMinutes = Number(request.query.bucket_minutes ?? 60);
      if (bucketMinutes < 1 || bucketMinutes > 1440) {
        throw invalid(`querystring.bucket_minutes must be between 1 and 1440 (a day); got ${bucketMinutes}.`);
      }
      return { data: platform.series(request.params.id, bucketMinutes) };
    },
  );

  app.get<{ Params: { id: string } }>('/api/webhooks/:id/inject', { schema: { params: idParam } }, async (request) => ({
    data: platform.getInjection(request.params.id),
  }));

  app.put<{ Params: { id: string }; Body: FailureInjection }>(
    '/api/webhooks/:id/inject',
    { schema: { params: idParam, body: injectionBody } },
    async (request) => ({ data: platform.setInjection(request.params.id, request.body) }),
  );
}

import type { ControlApp } from '../control-app';
import type { PlatformService } from '../../platform/platform-service';
import { invalid } from '../errors';
import { routeOf } from '../route-of';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookInjection,
  listWebhooks,
  setWebhookInjection,
  updateWebhook,
} from '../../../../shared/contract/platform-subscriptions';
import { BUCKET_MINUTES, getWebhookStats, getWebhookStatsSeries } from '../../../../shared/contract/platform-stats';

/** The guide's `/webhooks` management API, under /api, plus monitoring and stored failure injection. */
export function registerPlatformWebhookRoutes(app: ControlApp, platform: PlatformService): void {
  app.route({ ...routeOf(listWebhooks), handler: async () => ({ data: platform.listSubscriptions() }) });

  app.route({
    ...routeOf(createWebhook),
    handler: async (request, reply) => {
      reply.code(201);
      return { data: platform.createSubscription(request.body) };
    },
  });

  app.route({ ...routeOf(getWebhook), handler: async (request) => ({ data: platform.getSubscription(request.params.id) }) });

  app.route({
    ...routeOf(updateWebhook),
    handler: async (request) => ({ data: platform.updateSubscription(request.params.id, request.body) }),
  });

  app.route({
    ...routeOf(deleteWebhook),
    handler: async (request) => {
      platform.deleteSubscription(request.params.id);
      return { data: { id: request.params.id, deleted: true as const } };
    },
  });

  app.route({ ...routeOf(getWebhookStats), handler: async (request) => ({ data: platform.stats(request.params.id) }) });

  app.route({
    ...routeOf(getWebhookStatsSeries),
    handler: async (request) => {
      // The pattern keeps it to digits; the range needs a sentence of its own.
      const bucketMinutes = Number(request.query.bucket_minutes ?? BUCKET_MINUTES.default);
      if (bucketMinutes < BUCKET_MINUTES.minimum || bucketMinutes > BUCKET_MINUTES.maximum) {
        throw invalid(`querystring.bucket_minutes must be between 1 and 1440 (a day); got ${bucketMinutes}.`);
      }
      return { data: platform.series(request.params.id, bucketMinutes) };
    },
  });

  app.route({ ...routeOf(getWebhookInjection), handler: async (request) => ({ data: platform.getInjection(request.params.id) }) });

  app.route({
    ...routeOf(setWebhookInjection),
    handler: async (request) => ({ data: platform.setInjection(request.params.id, request.body) }),
  });
}

import { pageLimit } from '../../../../shared/contract/schema';
import { clearSent, deleteSent, getSent, listSent, resendSent, sendRequest } from '../../../../shared/contract/outbound';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import type { EngineContext } from '../../context';
import { recipeFromSendInput } from '../../outbound/send-input';
import { executeSend } from '../../outbound/send-service';
import { notFound } from '../errors';

/** Compose and send, the Sent history, and sending a stored request again. */
export function registerSendRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(sendRequest),
    handler: async (request) => {
      const { recipe, body } = recipeFromSendInput(request.body, ctx.version);
      return { data: await executeSend(ctx, recipe, body, { source: 'send' }) };
    },
  });

  app.route({
    ...routeOf(listSent),
    handler: async (request) => {
      const before = request.query.before === undefined ? null : Number(request.query.before);
      return ctx.sent.list(pageLimit(request.query.limit), before);
    },
  });

  app.route({
    ...routeOf(getSent),
    handler: async (request) => {
      const sent = ctx.sent.get(Number(request.params.id));
      if (!sent) throw notFound('sent request', request.params.id);
      return { data: sent };
    },
  });

  app.route({
    ...routeOf(deleteSent),
    handler: async (request) => {
      const id = Number(request.params.id);
      if (!ctx.sent.delete(id)) throw notFound('sent request', request.params.id);
      ctx.live.publish({ type: 'sent-deleted', data: { id } });
      return { data: { id, deleted: true as const } };
    },
  });

  app.route({
    ...routeOf(clearSent),
    handler: async () => {
      const count = ctx.sent.clear();
      ctx.live.publish({ type: 'sent-cleared', data: {} });
      return { data: { deleted: count } };
    },
  });

  // Same URL, method, headers and bytes; signed requests get a fresh signature (and, unless the
  // original fixed its timestamp, a fresh timestamp).
  app.route({
    ...routeOf(resendSent),
    // Every field is optional, so a POST without a body resends as stored.
    preValidation: async (request) => {
      request.body ??= {};
    },
    handler: async (request) => {
      const id = Number(request.params.id);
      const stored = ctx.sent.recipeOf(id);
      if (!stored) throw notFound('sent request', request.params.id);
      const recipe = { ...stored.recipe, timeoutMs: request.body.timeout_ms ?? stored.recipe.timeoutMs };
      return { data: await executeSend(ctx, recipe, stored.body, { source: 'resend', sourceSentId: id }) };
    },
  });
}

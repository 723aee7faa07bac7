import type { FastifyInstance } from 'fastify';
import type { ResendInput, SendInput } from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { recipeFromSendInput } from '../../outbound/send-input';
import { executeSend } from '../../outbound/send-service';
import { invalid, notFound } from '../errors';
import { sendBody } from '../outbound-schemas';
import { numericIdParam, requestListQuery } from '../schemas';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/** Compose and send, the Sent history, and sending a stored request again. */
export function registerSendRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.post<{ Body: SendInput }>('/api/send', { schema: { body: sendBody } }, async (request) => {
    const { recipe, body } = recipeFromSendInput(request.body, ctx.version);
    return { data: await executeSend(ctx, recipe, body, { source: 'send' }) };
  });

  app.get<{ Querystring: { limit?: string; before?: string } }>(
    '/api/sent',
    { schema: { querystring: requestListQuery } },
    async (request) => {
      const limit = Math.min(Math.max(Number(request.query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
      const before = request.query.before === undefined ? null : Number(request.query.before);
      return ctx.sent.list(limit, before);
    },
  );

  app.get<{ Params: { id: string } }>('/api/sent/:id', { schema: { params: numericIdParam } }, async (request) => {
    const sent = ctx.sent.get(Number(request.params.id));
    if (!sent) throw notFound('sent request', request.params.id);
    return { data: sent };
  });

  app.delete<{ Params: { id: string } }>('/api/sent/:id', { schema: { params: numericIdParam } }, async (request) => {
    const id = Number(request.params.id);
    if (!ctx.sent.delete(id)) throw notFound('sent request', request.params.id);
    ctx.live.publish({ type: 'sent-deleted', data: { id } });
    return { data: { id, deleted: true } };
  });

  app.delete('/api/sent', async () => {
    const count = ctx.sent.clear();
    ctx.live.publish({ type: 'sent-cleared', data: {} });
    return { data: { deleted: count } };
  });

  // Same URL, method, headers and bytes; signed requests get a fresh signature (and, unless the
  // original fixed its timestamp, a fresh timestamp).
  app.post<{ Params: { id: string }; Body: ResendInput | undefined }>(
    '/api/sent/:id/resend',
    { schema: { params: numericIdParam } },
    async (request) => {
      const id = Number(request.params.id);
      const stored = ctx.sent.recipeOf(id);
      if (!stored) throw notFound('sent request', request.params.id);
      const timeout = request.body?.timeout_ms;
      if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > 300000)) {
        throw invalid('body.timeout_ms must be an integer from 1 to 300000.');
      }
      const recipe = { ...stored.recipe, timeoutMs: timeout ?? stored.recipe.timeoutMs };
      return { data: await executeSend(ctx, recipe, stored.body, { source: 'resend', sourceSentId: id }) };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { RequestUpdate } from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { notFound } from '../errors';
import { conformanceOf } from '../../services/conformance';
import { completeVerification } from '../../services/capture-verification';
import { numericIdParam, requestListQuery, requestUpdateBody } from '../schemas';
import { clearUnpinned, deleteCaptures } from '../../history/delete';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export function registerRequestRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.get<{ Querystring: { limit?: string; before?: string; q?: string } }>(
    '/api/requests',
    { schema: { querystring: requestListQuery } },
    async (request) => {
      const limit = Math.min(Math.max(Number(request.query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
      const before = request.query.before === undefined ? null : Number(request.query.before);
      return ctx.history.list(request.query.q, limit, before);
    },
  );

  app.get<{ Params: { id: string } }>('/api/requests/:id', { schema: { params: numericIdParam } }, async (request) => {
    const detail = ctx.requests.get(Number(request.params.id));
    if (!detail) throw notFound('request', request.params.id);
    return { data: { ...detail, verification: completeVerification(ctx, detail), conformance: conformanceOf(detail) } };
  });

  app.put<{ Params: { id: string }; Body: RequestUpdate }>(
    '/api/requests/:id',
    { schema: { params: numericIdParam, body: requestUpdateBody } },
    async (request) => {
      const id = Number(request.params.id);
      const summary = request.body.pinned === undefined ? ctx.requests.summary(id) : ctx.requests.setPinned(id, request.body.pinned);
      if (!summary) throw notFound('request', request.params.id);
      ctx.live.publish({ type: 'captures-updated', data: [summary] });
      return { data: summary };
    },
  );

  app.delete<{ Params: { id: string } }>('/api/requests/:id', { schema: { params: numericIdParam } }, async (request) => {
    const id = Number(request.params.id);
    if (deleteCaptures(ctx, [id]) === 0) throw notFound('request', request.params.id);
    ctx.live.publish({ type: 'request-deleted', data: { id } });
    return { data: { id, deleted: true } };
  });

  app.delete('/api/requests', async () => {
    // Captures still waiting for their commit predate the click: they are cleared too.
    ctx.flushPendingCaptures();
    const result = clearUnpinned(ctx);
    ctx.live.publish({ type: 'requests-cleared', data: { kept_pinned: result.kept_pinned } });
    return { data: result };
  });
}

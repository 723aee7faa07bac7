import type { FastifyInstance } from 'fastify';
import type { ReplayInput } from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { replayCapture } from '../../outbound/replay';
import { replayBody } from '../outbound-schemas';
import { numericIdParam } from '../schemas';

export function registerReplayRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.post<{ Params: { id: string }; Body: ReplayInput }>(
    '/api/requests/:id/replay',
    { schema: { params: numericIdParam, body: replayBody } },
    async (request) => ({ data: await replayCapture(ctx, Number(request.params.id), request.body) }),
  );
}

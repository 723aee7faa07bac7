import { replayCapture as replayCaptureOp } from '../../../../shared/contract/outbound';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import type { EngineContext } from '../../context';
import { replayCapture } from '../../outbound/replay';

export function registerReplayRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(replayCaptureOp),
    handler: async (request) => ({ data: await replayCapture(ctx, Number(request.params.id), request.body) }),
  });
}

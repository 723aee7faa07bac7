import type { ControlApp } from '../control-app';
import type { EngineContext } from '../../context';
import { routeOf } from '../route-of';
import { getRetention, updateRetention } from '../../../../shared/contract/retention';

export function registerRetentionRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({ ...routeOf(getRetention), handler: async () => ({ data: ctx.retention.state() }) });

  // Answers once the history is within the new limits, so the usage it returns is the new one.
  app.route({ ...routeOf(updateRetention), handler: async (request) => ({ data: await ctx.retention.update(request.body) }) });
}

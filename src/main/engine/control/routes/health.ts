import type { ControlApp } from '../control-app';
import type { EngineContext } from '../../context';
import { routeOf } from '../route-of';
import { getHealth } from '../../../../shared/contract/health';

export function registerHealthRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(getHealth),
    handler: async () => {
      const problem = ctx.storage.current();
      return {
        data: {
          status: problem === null ? ('ok' as const) : ('degraded' as const),
          storage_problem: problem,
          version: ctx.version,
          receiver_url: ctx.receiverUrl,
          ui_url: ctx.uiUrl,
          data_dir: ctx.dataDir,
          log_file: ctx.logFile,
          body_limit_bytes: ctx.bodyLimitBytes,
          receiver_connections: { ...ctx.connections },
        },
      };
    },
  });
}

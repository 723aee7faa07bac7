import type { FastifyInstance } from 'fastify';
import type { Health } from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { listSchemes } from '../../signatures/registry';

export function registerHealthRoutes(app: FastifyInstance, ctx: EngineContext): void {
  app.get('/api/health', async () => {
    const problem = ctx.storage.current();
    const data: Health = {
      status: problem === null ? 'ok' : 'degraded',
      storage_problem: problem,
      version: ctx.version,
      receiver_url: ctx.receiverUrl,
      ui_url: ctx.uiUrl,
      data_dir: ctx.dataDir,
      log_file: ctx.logFile,
      body_limit_bytes: ctx.bodyLimitBytes,
      receiver_connections: { ...ctx.connections },
    };
    return { data };
  });

  app.get('/api/schemes', async () => ({
    // Each descriptor keeps the original {id, label, headers} and adds what the scheme forms need.
    data: listSchemes().map((scheme) => scheme.descriptor),
  }));
}

import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { EngineContext } from '../context';
import type { Logger } from '../logging/engine-log';
import { errorsOnlyLogController } from '../logging/request-log';
import type { EndpointsService } from '../services/endpoints-service';
import { installAuth } from './auth';
import { ApiError } from './errors';
import { describeValidation } from './validation-errors';
import { registerHealthRoutes } from './routes/health';
import { registerEndpointRoutes } from './routes/endpoints';
import { registerRequestRoutes } from './routes/requests';
import { registerStreamRoute } from './routes/stream';
import { registerSignatureRoutes } from './routes/signatures';
import { registerKeyPairRoute } from './routes/keypair';
import { registerStaticUi } from './routes/static-ui';
import { registerPlatformRoutes } from './routes/platform';
import type { PlatformService } from '../platform/platform-service';
import { registerEventTypeRoutes } from './routes/event-types';
import { registerSchemeRoutes } from './routes/schemes';
import { registerSendRoutes } from './routes/send';
import { registerReplayRoutes } from './routes/replay';
import { registerExportRoutes } from './routes/export';
import { registerRetentionRoutes } from './routes/retention';
import { registerTunnelRoutes } from './routes/tunnels';
import { registerOpenApiRoute, swaggerOptions } from './openapi';
import { assertInContract } from './contract-guard';

/** The control API's Fastify instance: handlers are typed from the contract's schemas (TypeBox type provider). */
export type ControlApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ControlDeps {
  ctx: EngineContext;
  token: string;
  rendererDir: string;
  endpoints: EndpointsService;
  /** The platform simulator (subscriptions, deliveries); its routes are absent without it. */
  platform?: PlatformService;
  /** The port the control API listens on, known after listen(); used by the Host check. */
  port: () => number;
  /** Where the API logs (the engine's log file); nothing is logged without it. */
  log?: Logger;
}

/** Builds the control API (JSON over HTTP + SSE + the UI) without listening. */
export function buildControlApp(deps: ControlDeps): FastifyInstance {
  const app = Fastify({
    ...(deps.log ? { loggerInstance: deps.log as FastifyBaseLogger } : { logger: false }),
    // A line per API call would bury the lifecycle lines at `info`; they come at `debug` (below).
    logController: errorsOnlyLogController(),
    bodyLimit: 64 * 1024 * 1024,
    // Live streams never end on their own; close them with the server.
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  // Only JSON bodies: a cross-site form cannot send application/json without a preflight.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });
  installAuth(app, deps.token, deps.port);
  if (deps.log?.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug({ req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed');
    });
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, ...error.details } });
    }
    if (error.validation) {
      return reply.code(400).send({ error: { code: 'invalid_request', message: describeValidation(error) } });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // A 500 is a bug or a broken store: the file keeps its stack (the answer only its message).
    if (status === 500)
      request.log.error(
        { err: error, req: request },
        `${request.method} ${request.routeOptions.url ?? 'unknown route'} failed: ${error.message}`,
      );
    const code = status === 500 ? 'internal_error' : (error.code ?? 'bad_request').toLowerCase();
    return reply.code(status).send({ error: { code, message: error.message } });
  });

  app.addHook('onRoute', assertInContract);
  // @fastify/swagger learns the routes from its onRoute hook: they are registered after it has loaded.
  app.register(swagger, swaggerOptions(deps.ctx.version));
  app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    registerHealthRoutes(api, deps.ctx);
    registerEndpointRoutes(api, deps.endpoints);
    registerRequestRoutes(api, deps.ctx);
    registerRetentionRoutes(api, deps.ctx);
    registerStreamRoute(api, deps.ctx);
    registerSchemeRoutes(api);
    registerEventTypeRoutes(api);
    registerSendRoutes(api, deps.ctx);
    registerReplayRoutes(api, deps.ctx);
    registerExportRoutes(api, deps.ctx);
    registerSignatureRoutes(api, deps.ctx);
    registerKeyPairRoute(api);
    registerTunnelRoutes(api, deps.ctx.tunnels);
    if (deps.platform) registerPlatformRoutes(api, deps.platform);
    registerStaticUi(api, deps.rendererDir);
    registerOpenApiRoute(api);
  });
  return app;
}

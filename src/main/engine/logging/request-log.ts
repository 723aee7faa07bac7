import { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from './engine-log';

/**
 * Fastify's per-request lines ("incoming request", "request completed", "Route ... not found", at
 * info) left out, its error lines kept: a server's errors reach the log at any level, its traffic
 * only when asked for (the control API logs it at debug).
 */
class ErrorsOnly extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
  }

  override routeNotFound(): void {}
}

export const errorsOnlyLogController = (): LogController => new ErrorsOnly();

/**
 * For an app built without Fastify's logger: a failed request (5xx) is logged, with its stack,
 * then answered by Fastify's default handler exactly as before (an error thrown from the app's own
 * handler goes on to it).
 */
export function logErrors(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((error: FastifyError, request) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) log.error({ err: error, req: request.raw, status }, `${request.method} request failed: ${error.message}`);
    throw error;
  });
}

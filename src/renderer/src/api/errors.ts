import type { TunnelInstallHelp } from '../../../shared/api';

/** The engine answered with an error body (`{error: {code, message}}`) or a non-2xx status. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** How to install a missing tunnel binary (424 `tunnel_unavailable`). */
    readonly install?: TunnelInstallHelp,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The request never got an answer: the engine is down, restarting or the network failed. */
export class EngineUnreachableError extends Error {
  constructor(cause?: unknown) {
    super('Engine unreachable', { cause });
    this.name = 'EngineUnreachableError';
  }
}

/** A message fit for the user, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof EngineUnreachableError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

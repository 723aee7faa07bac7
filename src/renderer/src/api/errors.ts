import type { ApiError, TunnelInstallHelp } from '../../../shared/api';

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

/**
 * The error an answer that is not 2xx stands for: the engine's `{error: {code, message}}` when the
 * body is one, else its status. Reads the body; for fetches whose success is not JSON (bytes, files).
 */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  return apiErrorOf(response, await response.text().catch(() => ''));
}

/** As readApiError, from a body already read. */
export function apiErrorOf(response: Response, text: string): ApiRequestError {
  let error: Partial<ApiError['error']> | undefined;
  try {
    error = (JSON.parse(text) as Partial<ApiError> | null)?.error;
  } catch {
    // not JSON: the status says it
  }
  return new ApiRequestError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? `The engine answered ${response.status} ${response.statusText}`.trim(),
    error?.install,
  );
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

/** The errors a control API call ends in, for every caller (renderer, CLI, tests). */

/** The engine answered with an error body (`{error: {code, message}}`) or a non-2xx status. */
export class ApiRequestError<Extra extends Record<string, unknown> = Record<string, unknown>> extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's other fields (e.g. `install` of a 424 `tunnel_unavailable`). */
    readonly details: Partial<Extra> = {},
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

/** The error an answer that is not 2xx stands for: the engine's error body when it is one, else its status. */
export function apiErrorOf(response: Pick<Response, 'status' | 'statusText'>, text: string): ApiRequestError {
  let error: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: unknown } | null;
    if (parsed && typeof parsed.error === 'object' && parsed.error !== null) error = parsed.error as Record<string, unknown>;
  } catch {
    // not JSON: the status says it
  }
  const { code, message, ...details } = error ?? {};
  return new ApiRequestError(
    response.status,
    typeof code === 'string' ? code : `http_${response.status}`,
    typeof message === 'string' ? message : `The engine answered ${response.status} ${response.statusText}`.trim(),
    details,
  );
}

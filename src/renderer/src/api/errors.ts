import { ApiRequestError, EngineUnreachableError, apiErrorOf } from '../../../shared/contract/errors';

export { ApiRequestError, EngineUnreachableError, apiErrorOf };

/**
 * The error an answer that is not 2xx stands for: the engine's `{error: {code, message}}` when the
 * body is one, else its status. Reads the body; for fetches whose success is not JSON (bytes, files).
 */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  return apiErrorOf(response, await response.text().catch(() => ''));
}

/** A message fit for the user, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof EngineUnreachableError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

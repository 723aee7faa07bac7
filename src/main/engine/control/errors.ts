/** An error the control API turns into `{ error: { code, message } }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** More fields of the error object the client can act on (e.g. `install` for a missing tunnel binary). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string | number): ApiError =>
  new ApiError(404, 'not_found', `No ${what} with id ${JSON.stringify(String(id))}.`);

export const invalid = (message: string): ApiError => new ApiError(400, 'invalid_request', message);

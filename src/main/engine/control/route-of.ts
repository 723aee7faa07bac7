/**
 * Fastify route options from a contract operation: the same schemas validate the request, type
 * the handler (TypeBox type provider), serialize the answer (fast-json-stringify drops what the
 * contract does not name, and fails on a missing required field) and describe it in
 * /api/openapi.json. Register with `app.route({ ...routeOf(op), handler })`.
 */
import type { TSchema } from 'typebox';
import { ErrorBody } from '../../../shared/contract/schema';
import { isRawResponse, type Operation, type RawResponse } from '../../../shared/contract/operation';

type JsonOnly<R> = { [Status in keyof R]: R[Status] extends TSchema ? R[Status] : never };

/** A raw answer as Fastify and @fastify/swagger take it: per media type, a binary string (or the document it holds). */
function rawResponseSchema(response: RawResponse) {
  return {
    description: response.description,
    content: Object.fromEntries(response.raw.map((type) => [type, { schema: response.documents ?? { type: 'string', format: 'binary' } }])),
  };
}

export function routeOf<const Op extends Operation>(op: Op) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = isRawResponse(response) ? rawResponseSchema(response) : response;
  }
  // Errors come from the error handler in every route; their shape is the same everywhere.
  responses['4xx'] = ErrorBody;
  responses['5xx'] = ErrorBody;
  return {
    method: op.method,
    url: op.url,
    schema: {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [...op.tags],
      ...(op.params ? { params: op.params } : {}),
      ...(op.querystring ? { querystring: op.querystring } : {}),
      ...(op.body ? { body: op.body } : {}),
      response: responses as JsonOnly<Op['responses']>,
    },
  } as {
    method: Op['method'];
    url: string;
    schema: {
      params: Op['params'] extends TSchema ? Op['params'] : undefined;
      querystring: Op['querystring'] extends TSchema ? Op['querystring'] : undefined;
      body: Op['body'] extends TSchema ? Op['body'] : undefined;
      response: JsonOnly<Op['responses']>;
    };
  };
}

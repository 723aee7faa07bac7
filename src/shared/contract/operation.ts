/**
 * An operation of the control API, described once: method, path, what it takes and what it
 * answers. The engine registers its route from it (control/route-of.ts), @fastify/swagger
 * describes it in /api/openapi.json, README's route table is generated from that, and the typed
 * client (client.ts) calls it.
 */
import type { Static, TSchema } from './schema';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A success answer whose body is not JSON (bytes, a file, an event stream). */
export interface RawResponse {
  /** The media types it may come as; its schema in the OpenAPI document is a binary string. */
  readonly raw: readonly string[];
  readonly description: string;
  /**
   * What the bytes hold, when they are a document (an export file): for the OpenAPI document only,
   * since the handler sends them already written (nothing serializes them with it).
   */
  readonly documents?: TSchema;
}

export interface Operation {
  readonly method: HttpMethod;
  /** Fastify's path syntax: `/api/requests/:id`. */
  readonly url: string;
  /** Unique, camelCase: the OpenAPI operationId. */
  readonly operationId: string;
  /** One line: the README route table's "does" column. */
  readonly summary: string;
  /** Longer explanation (fields, errors, limits); in the OpenAPI document only. */
  readonly description?: string;
  readonly tags: readonly string[];
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** The success answers by status: a JSON schema, or a RawResponse for bytes. */
  readonly responses: Readonly<Record<number, TSchema | RawResponse>>;
}

/** Keeps an operation's literal types (for the client and the route's handler). */
export function defineOperation<const Op extends Operation>(op: Op): Op {
  return op;
}

type JsonResponses<Op extends Operation> = {
  [Status in keyof Op['responses']]: Op['responses'][Status] extends TSchema ? Static<Op['responses'][Status]> : never;
}[keyof Op['responses']];

/** The parsed body of an operation's JSON success answer(s). */
export type SuccessBody<Op extends Operation> = JsonResponses<Op>;

/** What the `data` of the success answer holds, for operations that answer `{ data }`. */
export type SuccessData<Op extends Operation> = SuccessBody<Op> extends { data: infer D } ? D : never;

type Part<S, Key extends string, Optional extends boolean> = S extends TSchema
  ? Optional extends true
    ? { [K in Key]?: Static<S> }
    : { [K in Key]: Static<S> }
  : unknown;

/** What a call needs: `params` and `body` when the operation has them; `query` always optional. */
export type OperationInput<Op extends Operation> = Part<Op['params'], 'params', false> &
  Part<Op['querystring'], 'query', true> &
  Part<Op['body'], 'body', false>;

export function isRawResponse(response: TSchema | RawResponse): response is RawResponse {
  return Array.isArray((response as RawResponse).raw);
}

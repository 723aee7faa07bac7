/**
 * The building blocks of the control API contract. Every operation's params, query, body and
 * answers are TypeBox schemas: plain JSON Schema objects (what Fastify's Ajv validates against,
 * fast-json-stringify serializes with and @fastify/swagger describes) that also give their
 * TypeScript type (`Static`), so a field is written down once.
 *
 * TypeBox over zod or valibot: its schemas *are* JSON Schema, so nothing is converted between
 * the validator, the serializer and the OpenAPI document, and Fastify's type provider reads them.
 */
import { Type, type Static, type TSchema } from 'typebox';

export { Type };
export type { Static, TSchema };

/**
 * `T` or null. For a schema with a single `type` this is `type: [T, 'null']` (what Ajv reports
 * as "must be integer,null" and fast-json-stringify serializes without trying branches); other
 * schemas become `anyOf`.
 */
export function Nullable<T extends TSchema>(schema: T, options: Record<string, unknown> = {}) {
  const json = schema as unknown as Record<string, unknown>;
  if (typeof json.type === 'string' && json.anyOf === undefined) {
    // An enum must list null too, or the document says null is not allowed after all.
    const nullableEnum = Array.isArray(json.enum) ? { enum: [...(json.enum as unknown[]), null] } : {};
    return Type.Unsafe<Static<T> | null>({ ...json, ...options, ...nullableEnum, type: [json.type, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>({ ...options, anyOf: [schema, { type: 'null' }] });
}

/** One of the given strings, as a JSON Schema `enum` (Ajv names the allowed values when it fails). */
export function StringEnum<const Values extends readonly string[]>(values: Values, options: Record<string, unknown> = {}) {
  return Type.Unsafe<Values[number]>({ type: 'string', enum: [...values], ...options });
}

/** The envelope of every JSON answer: `{ "data": ... }`. */
export function Data<T extends TSchema>(schema: T) {
  return Type.Object({ data: schema });
}

/** Every error answer: `{ "error": { "code", "message", ... } }`; some codes add fields (e.g. `install`). */
export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'A stable, machine-readable code, e.g. `invalid_request`, `not_found`.' }),
        message: Type.String({ description: 'What is wrong and what to do, for a person.' }),
      },
      { additionalProperties: true },
    ),
  },
  { description: 'An error: what is wrong and what to do.' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** A header as received or sent: name and value, in order, case kept. */
export const HeaderPairSchema = Type.Tuple([Type.String(), Type.String()]);
export const HeaderPairsSchema = Type.Array(HeaderPairSchema);

/** Header pairs, or an object of name → value (inputs accept both). */
export const HeadersInput = Type.Union([HeaderPairsSchema, Type.Record(Type.String(), Type.String())]);

/** `:id` of a resource whose id is text (endpoints `ep_…`, subscriptions `wh_…`). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** `:id` of a row with a numeric id (captures, sent requests, deliveries). */
export const NumericIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });

/** Answer of a DELETE of one resource. */
export function Deleted<T extends TSchema>(id: T) {
  return Data(Type.Object({ id, deleted: Type.Literal(true) }));
}

/** `limit` and `before` of a paged list: newest first, `before` an id from `next_before`. */
export const PageQueryFields = {
  limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'At most 1000; default 100.' })),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The `next_before` of the previous page.' })),
};

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

/** The page size a `limit` query asks for, within 1..MAX_PAGE_LIMIT (default DEFAULT_PAGE_LIMIT). */
export function pageLimit(limit: string | undefined, fallback = DEFAULT_PAGE_LIMIT): number {
  return Math.min(Math.max(Number(limit ?? fallback), 1), MAX_PAGE_LIMIT);
}

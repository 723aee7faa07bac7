/**
 * A small checker for the subset of JSON Schema (draft-07) the event catalog uses: `type`
 * (one or several), `required`, `properties`, `additionalProperties`, `items`, `enum`,
 * `minimum`/`maximum`, `minLength`, `pattern` and `format: "date-time"`. The engine checks
 * captures with it; the renderer hands the same schemas to Monaco's own validator, so this
 * file must stay free of Node APIs.
 */

export type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: Array<string | number | boolean | null>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: 'date-time';
  examples?: unknown[];
}

/** One way a value fails its schema; `path` is dotted from the root, e.g. `data.metrics.f1`. */
export interface SchemaIssue {
  path: string;
  message: string;
}

// RFC 3339 date-time, as JSON Schema's `date-time` format means it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): JsonSchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonSchemaType;
}

function matchesType(value: unknown, wanted: JsonSchemaType): boolean {
  const actual = typeOf(value);
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/** Checks `value` against `schema`; returns every issue found (an empty list when it conforms). */
export function checkSchema(value: unknown, schema: JsonSchema, path = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const where = path === '' ? 'the value' : path;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type))) {
      const expected = types.map(article).join(' or ');
      issues.push({ path, message: `${where} must be ${expected}, not ${article(typeOf(value))}.` });
      return issues; // the deeper checks would only repeat the same mistake
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    issues.push({
      path,
      message: `${where} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(value)}.`,
    });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      issues.push({ path, message: `${where} must be at least ${schema.minimum}; got ${value}.` });
    if (schema.maximum !== undefined && value > schema.maximum)
      issues.push({ path, message: `${where} must be at most ${schema.maximum}; got ${value}.` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      issues.push({ path, message: `${where} must have at least ${schema.minLength} character(s).` });
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
      issues.push({ path, message: `${where} must match ${schema.pattern}; got ${JSON.stringify(value)}.` });
    }
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) {
      issues.push({
        path,
        message: `${where} must be an ISO 8601 date-time such as "2023-01-01T00:00:00Z"; got ${JSON.stringify(value)}.`,
      });
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => issues.push(...checkSchema(item, schema.items as JsonSchema, join(path, index))));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in record)) issues.push({ path: join(path, name), message: `${where} is missing the required field "${name}".` });
    }
    for (const [name, child] of Object.entries(record)) {
      const declared = schema.properties?.[name];
      if (declared) issues.push(...checkSchema(child, declared, join(path, name)));
      else if (schema.additionalProperties === false)
        issues.push({ path: join(path, name), message: `${where} has an unknown field "${name}".` });
      else if (typeof schema.additionalProperties === 'object')
        issues.push(...checkSchema(child, schema.additionalProperties, join(path, name)));
    }
  }
  return issues;
}

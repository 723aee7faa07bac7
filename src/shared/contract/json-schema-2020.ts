/**
 * TypeBox and Ajv speak JSON Schema draft-07; OpenAPI 3.1 speaks 2020-12. The one difference our
 * schemas hit is tuples: draft-07's `items: [a, b]` + `additionalItems: false` is 2020-12's
 * `prefixItems: [a, b]` + `items: false`. Returns a converted deep copy.
 */
export function toJsonSchema2020<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema2020(item)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = toJsonSchema2020(value);
  if (Array.isArray(out.items)) {
    out.prefixItems = out.items;
    out.items = out.additionalItems === undefined ? true : out.additionalItems;
    delete out.additionalItems;
  }
  return out as T;
}

/**
 * README's route tables, rendered from the OpenAPI document (GET /api/openapi.json): one table per
 * tag, a row per operation with its summary. `npm run api-table` rewrites README's copy; a test
 * fails while it differs.
 */
import { API_TAGS } from './tags';

interface DocOperation {
  summary?: string;
  tags?: string[];
}

export interface OpenApiLike {
  paths: Record<string, Record<string, DocOperation>>;
}

const BEGIN = '<!-- api-table:begin (generated from GET /api/openapi.json by `npm run api-table`; do not edit) -->';
const END = '<!-- api-table:end -->';

/** A table cell: pipes escaped, so a summary may use them (`ok | degraded`). */
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderRouteTables(doc: OpenApiLike): string {
  const rows = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      tag: op.tags?.[0] ?? '',
      route: `${method.toUpperCase()} ${path.replace(/^\/api/, '').replace(/\{([^}]+)\}/g, ':$1')}`,
      summary: op.summary ?? '',
    })),
  );
  const known = new Set<string>(API_TAGS.map((tag) => tag.name));
  const stray = rows.filter((row) => !known.has(row.tag));
  if (stray.length > 0) throw new Error(`Operations without a known tag: ${stray.map((row) => row.route).join(', ')}`);
  return API_TAGS.map((tag) => {
    const tagRows = rows.filter((row) => row.tag === tag.name);
    if (tagRows.length === 0) return '';
    return [
      `**${tag.description}**`,
      '',
      '| method and path | does |',
      '|---|---|',
      ...tagRows.map((row) => `| \`${cell(row.route)}\` | ${cell(row.summary)} |`),
    ].join('\n');
  })
    .filter((block) => block !== '')
    .join('\n\n');
}

export type ReplaceResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

/** README with its generated block replaced by `tables`. */
export function replaceRouteTables(readme: string, tables: string): ReplaceResult {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) return { ok: false, message: `README.md has no ${BEGIN} … ${END} block.` };
  const text = `${readme.slice(0, begin)}${BEGIN}\n\n${tables}\n\n${readme.slice(end)}`;
  return { ok: true, text, changed: text !== readme };
}

/**
 * README's table of signature schemes, written from the scheme definitions so it cannot drift
 * from them: `npm run scheme-table` (scripts/scheme-table.mjs, over the build of this module)
 * rewrites it, and a unit test fails when README's copy is not what this renders.
 */
import { listSchemes } from './registry';
import type { SignatureScheme } from './types';

export const SCHEME_TABLE_BEGIN =
  '<!-- scheme-table:begin (generated from the scheme definitions by `npm run scheme-table`; do not edit) -->';
export const SCHEME_TABLE_END = '<!-- scheme-table:end -->';
export const SCHEME_TABLE_COMMAND = 'npm run scheme-table';

/** A table cell: pipes escaped (GFM splits on them even inside code spans), no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (text: string) => `\`${text}\``;

const UNITS = { s: 'unix s', ms: 'unix ms', rfc3339: 'RFC 3339' } as const;

/** The provider's name: the label without a parenthesised header name, which has its own column. */
function provider(scheme: SignatureScheme): string {
  const match = /^(.*?)\s*\(([^)]*)\)$/.exec(scheme.label);
  if (!match) return scheme.label;
  const inParens = (match[2] ?? '').toLowerCase();
  const namesHeader = [scheme.descriptor.signature_header, ...scheme.headerNames].some((name) => inParens.includes(name.toLowerCase()));
  return namesHeader ? (match[1] ?? scheme.label) : scheme.label;
}

function algorithm(scheme: SignatureScheme): string {
  const { descriptor } = scheme;
  const name = /^(sha\d*|md5)$/i.test(descriptor.algorithm) ? `HMAC-${descriptor.algorithm.toUpperCase()}` : descriptor.algorithm;
  // A string, so a secret format added later (a key pair's) still reads as words.
  const format: string = descriptor.secret_format;
  const key =
    format === 'text' || format === 'custom'
      ? ''
      : format === 'whsec_base64'
        ? ', `whsec_` base64 key'
        : format === 'base64'
          ? ', base64 key'
          : `, ${format.replace(/_/g, ' ')} key`;
  return `${name}, ${descriptor.encoding}${key}`;
}

function timestamp(scheme: SignatureScheme): string {
  const { descriptor } = scheme;
  if (!descriptor.uses_timestamp || descriptor.timestamp_source === null) return 'none';
  const where =
    descriptor.timestamp_source === 'header' && descriptor.timestamp_header
      ? code(descriptor.timestamp_header)
      : descriptor.timestamp_source === 'signature_header'
        ? 'in the signature header'
        : 'in the body';
  const unit = descriptor.timestamp_unit ? UNITS[descriptor.timestamp_unit] : 'unknown unit';
  const window = descriptor.tolerance_direction === 'past_only' ? 'past only' : 'both ways';
  return `${where} (${unit}, ${window})`;
}

const docs = (url: string) => (/^https:\/\//.test(url) ? `[docs](${url})` : code(url));

/** The Markdown table, one row per scheme in the registry's order (the default first). */
export function renderSchemeTable(schemes: readonly SignatureScheme[] = listSchemes()): string {
  const header = [
    'scheme',
    'provider',
    'category',
    'signature header',
    'algorithm',
    'timestamp',
    'signed content',
    'docs',
    'snippets',
    'handshake',
  ];
  const rows = schemes.map((scheme, index) => [
    `${code(scheme.id)}${index === 0 ? ' (default)' : ''}`,
    provider(scheme),
    scheme.category,
    code(`${scheme.descriptor.signature_header}: ${scheme.descriptor.signature_format}`),
    algorithm(scheme),
    timestamp(scheme),
    code(scheme.descriptor.signed_content),
    docs(scheme.docsUrl),
    scheme.snippet ? 'yes' : 'no',
    scheme.handshake ? scheme.handshake.name : '—',
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/** README with its table replaced, or why it cannot be (the markers are missing or out of order). */
export function replaceSchemeTable(readme: string, table: string): { ok: true; text: string } | { ok: false; message: string } {
  const begin = readme.indexOf(SCHEME_TABLE_BEGIN);
  const end = readme.indexOf(SCHEME_TABLE_END);
  if (begin < 0 || end < begin) {
    return {
      ok: false,
      message: `README.md has no scheme table markers: put ${SCHEME_TABLE_BEGIN} and ${SCHEME_TABLE_END} on their own lines where the table goes, then run \`${SCHEME_TABLE_COMMAND}\`.`,
    };
  }
  return { ok: true, text: `${readme.slice(0, begin + SCHEME_TABLE_BEGIN.length)}\n${table}\n${readme.slice(end)}` };
}

/** The table README.md currently holds between the markers; null without markers. */
export function currentSchemeTable(readme: string): string | null {
  const begin = readme.indexOf(SCHEME_TABLE_BEGIN);
  const end = readme.indexOf(SCHEME_TABLE_END);
  return begin < 0 || end < begin ? null : readme.slice(begin + SCHEME_TABLE_BEGIN.length, end).trim();
}

/** Where `hookscope verify --help` lists the scheme ids: from this line to the `Exit codes` line. */
export const USAGE_SCHEMES_HEADING = 'Schemes (--scheme S):';

/** The ids, comma-separated and wrapped for an 100-column terminal, two spaces in. */
export function renderSchemeIdList(schemes: readonly SignatureScheme[] = listSchemes()): string {
  const lines: string[] = [];
  let line = '';
  for (const [index, scheme] of schemes.entries()) {
    const word = index < schemes.length - 1 ? `${scheme.id},` : `${scheme.id}, or custom`;
    if (line !== '' && line.length + 1 + word.length > 98) {
      lines.push(`  ${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`  ${line}`);
  return lines.join('\n');
}

/**
 * The verify usage text (printed by the launcher before any build, so it cannot ask the
 * registry) with its scheme list replaced by `list`.
 */
export function replaceUsageSchemes(usage: string, list: string): { ok: true; text: string } | { ok: false; message: string } {
  const start = usage.indexOf(`${USAGE_SCHEMES_HEADING}\n`);
  const end = usage.indexOf('\nExit codes', start);
  if (start < 0 || end < 0)
    return {
      ok: false,
      message: `the verify usage text has no "${USAGE_SCHEMES_HEADING}" block before its "Exit codes" line; put it back and run \`${SCHEME_TABLE_COMMAND}\`.`,
    };
  return { ok: true, text: `${usage.slice(0, start + USAGE_SCHEMES_HEADING.length + 1)}${list}${usage.slice(end)}` };
}

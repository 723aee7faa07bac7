/**
 * Signed content as a template of parts: most schemes sign a few header values and the raw body
 * joined by separators. Keeping the template (instead of a closure only) lets the diagnosis try
 * the near-misses senders actually make: body only, a separator dropped, parts swapped.
 */

export type ContentVariable = 'id' | 'timestamp' | 'body' | 'url' | 'method';
export type ContentPart = { kind: 'literal'; text: string } | { kind: ContentVariable };

/** The values a template is filled with; `timestamp` is the header text exactly as received. */
export interface ContentFields {
  id: string | null;
  timestamp: string | null;
  url: string | null;
  body: Buffer;
  /** The request method as received (HubSpot v3 signs it); absent where no template uses it. */
  method?: string | null;
}

const PLACEHOLDER = /\{(id|timestamp|body|url|method)\}/g;

/** Parses `{timestamp}.{body}`-style text; unknown `{names}` stay literal (validated elsewhere). */
export function parseTemplate(text: string): ContentPart[] {
  const parts: ContentPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'literal', text: text.slice(last, index) });
    parts.push({ kind: match[1] as ContentVariable });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'literal', text: text.slice(last) });
  return parts;
}

export function renderTemplate(parts: readonly ContentPart[]): string {
  return parts.map((part) => (part.kind === 'literal' ? part.text : `{${part.kind}}`)).join('');
}

export function templateUses(parts: readonly ContentPart[], variable: ContentVariable): boolean {
  return parts.some((part) => part.kind === variable);
}

/** Joins the parts over the raw body bytes; text parts are UTF-8, the body is never decoded. */
export function buildContent(parts: readonly ContentPart[], fields: ContentFields): Buffer {
  const chunks = parts.map((part) => {
    switch (part.kind) {
      case 'literal':
        return Buffer.from(part.text, 'utf8');
      case 'body':
        return fields.body;
      default:
        return Buffer.from(fields[part.kind] ?? '', 'utf8');
    }
  });
  return Buffer.concat(chunks);
}

export const literal = (text: string): ContentPart => ({ kind: 'literal', text });
export const ID: ContentPart = { kind: 'id' };
export const TIMESTAMP: ContentPart = { kind: 'timestamp' };
export const BODY: ContentPart = { kind: 'body' };
export const URL_PART: ContentPart = { kind: 'url' };
export const METHOD: ContentPart = { kind: 'method' };

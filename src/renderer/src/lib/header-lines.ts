/** Extra headers typed as `Name: value` lines, in order; blank lines and `#` comments are skipped. */
import type { HeaderPairs, MutableHeaderPair } from '../../../shared/http-headers';
export interface ParsedHeaderLines {
  headers: MutableHeaderPair[];
  errors: string[];
}

// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseHeaderLines(text: string): ParsedHeaderLines {
  const headers: MutableHeaderPair[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line.trim() : line.slice(0, colon).trim();
    if (colon === -1) {
      errors.push(`Line ${index + 1}: write headers as “Name: value”.`);
    } else if (!HEADER_NAME.test(name)) {
      errors.push(`Line ${index + 1}: “${name}” is not a valid header name.`);
    } else {
      // One optional space after the colon is the convention; anything else is part of the value.
      headers.push([
        name,
        line
          .slice(colon + 1)
          .replace(/^[ \t]+/, '')
          .replace(/[ \t]+$/, ''),
      ]);
    }
  });
  return { headers, errors };
}

export function formatHeaderLines(headers: HeaderPairs): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** True when the pairs contain `name` (case-insensitive). */
export function hasHeader(headers: HeaderPairs, name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([candidate]) => candidate.toLowerCase() === wanted);
}

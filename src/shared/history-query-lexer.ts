/** Splits a history query into words, parentheses, OR and "-", reading quotes and their escapes. */
import { QuerySyntaxError, quote } from './history-query-tree';

/** Bare text and "quoted" parts of one whitespace-separated word, unquoted. */
export interface Segment {
  text: string;
  quoted: boolean;
}

export type Token =
  { type: '(' | ')' | 'OR' | '-'; start: number; end: number } | { type: 'word'; start: number; end: number; segments: Segment[] };

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/u.test(char);

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (isSpace(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char, start: i, end: ++i });
    } else if (char === '-') {
      const next = input[i + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        throw new QuerySyntaxError('"-" must stand directly before a term or a parenthesised group, as in -verdict:valid', '-');
      }
      tokens.push({ type: '-', start: i, end: ++i });
    } else {
      // A word runs to whitespace or a parenthesis, except inside quotes, which may hold both.
      const start = i;
      const segments: Segment[] = [];
      let bare = '';
      while (i < input.length && !isSpace(input[i]) && input[i] !== '(' && input[i] !== ')') {
        if (input[i] !== '"') {
          bare += input[i++];
          continue;
        }
        if (bare) segments.push({ text: bare, quoted: false });
        bare = '';
        let text = '';
        for (i++; input[i] !== '"'; i++) {
          if (i >= input.length) {
            throw new QuerySyntaxError(`missing closing quote in ${quote(input.slice(start).trimEnd())}`, input.slice(start).trimEnd());
          }
          if (input[i] === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) i++;
          text += input[i];
        }
        i++;
        segments.push({ text, quoted: true });
      }
      if (bare) segments.push({ text: bare, quoted: false });
      const onlyOr = segments.length === 1 && !segments[0]!.quoted && segments[0]!.text === 'OR';
      tokens.push(onlyOr ? { type: 'OR', start, end: i } : { type: 'word', start, end: i, segments });
    }
  }
  return tokens;
}

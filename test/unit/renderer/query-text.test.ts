import { describe, expect, it } from 'vitest';
import { hasTerm, qualifierTerm, quoteValue, replaceSpan, toggleTerm, wordAt, wordSpans } from '../../../src/renderer/src/lib/query-text';
import { parseHistoryQuery } from '../../../src/shared/history-query';

describe('wordSpans and wordAt', () => {
  it('splits on whitespace outside quotes', () => {
    const text = 'a  event:"x y" -b';
    expect(wordSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['a', 'event:"x y"', '-b']);
  });

  it('keeps an escaped quote inside a quoted part', () => {
    const text = 'k:"a \\" b" c';
    expect(wordSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['k:"a \\" b"', 'c']);
  });

  it('finds the word at or right before the caret, an empty span between words', () => {
    expect(wordAt('foo verd', 8)).toEqual({ start: 4, end: 8 });
    expect(wordAt('foo verd', 5)).toEqual({ start: 4, end: 8 });
    expect(wordAt('foo  bar', 4)).toEqual({ start: 4, end: 4 });
  });
});

describe('quoteValue', () => {
  it('leaves plain values bare and quotes the rest the way the parser reads them back', () => {
    expect(quoteValue('model.completed')).toBe('model.completed');
    expect(quoteValue('Stripe prod')).toBe('"Stripe prod"');
    expect(quoteValue('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
    for (const value of ['Stripe prod', 'say "hi" \\', 'a(b)']) {
      const node = parseHistoryQuery(qualifierTerm('endpoint', value), 0);
      expect(node).toMatchObject({ kind: 'term', term: { kind: 'endpoint', value } });
    }
  });
});

describe('toggleTerm and hasTerm', () => {
  it('appends a missing term and removes a present one, case-insensitively', () => {
    expect(toggleTerm('', 'verdict:invalid')).toBe('verdict:invalid');
    expect(toggleTerm('needle', 'verdict:invalid')).toBe('needle verdict:invalid');
    expect(toggleTerm('needle Verdict:INVALID is:pinned', 'verdict:invalid')).toBe('needle is:pinned');
    expect(hasTerm('a is:pinned', 'is:pinned')).toBe(true);
    expect(hasTerm('a -is:pinned', 'is:pinned')).toBe(false);
  });

  it('treats a quoted value as one word', () => {
    expect(toggleTerm('event:"a b" x', 'event:"a b"')).toBe('x');
  });
});

describe('replaceSpan', () => {
  it('puts a value in place of the word and a space after it, the caret after that', () => {
    expect(replaceSpan('foo verdict:in', { start: 4, end: 14 }, 'verdict:invalid')).toEqual({ text: 'foo verdict:invalid ', caret: 20 });
  });

  it('leaves no space after a key, so the value can follow', () => {
    expect(replaceSpan('ver', { start: 0, end: 3 }, 'verdict:')).toEqual({ text: 'verdict:', caret: 8 });
  });

  it('does not double a space that is already there', () => {
    expect(replaceSpan('is:pi foo', { start: 0, end: 5 }, 'is:pinned')).toEqual({ text: 'is:pinned foo', caret: 9 });
  });
});

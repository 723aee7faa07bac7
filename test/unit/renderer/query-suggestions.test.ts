import { describe, expect, it } from 'vitest';
import { knownQueryValues, MAX_SUGGESTIONS, suggestQuery } from '../../../src/renderer/src/lib/query-suggestions';
import { HISTORY_QUALIFIERS } from '../../../src/shared/history-qualifiers';

const known = knownQueryValues({
  endpoints: [
    { id: 'ep_default', name: 'Catch-all' },
    { id: 'ep_stripe', name: 'Stripe prod' },
    { id: 'ep_a', name: 'Twin' },
    { id: 'ep_b', name: 'twin' },
  ],
  eventTypes: ['model.completed', 'model.created', 'project.created', 'model.completed'],
  schemes: [{ id: 'github', label: 'GitHub' }],
});

function suggest(text: string, caret = text.length) {
  return suggestQuery(text, caret, HISTORY_QUALIFIERS, known);
}

describe('suggestQuery', () => {
  it('suggests qualifier keys for a key prefix, keeping a leading "-"', () => {
    const list = suggest('needle -ver');
    expect(list?.items.map((item) => item.insert)).toEqual(['verdict:']);
    expect(list?.span).toEqual({ start: 8, end: 11 });
    expect(list?.hint).toBeNull();
    expect(suggest('s')?.items.map((item) => item.insert)).toEqual(
      HISTORY_QUALIFIERS.filter((q) => q.key.startsWith('s')).map((q) => `${q.key}:`),
    );
  });

  it('suggests nothing for free text that is no key prefix, or an empty word', () => {
    expect(suggest('needle')).toBeNull();
    expect(suggest('foo ')).toBeNull();
    expect(suggest('12:30')).toBeNull();
  });

  it("offers the parser's fixed values after key:, filtered by what is typed", () => {
    expect(suggest('verdict:')?.items.map((item) => item.insert)).toEqual(['verdict:valid', 'verdict:invalid', 'verdict:unverifiable']);
    expect(suggest('verdict:in')?.items.map((item) => item.insert)).toEqual(['verdict:invalid']);
    expect(suggest('reason:timestamp_ex')?.items.map((item) => item.label)).toEqual(['timestamp_expired']);
    expect(suggest('verdict:')?.hint).toContain('verdict:valid|invalid|unverifiable');
  });

  it('offers endpoints by name (quoted when needed), by id when names collide, matching either', () => {
    expect(suggest('endpoint:str')?.items).toEqual([{ insert: 'endpoint:"Stripe prod"', label: 'Stripe prod', detail: 'ep_stripe' }]);
    expect(suggest('endpoint:ep_st')?.items.map((item) => item.insert)).toEqual(['endpoint:"Stripe prod"']);
    expect(suggest('endpoint:twin')?.items.map((item) => item.insert)).toEqual(['endpoint:ep_a', 'endpoint:ep_b']);
  });

  it('offers event types once each, prefix matches before others, and schemes', () => {
    expect(suggest('event:model')?.items.map((item) => item.label)).toEqual(['model.completed', 'model.created']);
    expect(suggest('event:created')?.items.map((item) => item.label)).toEqual(['model.created', 'project.created']);
    expect(suggest('scheme:g')?.items.map((item) => item.insert)).toEqual(['scheme:github']);
  });

  it('completes the word under the caret, not the last one', () => {
    const list = suggest('verdict:in foo', 10);
    expect(list?.items.map((item) => item.insert)).toEqual(['verdict:invalid']);
    expect(list?.span).toEqual({ start: 0, end: 10 });
  });

  it('lists nothing for a value typed out in full, but keeps the hint; none for unknown keys', () => {
    const list = suggest('verdict:invalid');
    expect(list?.items).toEqual([]);
    expect(list?.hint).not.toBeNull();
    expect(suggest('nokey:x')).toBeNull();
  });

  it('caps the list', () => {
    expect(suggest('reason:')?.items).toHaveLength(MAX_SUGGESTIONS);
  });
});

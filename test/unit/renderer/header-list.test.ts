import { describe, expect, it } from 'vitest';
import { applyHeaders, findHeader, setHeaderValue, toHeaderPairs, toHeaderRows } from '../../../src/renderer/src/lib/header-list';

function ids() {
  let next = 1;
  return () => next++;
}

describe('header list', () => {
  it('finds headers case-insensitively, first match wins', () => {
    const rows = toHeaderRows(
      [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
      ids(),
    );
    expect(findHeader(rows, 'x-A')?.value).toBe('1');
    expect(findHeader(rows, 'missing')).toBeUndefined();
  });

  it('sets a value in place, keeping the spelling, or appends', () => {
    const newId = ids();
    const rows = toHeaderRows(
      [
        ['Content-Type', 'json'],
        ['X-DcisionAI-Signature', 'old'],
      ],
      newId,
    );
    const updated = setHeaderValue(rows, 'x-dcisionai-signature', 'new', newId);
    expect(toHeaderPairs(updated)).toEqual([
      ['Content-Type', 'json'],
      ['X-DcisionAI-Signature', 'new'],
    ]);
    const appended = setHeaderValue(updated, 'X-DcisionAI-Timestamp', '1', newId);
    expect(toHeaderPairs(appended).at(-1)).toEqual(['X-DcisionAI-Timestamp', '1']);
    expect(new Set(appended.map((row) => row.id)).size).toBe(3);
  });

  it('applies signed headers and skips unnamed rows', () => {
    const newId = ids();
    const rows = [...toHeaderRows([['Stripe-Signature', 't=1,v1=a']], newId), { id: newId(), name: '  ', value: 'x' }];
    const applied = applyHeaders(rows, { 'Stripe-Signature': 't=2,v1=b' }, newId);
    expect(toHeaderPairs(applied)).toEqual([['Stripe-Signature', 't=2,v1=b']]);
  });
});

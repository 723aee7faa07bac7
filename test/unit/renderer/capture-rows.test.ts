import { describe, expect, it } from 'vitest';
import type { RequestSummary } from '../../../src/shared/api';
import { summary } from '../../helpers/summary';
import { countNew, mergeHead, mergeRows, removeRows, replaceRows } from '../../../src/renderer/src/lib/capture-rows';

const row = summary;

const ids = (rows: RequestSummary[]) => rows.map((r) => r.id);

describe('mergeRows', () => {
  it('puts newer rows on top and replaces rows with the same id', () => {
    expect(ids(mergeRows([row(5), row(3)], [row(7), row(6)]))).toEqual([7, 6, 5, 3]);
    const merged = mergeRows([row(5), row(3)], [row(3, { pinned: true }), row(4)]);
    expect(ids(merged)).toEqual([5, 4, 3]);
    expect(merged[2]!.pinned).toBe(true);
  });
});

describe('replaceRows', () => {
  it('updates held rows and ignores the others', () => {
    const existing = [row(5), row(3)];
    const updated = replaceRows(existing, [row(3, { pinned: true }), row(9)]);
    expect(ids(updated)).toEqual([5, 3]);
    expect(updated[1]!.pinned).toBe(true);
    expect(replaceRows(existing, [row(9)])).toBe(existing);
  });
});

describe('mergeHead', () => {
  const existing = [row(10), row(9), row(8), row(7), row(6), row(5)];

  it('takes the page as the truth within its range and keeps older loaded rows and their cursor', () => {
    // 9 left the query; 11 is new; rows older than the page's oldest (8) stay.
    const head = mergeHead(existing, 5, { data: [row(11), row(10), row(8)], next_before: 8 }, { newer: false, older: true });
    expect(ids(head.rows)).toEqual([11, 10, 8, 7, 6, 5]);
    expect(head.nextBefore).toBe(5);
    expect(head.newer).toBe(0);
  });

  it('uses the page cursor when nothing older was loaded, and ends the list when the page is all there is', () => {
    expect(mergeHead([row(6)], 6, { data: [row(6), row(5)], next_before: 5 }, { newer: false, older: true }).nextBefore).toBe(5);
    const all = mergeHead(existing, 5, { data: [row(10)], next_before: null }, { newer: false, older: true });
    expect(ids(all.rows)).toEqual([10]);
    expect(all.nextBefore).toBeNull();
  });

  it('keeps rows newer than the page only when asked, and counts them', () => {
    const withNewer = mergeHead([row(12), row(11), row(10)], null, { data: [row(10)], next_before: null }, { newer: true, older: true });
    expect(ids(withNewer.rows)).toEqual([12, 11, 10]);
    expect(withNewer.newer).toBe(2);
    const without = mergeHead([row(12), row(10)], null, { data: [row(10)], next_before: null }, { newer: false, older: true });
    expect(ids(without.rows)).toEqual([10]);
  });

  it('drops older rows when told not to keep them', () => {
    const head = mergeHead(existing, 5, { data: [row(10), row(9)], next_before: 9 }, { newer: false, older: false });
    expect(ids(head.rows)).toEqual([10, 9]);
    expect(head.nextBefore).toBe(9);
  });
});

describe('removeRows', () => {
  it('counts held rows, and ids beyond the loaded rows while more can be loaded', () => {
    const result = removeRows([row(10), row(9), row(8)], 8, [9, 3, 2]);
    expect(ids(result.rows)).toEqual([10, 8]);
    expect(result.removed).toBe(3);
  });

  it('does not count an id in the loaded range that is gone already (a delete reported twice)', () => {
    const first = removeRows([row(10), row(9), row(8)], null, [9]);
    expect(first.removed).toBe(1);
    const second = removeRows(first.rows, null, [9]);
    expect(second.removed).toBe(0);
    expect(second.rows).toBe(first.rows);
    expect(removeRows([row(10), row(8)], 8, [9]).removed).toBe(0);
  });

  it('counts the bottom row once when its delete is reported twice (API answer, then live echo)', () => {
    const first = removeRows([row(10), row(9)], 9, [9]);
    expect(first.removed).toBe(1);
    expect(removeRows(first.rows, 9, [9]).removed).toBe(0);
    expect(removeRows(first.rows, 9, [3]).removed).toBe(1); // never loaded: still counts
  });

  it('counts nothing beyond the list when everything is loaded', () => {
    expect(removeRows([row(10)], null, [3]).removed).toBe(0);
  });
});

describe('countNew', () => {
  it('counts distinct ids not counted before, in whatever order they come', () => {
    expect(countNew([row(11), row(12), row(12), row(9)], new Set([10, 11]))).toBe(2);
    expect(countNew([row(10)], new Set([10]))).toBe(0);
  });
});

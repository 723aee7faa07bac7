import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createStoreState, type StoreState } from '../../../../src/renderer/src/store';
import { refLabel, sameRef } from '../../../../src/renderer/src/store/diff-slice';

// The diff dialog's state (diff-slice) holds references only; the diff itself is fetched by the
// dialog (covered by test/unit/renderer/diff-document.test.ts and the e2e diff spec). No engine.

describe('compare', () => {
  it('marks a base, opens a pair and closes it, keeping the base for the next comparison', () => {
    const store = create<StoreState>()(createStoreState);
    expect(store.getState()).toMatchObject({ diffBase: null, diffPair: null });
    store.getState().markForDiff({ kind: 'capture', id: 3 });
    store.getState().openDiff({ kind: 'capture', id: 3 }, { kind: 'sent', id: 7 });
    expect(store.getState().diffPair).toEqual([
      { kind: 'capture', id: 3 },
      { kind: 'sent', id: 7 },
    ]);
    store.getState().closeDiff();
    expect(store.getState()).toMatchObject({ diffPair: null, diffBase: { kind: 'capture', id: 3 } });
    store.getState().markForDiff(null);
    expect(store.getState().diffBase).toBeNull();
  });

  it('tells references apart by kind and id', () => {
    expect(sameRef({ kind: 'capture', id: 1 }, { kind: 'capture', id: 1 })).toBe(true);
    expect(sameRef({ kind: 'capture', id: 1 }, { kind: 'sent', id: 1 })).toBe(false);
    expect(sameRef(null, null)).toBe(false);
    expect(refLabel({ kind: 'sent', id: 4 })).toBe('sent #4');
  });
});

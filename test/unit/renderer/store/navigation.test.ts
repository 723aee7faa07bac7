import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createStoreState, type StoreState } from '../../../../src/renderer/src/store';

// Navigation (navigation-slice) is plain state with no server side: the app's store, no engine.
// Pages opened by other slices (the Lab from a capture) are tested with those slices.

describe('navigation', () => {
  it('starts on the inspector and shows the page asked for', () => {
    const store = create<StoreState>()(createStoreState);
    expect(store.getState().page).toBe('inspector');
    for (const page of ['endpoints', 'signature-lab', 'compose', 'subscriptions', 'inspector'] as const) {
      store.getState().showPage(page);
      expect(store.getState().page).toBe(page);
    }
  });
});

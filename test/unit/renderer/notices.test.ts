import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from '../../../src/renderer/src/store/connection-slice';
import type { StoreState } from '../../../src/renderer/src/store/types';

/** The connection slice alone: notices need nothing else from the store. */
function makeStore() {
  return create<ConnectionSlice>()((set, get, api) => createConnectionSlice(set as never, get as () => StoreState, api as never));
}

describe('notices', () => {
  it('keeps at most four plain notices, dropping the oldest', () => {
    const store = makeStore();
    for (let i = 1; i <= 6; i += 1) store.getState().notify('info', `message ${i}`);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['message 3', 'message 4', 'message 5', 'message 6']);
  });

  it('never drops a notice with an action (Undo) to make room: its owner dismisses it', () => {
    const store = makeStore();
    const undo = store.getState().notify('info', 'Capture #1 deleted', { label: 'Undo', run: () => {} });
    for (let i = 1; i <= 6; i += 1) store.getState().notify('info', `message ${i}`);
    const notices = store.getState().notices;
    expect(notices.map((notice) => notice.message)).toEqual(['Capture #1 deleted', 'message 3', 'message 4', 'message 5', 'message 6']);
    store.getState().dismissNotice(undo);
    expect(store.getState().notices.some((notice) => notice.id === undo)).toBe(false);
  });
});

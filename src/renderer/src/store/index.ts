import { create, type StateCreator } from 'zustand';
import { createCapturesSlice } from './captures-slice';
import { createSearchSlice } from './search-slice';
import { createHistorySlice } from './history-slice';
import { createConnectionSlice } from './connection-slice';
import { createEndpointsSlice } from './endpoints-slice';
import { createNavigationSlice } from './navigation-slice';
import { createSubscriptionsSlice } from './subscriptions-slice';
import { createSelectionSlice } from './selection-slice';
import { createLabSlice } from './lab-slice';
import { createComposeSlice } from './compose-slice';
import { createDiffSlice } from './diff-slice';
import { createTunnelsSlice } from './tunnels-slice';
import { createSchemesSlice } from './schemes-slice';
import type { StoreState } from './types';

/** Every slice composed into one state: the app's store below, and a fresh store per test (test/helpers/renderer-store.ts). */
export const createStoreState: StateCreator<StoreState> = (...args) => ({
  ...createCapturesSlice(...args),
  ...createSearchSlice(...args),
  ...createHistorySlice(...args),
  ...createSelectionSlice(...args),
  ...createEndpointsSlice(...args),
  ...createConnectionSlice(...args),
  ...createNavigationSlice(...args),
  ...createLabSlice(...args),
  ...createSubscriptionsSlice(...args),
  ...createComposeSlice(...args),
  ...createDiffSlice(...args),
  ...createTunnelsSlice(...args),
  ...createSchemesSlice(...args),
});

/**
 * The single app store. Components subscribe to single fields (`useStore((s) => s.captures)`);
 * code outside React (the live-event bridge) calls `useStore.getState().someAction()`.
 */
export const useStore = create<StoreState>()(createStoreState);

export type { StoreState } from './types';

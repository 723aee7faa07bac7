import type { SliceCreator } from './types';

/** Every page of the app. Pages not built yet are listed so navigation keeps their place. */
export type PageId = 'inspector' | 'endpoints' | 'signature-lab' | 'compose' | 'subscriptions';

export interface NavigationSlice {
  page: PageId;
  showPage: (page: PageId) => void;
}

// Routing is plain store state: the app has a handful of pages, no deep links, and the
// Electron window must never navigate away from its origin anyway.
export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
  page: 'inspector',
  showPage: (page) => set({ page }),
});

import type { StateCreator } from 'zustand';
import type { CapturesSlice } from './captures-slice';
import type { SelectionSlice } from './selection-slice';
import type { EndpointsSlice } from './endpoints-slice';
import type { ConnectionSlice } from './connection-slice';
import type { NavigationSlice } from './navigation-slice';
import type { LabSlice } from './lab-slice';
import type { ComposeSlice } from './compose-slice';
import type { DiffSlice } from './diff-slice';
import type { SubscriptionsSlice } from './subscriptions-slice';
import type { SearchSlice } from './search-slice';
import type { HistorySlice } from './history-slice';
import type { TunnelsSlice } from './tunnels-slice';
import type { SchemesSlice } from './schemes-slice';

/** The whole store: one object composed from independent, typed slices. */
export type StoreState = CapturesSlice &
  SearchSlice &
  HistorySlice &
  SelectionSlice &
  EndpointsSlice &
  ConnectionSlice &
  NavigationSlice &
  LabSlice &
  SubscriptionsSlice &
  ComposeSlice &
  DiffSlice &
  TunnelsSlice &
  SchemesSlice;

/** A slice creator that can read and call the rest of the store. */
export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>;

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

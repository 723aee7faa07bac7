import type { SliceCreator } from './types';

/** A capture or a sent request, as one side of a comparison. */
export interface DiffRef {
  kind: 'capture' | 'sent';
  id: number;
}

export interface DiffSlice {
  /** Marked with "Compare": the next "Compare with" diffs against it. */
  diffBase: DiffRef | null;
  /** The pair the diff dialog shows; null when it is closed. */
  diffPair: [DiffRef, DiffRef] | null;
  markForDiff: (ref: DiffRef | null) => void;
  openDiff: (left: DiffRef, right: DiffRef) => void;
  closeDiff: () => void;
}

export function sameRef(a: DiffRef | null, b: DiffRef | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}

export function refLabel(ref: DiffRef): string {
  return `${ref.kind === 'capture' ? 'capture' : 'sent'} #${ref.id}`;
}

export const createDiffSlice: SliceCreator<DiffSlice> = (set) => ({
  diffBase: null,
  diffPair: null,
  markForDiff: (diffBase) => set({ diffBase }),
  openDiff: (left, right) => set({ diffPair: [left, right] }),
  closeDiff: () => set({ diffPair: null }),
});

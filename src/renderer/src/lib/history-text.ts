/** The texts that count the capture history: the toolbar's counter, Clear all's question and answer. */

const NUMBER = new Intl.NumberFormat('en-US');

/** 110000 -> "110,000"; one locale for every user so the counter reads the same in screenshots and tests. */
export function formatCount(count: number): string {
  return NUMBER.format(count);
}

function captures(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'capture' : 'captures'}`;
}

/** "110,000 captures", or with a query "1,234 of 110,000". */
export function captureCountText(total: number, matching: number, filtered: boolean): string {
  return filtered ? `${formatCount(matching)} of ${formatCount(total)}` : captures(total);
}

function pinnedKept(count: number): string {
  return `${formatCount(count)} pinned ${count === 1 ? 'capture is' : 'captures are'} kept`;
}

/** The confirmation of Clear all; `pinned` is null when it could not be counted. */
export function clearConfirmText(pinned: number | null): string {
  const kept = pinned === null ? 'Pinned captures are kept' : pinnedKept(pinned);
  return `Delete every unpinned capture? ${kept}. This cannot be undone.`;
}

/** The notice after Clear all. */
export function clearedText(deleted: number, keptPinned: number): string {
  return `Deleted ${captures(deleted)}; ${pinnedKept(keptPinned)}.`;
}

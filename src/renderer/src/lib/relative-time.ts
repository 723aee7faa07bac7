/**
 * How long ago something happened, in the coarsest unit that still says something: "just now",
 * "42 s ago", "3 min ago", "5 h ago", "2 d ago". A time in the future (clock skew between the
 * engine and this window) reads "just now" rather than a negative age.
 */
export function formatAge(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** How often an age of this size changes its text, so a clock re-renders no more than needed. */
export function ageRefreshMs(iso: string, now: number = Date.now()): number {
  const seconds = (now - new Date(iso).getTime()) / 1000;
  return seconds < 60 ? 1_000 : seconds < 3_600 ? 15_000 : 60_000;
}

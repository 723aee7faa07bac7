/**
 * Runs background work (indexing, pruning) when captures have stopped arriving for `quietMs`, so a
 * burst of webhooks gets the whole CPU; under a flood that does not stop, it still runs, one step
 * at most every `maxDeferMs`. `step` returns true while more work is waiting: when quiet, the next
 * step follows at once (after a turn of the event loop).
 */
export class QuietTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastArrival = 0;
  private waitingSince: number | null = null;
  private closed = false;

  constructor(
    /** What the work is, for the log when it fails. */
    private readonly name: string,
    private readonly step: () => boolean,
    private readonly quietMs: number,
    private readonly maxDeferMs: number,
  ) {}

  /** Something arrived: there is work to do, once it is quiet. */
  poke(): void {
    const now = Date.now();
    this.lastArrival = now;
    this.waitingSince ??= now;
    this.arm(this.quietMs);
  }

  private arm(delayMs: number): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    this.timer = null;
    const now = Date.now();
    const busy = now - this.lastArrival < this.quietMs;
    if (busy && now - (this.waitingSince ?? now) < this.maxDeferMs) {
      this.arm(this.quietMs - (now - this.lastArrival));
      return;
    }
    this.waitingSince = null;
    let more: boolean;
    try {
      more = this.step();
    } catch (error) {
      // Background work that fails (a full disk...) is reported and tried again at the next
      // arrival; it must never take the receiver down.
      console.error(`Hookscope: ${this.name} failed:`, error instanceof Error ? error.message : error);
      return;
    }
    if (!more) return;
    this.waitingSince = now;
    this.arm(busy ? this.quietMs : 0);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

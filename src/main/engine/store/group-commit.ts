/**
 * Group commit: everything enqueued during one event-loop turn is written in a single
 * transaction, flushed from setImmediate (after the turn's I/O callbacks), never from a timer,
 * which would add its whole delay to every request. Each caller's promise settles only after
 * the transaction holding its item has committed, so a 2xx is sent only for durable captures.
 */
export class GroupCommitter<T, R> {
  private pending: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  private scheduled = false;

  constructor(
    private readonly writeBatch: (items: T[]) => R[],
    private readonly afterCommit: (items: T[], results: R[]) => void = () => {},
  ) {}

  enqueue(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes whatever is pending now; also called on shutdown so nothing queued is lost. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const items = batch.map((entry) => entry.item);
    let results: R[];
    try {
      results = this.writeBatch(items);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    batch.forEach((entry, index) => entry.resolve(results[index] as R));
    this.afterCommit(items, results);
  }
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RETENTION, type HistoryUsage, type RetentionSettings, type RetentionState } from '../../../shared/api';
import type { EngineContext } from '../context';
import { FLAG } from '../store/capture-row';
import { DATABASE_FILE } from '../store/database';
import { deleteCaptures } from './delete';
import { QuietTimer } from './quiet-timer';

/** Captures deleted per transaction; a turn of the event loop separates two batches. */
const BATCH = 100;
/** Limits are checked once captures stop arriving for this long... */
const QUIET_MS = 500;
/** ...and at least this often while they keep arriving: a crossed limit holds within seconds. */
const MAX_DEFER_MS = 2000;
/**
 * Free pages go back to the file system only when they are many (a quarter of the file, and at
 * least this many): pages freed by the steady pruning of a full history are reused by the next
 * captures, and moving them out of the file would only cost time.
 */
const VACUUM_MIN_PAGES = 256;
/** The newest unpinned captures max_disk_mb never deletes. */
export const DISK_LIMIT_KEEPS = 10;
/** The age limit is also checked this often, when nothing arrives. */
const AGE_CHECK_INTERVAL_MS = 60_000;
const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Keeps the history within the user's limits: the oldest unpinned captures are deleted, in small
 * batches off the receiver's hot path, within seconds of a limit being crossed, and the freed pages
 * go back to the file system (the database is in incremental auto-vacuum mode).
 */
export class Retention {
  private readonly selectSettings;
  private readonly saveSettings;
  private readonly countPinned;
  private readonly selectOldest;
  private readonly selectOldestAt;
  private readonly timer = new QuietTimer(
    'checking the retention limits',
    () => {
      void this.prune();
      return false;
    },
    QUIET_MS,
    MAX_DEFER_MS,
  );
  private readonly ageTimer: ReturnType<typeof setInterval>;
  private running: Promise<number> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly ctx: Pick<EngineContext, 'db' | 'requests' | 'indexer' | 'live' | 'dataDir' | 'log'>) {
    const db = ctx.db;
    this.selectSettings = db.prepare('SELECT retention_json FROM history_state WHERE id = 1').pluck();
    this.saveSettings = db.prepare('UPDATE history_state SET retention_json = ? WHERE id = 1');
    this.countPinned = db.prepare(`SELECT count(*) FROM captures WHERE flags & ${FLAG.pinned}`).pluck();
    this.selectOldest = db.prepare(`SELECT id, received_at FROM captures WHERE (flags & ${FLAG.pinned}) = 0 ORDER BY id LIMIT ?`);
    this.selectOldestAt = db.prepare('SELECT min(received_at) FROM captures').pluck();
    this.ageTimer = setInterval(() => void this.prune(), AGE_CHECK_INTERVAL_MS);
    this.ageTimer.unref();
  }

  settings(): RetentionSettings {
    const stored = this.selectSettings.get() as string | null;
    return stored === null ? { ...DEFAULT_RETENTION } : { ...DEFAULT_RETENTION, ...(JSON.parse(stored) as Partial<RetentionSettings>) };
  }

  state(): RetentionState {
    return { ...this.settings(), usage: this.usage() };
  }

  /** Applies new limits (absent fields keep theirs) and prunes at once; resolves after pruning. */
  async update(input: Partial<RetentionSettings>): Promise<RetentionState> {
    this.saveSettings.run(JSON.stringify({ ...this.settings(), ...input }));
    await this.prune();
    return this.state();
  }

  usage(): HistoryUsage {
    const oldest = (this.selectOldestAt.get() as number | null) ?? undefined;
    return {
      captures: this.ctx.requests.count(),
      pinned: this.countPinned.get() as number,
      disk_bytes: fileSize(join(this.ctx.dataDir, DATABASE_FILE)) + fileSize(join(this.ctx.dataDir, `${DATABASE_FILE}-wal`)),
      oldest_at: oldest === undefined ? null : new Date(oldest).toISOString(),
    };
  }

  /** Called after captures were committed: the limits are checked soon after. */
  schedule(): void {
    this.timer.poke();
  }

  /** Deletes what the limits exclude; returns how many captures were deleted. One pass at a time. */
  prune(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let deleted = 0;
      do {
        this.again = false;
        deleted += await this.pass();
      } while (this.again && !this.closed);
      if (deleted > 0) this.ctx.log.info({ deleted }, `retention deleted ${deleted} captures`);
      return deleted;
    })()
      .catch((error: unknown) => {
        // A full disk or a broken file must not take the receiver down with it; the next
        // capture or the age timer tries again.
        console.error('Hookscope: pruning the history failed:', error instanceof Error ? error.message : error);
        this.ctx.log.error({ err: error }, 'retention: pruning the history failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async pass(): Promise<number> {
    const limits = this.settings();
    // Pinned captures do not count against max_captures (they are kept beyond it), and do not
    // change during a pass; counted once, the table is not scanned per batch.
    const pinned = this.countPinned.get() as number;
    let deleted = 0;
    for (;;) {
      if (this.closed) return deleted;
      const count = this.nextBatch(limits, pinned);
      if (count === 0) break;
      const rows = this.selectOldest.all(count) as Array<{ id: number; received_at: number }>;
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) break;
      deleteCaptures(this.ctx, ids);
      deleted += ids.length;
      this.ctx.live.publish({ type: 'requests-pruned', data: { ids } });
      await yieldToEventLoop();
    }
    // Also after a pass that deleted nothing itself: Clear all frees pages and asks for a pass.
    await this.vacuum();
    return deleted;
  }

  /** Gives many free pages back to the file system, a chunk per turn of the event loop. */
  private async vacuum(): Promise<void> {
    const many = () => {
      const free = this.ctx.db.pragma('freelist_count', { simple: true }) as number;
      return free > VACUUM_MIN_PAGES && free > (this.ctx.db.pragma('page_count', { simple: true }) as number) / 4;
    };
    if (!many()) return;
    while (!this.closed && (this.ctx.db.pragma('freelist_count', { simple: true }) as number) > 0) {
      this.ctx.db.pragma(`incremental_vacuum(${VACUUM_MIN_PAGES * 4})`);
      await yieldToEventLoop();
    }
  }

  /** How many of the oldest unpinned captures the limits exclude now (at most a batch); 0 when none. */
  private nextBatch(limits: RetentionSettings, pinned: number): number {
    const unpinned = this.ctx.requests.count() - pinned;
    let count = 0;
    if (limits.max_captures !== null) count = Math.max(count, unpinned - limits.max_captures);
    if (limits.max_age_days !== null) {
      // From the oldest end, up to the first capture young enough: a HAR import of old captures
      // is not deleted at once, it ages with the captures around it.
      const cutoff = Date.now() - limits.max_age_days * DAY_MS;
      const oldest = this.selectOldest.all(BATCH) as Array<{ received_at: number }>;
      const old = oldest.findIndex((row) => row.received_at >= cutoff);
      count = Math.max(count, old === -1 ? oldest.length : old);
    }
    if (limits.max_disk_mb !== null) {
      const used = this.usedBytes();
      const excess = used - limits.max_disk_mb * MB;
      // As many as the excess is worth at the average size, checked again after each batch; but
      // never the newest few: when the rest of the file (Sent history, deliveries) alone is over
      // the limit, captures would otherwise vanish moments after they arrive.
      if (excess > 0) {
        const worth = Math.ceil(excess / (used / Math.max(this.ctx.requests.count(), 1)));
        count = Math.max(count, Math.min(worth, unpinned - DISK_LIMIT_KEEPS));
      }
    }
    return Math.min(count, BATCH);
  }

  /** Bytes of the database that hold data (free pages are returned by incremental vacuum). */
  private usedBytes(): number {
    const pages = this.ctx.db.pragma('page_count', { simple: true }) as number;
    const free = this.ctx.db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * (this.ctx.db.pragma('page_size', { simple: true }) as number);
  }

  close(): void {
    this.closed = true;
    this.timer.close();
    clearInterval(this.ageTimer);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

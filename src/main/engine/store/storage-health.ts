import type { StorageProblem } from '../../../shared/api';
import type { LiveHub } from '../live-hub';

/** What a failed write says about the history's storage, from SQLite's error code. */
function reasonOf(error: unknown): StorageProblem['reason'] {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || /ENOSPC/.test(String((error as Error).message))) return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'read_only';
  return 'database_error';
}

/**
 * Whether captures can be stored right now. A write that fails (disk full, a file made read-only
 * under the running engine) turns /api/health `degraded` with the reason, and the next write that
 * succeeds turns it `ok` again; both changes are pushed live so the UI can say so at once.
 */
export class StorageHealth {
  private problem: StorageProblem | null = null;

  constructor(private readonly live: LiveHub) {}

  current(): StorageProblem | null {
    return this.problem;
  }

  /** Runs a write, recording whether it worked; rethrows its error. */
  track<T>(write: () => T): T {
    let result: T;
    try {
      result = write();
    } catch (error) {
      this.set({
        reason: reasonOf(error),
        message: error instanceof Error ? error.message : String(error),
        since: new Date().toISOString(),
      });
      throw error;
    }
    if (this.problem !== null) this.set(null);
    return result;
  }

  private set(problem: StorageProblem | null): void {
    const changed = (problem?.reason ?? null) !== (this.problem?.reason ?? null);
    // A new reason replaces the old one; a repeat of the same keeps when it began.
    if (changed || problem === null) this.problem = problem;
    if (changed) this.live.publish({ type: 'storage-changed', data: { problem: this.problem } });
  }
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WAL_SIZE_LIMIT_BYTES } from './database';

/** What one PASSIVE checkpoint did: WAL frames in the log, and how many are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  /** The database file (the main connection has created and migrated it). */
  file: string;
  nativeBinding?: string;
  /** How often to checkpoint; the WAL grows by at most this much traffic in between. */
  intervalMs?: number;
  /** A WAL larger than this is truncated once writing stops (default: WAL_SIZE_LIMIT_BYTES). */
  truncateAboveBytes?: number;
  onCheckpoint?: (result: CheckpointResult) => void;
}

/**
 * The worker's source, plain CommonJS run with `eval`: it needs nothing but the SQLite driver,
 * and an eval worker has no bundle path to find, in the app, in `serve` mode or under Vitest.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
const pageSize = db.pragma('page_size', { simple: true });
let lastLog = -1;
function checkpoint() {
  try {
    let [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // A burst is over (nothing written since the last tick, all of it copied back) and left a
    // large WAL: cut it to zero now rather than at the next write, which may be hours away.
    if (result.log === lastLog && result.log > 0 && result.checkpointed === result.log
        && result.log * pageSize > workerData.truncateAboveBytes) {
      [result] = db.pragma('wal_checkpoint(TRUNCATE)');
    }
    lastLog = result.log;
    parentPort.postMessage({ type: 'checkpoint', result });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: error && error.message ? error.message : String(error) });
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ type: 'ready' });
`;

type FromCheckpointer = { type: 'ready' } | { type: 'checkpoint'; result: CheckpointResult } | { type: 'error'; message: string };

/**
 * Runs SQLite's WAL checkpoints on a worker thread. A checkpoint copies the WAL back into the
 * database file and fsyncs it; run by the connection that commits (SQLite's default), it stalls
 * the receiver's event loop for milliseconds every thousand pages and costs about half of each
 * capture's store time. The main connection keeps a far higher automatic threshold as a backstop,
 * so the WAL stays bounded even if this thread lags or dies.
 */
export class WalCheckpointer {
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  }

  static start(options: WalCheckpointerOptions): Promise<WalCheckpointer> {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: options.file,
        nativeBinding: options.nativeBinding,
        intervalMs: options.intervalMs ?? 500,
        truncateAboveBytes: options.truncateAboveBytes ?? WAL_SIZE_LIMIT_BYTES,
      },
    });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: FromCheckpointer) => {
        if (message.type === 'ready') {
          worker.off('error', reject);
          // A checkpointer that fails later is a warning, not a crash: the backstop still holds.
          worker.on('error', (error) => console.error('Hookscope: the WAL checkpointer stopped:', error.message));
          resolve(new WalCheckpointer(worker));
        } else if (message.type === 'checkpoint') options.onCheckpoint?.(message.result);
        else console.error('Hookscope: WAL checkpoint failed:', message.message);
      });
    });
  }

  /** Stops checkpointing and closes the worker's connection. */
  close(): Promise<void> {
    this.worker.postMessage('close');
    return this.exited;
  }
}

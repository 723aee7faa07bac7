import { close, fstat, fstatSync, mkdirSync, open, openSync, rename, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const closeFile = promisify(close);
const openFile = promisify(open);
const renameFile = promisify(rename);
const writeFile = promisify(write);
const statFile = promisify(fstat);

export interface RotatingFileOptions {
  file: string;
  /** The file is rotated before a write would take it past this size (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside it: `<file>.1` (newest) to `<file>.<keep>` (default 2, so 3 files in all). */
  keep?: number;
  /** Lines waiting for the disk beyond this are dropped, and counted in a line of their own. */
  maxPendingBytes?: number;
  /** Applied to each batch before it is written: the last chance to take out known secrets. */
  scrub?: (text: string) => string;
}

export const DEFAULT_LOG_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_FILES_KEPT = 2;

/**
 * A size-rotated log file that pino writes to. `write` only queues the line: the disk is written
 * in batches on a later turn of the event loop, so a log call never waits for the disk, on the
 * receiver's hot path least of all. When the disk cannot keep up, lines are dropped (and counted)
 * rather than held in memory without bound.
 */
export class RotatingFile {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly maxPendingBytes: number;
  private readonly scrub: (text: string) => string;
  private fd: number;
  private size: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private dropped = 0;
  private draining: Promise<void> | null = null;
  private failing = false;
  private closed = false;

  constructor(options: RotatingFileOptions) {
    this.file = options.file;
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_FILE_BYTES;
    this.keep = Math.max(1, options.keep ?? DEFAULT_LOG_FILES_KEPT);
    this.maxPendingBytes = options.maxPendingBytes ?? 1024 * 1024;
    this.scrub = options.scrub ?? ((text) => text);
    // Opened at once, at startup: a log file that cannot be created is a startup error, not a
    // silent loss later. Logs name paths and addresses, so they are the user's alone.
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
    // Queued lines are written on a later turn; a process that exits first (a crash, process.exit
    // after a fatal error) would lose exactly the lines that say why.
    process.once('exit', this.flushSync);
  }

  /** Writes whatever is queued, synchronously, without rotating: the last words of a process. */
  readonly flushSync = (): void => {
    if (this.closed || this.pending.length === 0) return;
    const bytes = Buffer.from(this.scrub(this.pending.join('')));
    this.pending = [];
    this.pendingBytes = 0;
    try {
      writeSync(this.fd, bytes);
      this.size += bytes.length;
    } catch {
      // Nothing left to report to: the process is ending.
    }
  };

  /** Queues one line (pino's destination interface). Never blocks. */
  write(line: string): boolean {
    if (this.closed) return true;
    if (this.pendingBytes + line.length > this.maxPendingBytes) {
      this.dropped += 1;
      return true;
    }
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return true;
  }

  /** Resolves once every line queued so far is on disk. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Writes what is queued and closes the file; later lines are ignored. */
  async close(): Promise<void> {
    await this.flush();
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.flushSync);
    await closeFile(this.fd);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.dropped > 0) {
        let text = this.pending.join('');
        this.pending = [];
        this.pendingBytes = 0;
        if (this.dropped > 0) {
          text += `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: `${this.dropped} log lines were dropped: the log file could not keep up` })}\n`;
          this.dropped = 0;
        }
        const bytes = Buffer.from(this.scrub(text));
        try {
          if (this.size > 0 && this.size + bytes.length > this.maxBytes) await this.rotate();
          await this.writeAll(bytes);
          this.failing = false;
        } catch (error) {
          // A full disk must not take the engine down; say so once per run of failures.
          if (!this.failing) console.error(`Hookscope: could not write the log file ${this.file}: ${(error as Error).message}`);
          this.failing = true;
        }
      }
    } finally {
      this.draining = null;
    }
  }

  private async writeAll(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await writeFile(this.fd, bytes, offset, bytes.length - offset, null);
      offset += bytesWritten;
      this.size += bytesWritten;
    }
  }

  /** hookscope.log -> .1 -> .2 ...; the oldest beyond `keep` is overwritten. */
  private async rotate(): Promise<void> {
    await closeFile(this.fd);
    try {
      for (let index = this.keep; index >= 1; index -= 1) {
        const from = index === 1 ? this.file : `${this.file}.${index - 1}`;
        await renameFile(from, `${this.file}.${index}`).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
    } finally {
      // Reopened even when a rename failed, so logging goes on (into the unrotated file).
      this.fd = await openFile(this.file, 'a', 0o600);
      this.size = (await statFile(this.fd)).size;
    }
  }
}

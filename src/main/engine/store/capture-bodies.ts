import type Database from 'better-sqlite3';
import { contentTypeOf, decodeHead } from './capture-row';

/**
 * A capture's stored body read as GET /api/requests/:id/body serves it: its size and content type
 * without the bytes, or a byte range. Only what is asked for crosses into JavaScript.
 */
export class CaptureBodies {
  private readonly selectInfo;
  private readonly selectSlice;

  constructor(db: Database.Database) {
    // SQLite's length() of a blob reads no more than the row's header, never the bytes.
    this.selectInfo = db.prepare('SELECT length(body) AS size, head, extra FROM capture_data WHERE id = ?');
    // substr() of an empty blob (or past its end) is NULL: an empty body is still a body, not a missing capture.
    this.selectSlice = db.prepare("SELECT ifnull(substr(body, ?, ?), X'') FROM capture_data WHERE id = ?").pluck();
  }

  /** How many body bytes a capture stores and its content type; null when there is no such capture. */
  info(id: number): { size: number; contentType: string | null } | null {
    const row = this.selectInfo.get(id) as { size: number; head: string; extra: string | null } | undefined;
    return row ? { size: row.size, contentType: contentTypeOf(row, decodeHead(row.head)) } : null;
  }

  /**
   * `length` stored body bytes from `start` (0-based), as SQLite's substr() of the blob: only the
   * slice crosses into JavaScript (better-sqlite3 has no incremental blob reads, so SQLite itself
   * still reads the row's pages), however large the body.
   */
  slice(id: number, start: number, length: number): Buffer | null {
    return (this.selectSlice.get(start + 1, length, id) as Buffer | undefined) ?? null;
  }
}

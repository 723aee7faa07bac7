import type Database from 'better-sqlite3';

/**
 * A capture's endpoint, scheme and event type, stored once per combination: captures repeat the
 * same few, and one small integer per capture replaces ~35 bytes of text in the narrow row that
 * listing and filtering read. Ids are kept in memory; the table only grows with new combinations.
 */
export class CaptureProfiles {
  private readonly ids = new Map<string, number>();
  private readonly select;
  private readonly insert;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT id FROM capture_profiles WHERE endpoint_id IS ? AND scheme = ? AND event IS ?').pluck();
    this.insert = db.prepare('INSERT INTO capture_profiles (endpoint_id, scheme, event) VALUES (?, ?, ?)');
  }

  /** The id of this combination, created on first use (inside the caller's transaction). */
  idOf(endpointId: string | null, scheme: string, event: string | null): number {
    const key = `${endpointId ?? '\u0000'}\u0001${scheme}\u0001${event ?? '\u0000'}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id =
        (this.select.get(endpointId, scheme, event) as number | undefined) ??
        Number(this.insert.run(endpointId, scheme, event).lastInsertRowid);
      // Event types come from senders: bound the cache, not the table.
      if (this.ids.size >= MAX_CACHED) this.ids.clear();
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * Forgets every id: called when a transaction that may have created some rolled back, so no id
   * of a row that no longer exists is handed out.
   */
  forget(): void {
    this.ids.clear();
  }
}

const MAX_CACHED = 10_000;

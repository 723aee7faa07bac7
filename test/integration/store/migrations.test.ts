import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verification } from '../../../src/shared/api';
import type { NewCapture } from '../../../src/main/engine/store/capture';
import { DATABASE_FILE, openDatabase } from '../../../src/main/engine/store/database';
import { migrate, migrations } from '../../../src/main/engine/store/migrations';
import { EndpointsRepo } from '../../../src/main/engine/store/endpoints-repo';
import { RequestsRepo } from '../../../src/main/engine/store/requests-repo';
import { makeDataDir } from '../../helpers/engine';
import type { HeaderPairs } from '../../../src/shared/http-headers';

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const verification: Verification = {
  scheme: 'dcisionai',
  verdict: 'unverifiable',
  reason: 'no_secret',
  signature: { received: null, expected: null },
  timestamp: { value: null, age_seconds: null },
  tolerance_seconds: 300,
  signed_content_base64: null,
  diagnosis: [],
};

function capture(index: number, endpointId: string): NewCapture {
  return {
    receivedAt: 1_700_000_000_000 + index,
    method: 'POST',
    path: `/hook/${index}`,
    query: '',
    url: `http://127.0.0.1/hook/${index}`,
    httpVersion: '1.1',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Index', String(index)],
    ],
    contentType: 'application/json',
    body: Buffer.from(`{"event":"project.created","index":${index}}`),
    bodySize: 40,
    truncated: false,
    remoteAddress: '127.0.0.1',
    remotePort: 50_000,
    forwarded: { for: null, proto: null, host: null },
    endpointId,
    event: 'project.created',
    verification,
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"received": true}' },
    timing: { body_ms: 0, total_ms: 0 },
  };
}

/** A database as the previous release left it: migrations 1-4 applied, with captures in it. */
function databaseAtVersion4(): { file: string; dataDir: string } {
  const dataDir = makeDataDir();
  dataDirs.push(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  for (const migration of migrations.filter((m) => m.version <= 4)) {
    if (typeof migration.up === 'string') db.exec(migration.up);
    else migration.up(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, 0);
  }
  db.prepare(`INSERT INTO endpoints VALUES ('ep_a', 'A', '/a', 'dcisionai', '', 300, 0, '{}', 0, 0, NULL, NULL)`).run();
  // The columns as of version 4, written as that release wrote them (today's repo writes more).
  const insertRequest = db.prepare(`INSERT INTO requests (received_at, method, path, query, url, http_version, headers_json,
      content_type, body_size, truncated, remote_address, remote_port, forwarded_json, endpoint_id, event, verification_json,
      verdict, reason, response_json, response_status, timing_json, forward_json, imported)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)`);
  const insertBody = db.prepare('INSERT INTO request_bodies (request_id, body) VALUES (?, ?)');
  for (let index = 0; index < 30; index += 1) {
    const c = capture(index, index % 3 === 0 ? 'ep_a' : 'ep_default');
    const { lastInsertRowid } = insertRequest.run(
      c.receivedAt,
      c.method,
      c.path,
      c.query,
      c.url,
      c.httpVersion,
      JSON.stringify(c.headers),
      c.contentType,
      c.bodySize,
      0,
      c.remoteAddress,
      c.remotePort,
      JSON.stringify(c.forwarded),
      c.endpointId,
      c.event,
      JSON.stringify(c.verification),
      c.verification.verdict,
      c.verification.reason,
      JSON.stringify(c.response),
      c.response.status,
      JSON.stringify(c.timing),
    );
    insertBody.run(lastInsertRowid, c.body);
  }
  db.close();
  return { file, dataDir };
}

/** The database migrated up to `version` only, as the release of that version left it. */
function openAtVersion(dataDir: string, version: number): Database.Database {
  const db = new Database(join(dataDir, DATABASE_FILE));
  migrate(db, version);
  return db;
}

/** A row without the columns later migrations add, to compare it with the row before them. */
function withoutLaterColumns(row: unknown): unknown {
  const { aborted: _aborted, ...rest } = row as Record<string, unknown>;
  return rest;
}

describe('migration 5: captures without the endpoint index', () => {
  it('drops the index and keeps every capture, body and endpoint', () => {
    const { file, dataDir } = databaseAtVersion4();
    const before = new Database(file, { readonly: true });
    const rowsBefore = before.prepare('SELECT * FROM requests ORDER BY id').all();
    const bodiesBefore = before.prepare('SELECT * FROM request_bodies ORDER BY request_id').all();
    expect(before.prepare("SELECT name FROM sqlite_master WHERE name = 'requests_endpoint'").get()).toBeDefined();
    before.close();

    const db = openAtVersion(dataDir, 7);
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'requests_endpoint'").get()).toBeUndefined();
      expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 5').pluck().get()).toBe('drop the endpoint index of captures');
      expect(db.prepare('SELECT * FROM requests ORDER BY id').all().map(withoutLaterColumns)).toEqual(rowsBefore);
      expect(db.prepare('SELECT * FROM request_bodies ORDER BY request_id').all()).toEqual(bodiesBefore);
      expect(db.prepare('SELECT count(*) FROM endpoints').pluck().get()).toBe(1);
      expect(migrate(db, 7)).toBe(0); // applied once only
    } finally {
      db.close();
    }
  });

  it("still walks one endpoint's captures in id order, by a range on the primary key", () => {
    const { dataDir } = databaseAtVersion4();
    const db = openDatabase(dataDir);
    try {
      const repo = new RequestsRepo(db);
      const seen: string[] = [];
      const collect = (headers: HeaderPairs) => {
        seen.push(headers.find(([name]) => name === 'X-Index')?.[1] ?? '?');
        return { verification, event: 'project.created' };
      };
      const first = repo.reverifyBatch('ep_a', 0, 4, collect);
      expect(first.count).toBe(4);
      const second = repo.reverifyBatch('ep_a', first.lastId as number, 4, collect);
      const third = repo.reverifyBatch('ep_a', second.lastId as number, 4, collect);
      expect(third).toEqual({ count: 2, lastId: 28 });
      expect(seen).toEqual(['0', '3', '6', '9', '12', '15', '18', '21', '24', '27']);
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM captures WHERE profile IN (SELECT id FROM capture_profiles WHERE endpoint_id = ?)
        AND id > ? ORDER BY id LIMIT ?`,
        )
        .all('ep_a', 0, 4) as Array<{ detail: string }>;
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    } finally {
      db.close();
    }
  });
});

describe('migration 6: aborted uploads', () => {
  it('marks every earlier capture complete and stores the flag of new ones', () => {
    const { dataDir } = databaseAtVersion4();
    const db = openAtVersion(dataDir, 7);
    try {
      expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 6').pluck().get()).toBe('aborted uploads');
      expect(db.prepare('SELECT DISTINCT aborted FROM requests').pluck().all()).toEqual([0]);
    } finally {
      db.close();
    }
    const current = openDatabase(dataDir);
    try {
      const repo = new RequestsRepo(current);
      expect(current.prepare('SELECT DISTINCT flags FROM captures').pluck().all()).toEqual([0]);
      const [id] = repo.insertMany([{ ...capture(99, 'ep_default'), aborted: true }]);
      expect(repo.summary(id as number)).toMatchObject({ id, aborted: true });
      expect(repo.get(id as number)?.aborted).toBe(true);
    } finally {
      current.close();
    }
  });
});

describe('migration 7: forwarding timeout per endpoint', () => {
  it('gives every existing endpoint the 30 s it had', () => {
    const { dataDir } = databaseAtVersion4();
    const db = openAtVersion(dataDir, 7);
    try {
      expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 7').pluck().get()).toBe('forwarding timeout per endpoint');
      // Read as stored: today's EndpointsRepo needs the columns of later migrations.
      expect(db.prepare("SELECT path, forward_timeout_ms FROM endpoints WHERE id = 'ep_a'").get()).toEqual({
        path: '/a',
        forward_timeout_ms: 30000,
      });
    } finally {
      db.close();
    }
  });
});

describe('migration 9: endpoints answer handshakes', () => {
  it('switches answering on for every existing endpoint, without a verify token', () => {
    const { dataDir } = databaseAtVersion4();
    const db = openAtVersion(dataDir, 9);
    try {
      expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 9').pluck().get()).toBe('endpoints answer handshakes');
      expect(new EndpointsRepo(db).get('ep_a')).toMatchObject({
        path: '/a',
        forward_timeout_ms: 30000,
        answer_handshakes: true,
        verify_token: null,
      });
    } finally {
      db.close();
    }
  });
});

describe('migration 8: lean capture rows', () => {
  /** A version-7 database with captures as that release wrote them, odd ones included. */
  function databaseAtVersion7(): { dataDir: string; rows: Array<Record<string, unknown>> } {
    const { dataDir } = databaseAtVersion4();
    const db = openAtVersion(dataDir, 7);
    const update = db.prepare(`UPDATE requests SET url = ?, http_version = ?, response_json = ?, response_status = ?, forward_json = ?,
      delivery_id = ?, duplicate_of = ?, aborted = ?, imported = ?, truncated = ?, timing_json = ?, headers_json = ? WHERE id = ?`);
    update.run(
      'https://example.test/hook/1?x=1',
      '1.0',
      JSON.stringify({ status: 202, headers: { 'x-a': 'b' }, body: 'ok' }),
      202,
      JSON.stringify({ url: 'http://127.0.0.1:9/x', status: 202, duration_ms: 3, error: null }),
      'dlv_1',
      null,
      0,
      1,
      0,
      JSON.stringify({ body_ms: 1.25, total_ms: 7.5 }),
      JSON.stringify([
        ['Host', 'example.test'],
        ['X-DcisionAI-Delivery', 'dlv_1'],
        ['X-Weird', 'a\nb'],
      ]),
      2,
    );
    update.run(
      `http://localhost/hook/2`,
      '1.1',
      JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"received": true}' }),
      200,
      null,
      'dlv_1',
      2,
      1,
      0,
      1,
      JSON.stringify({ body_ms: 0, total_ms: 0.001 }),
      JSON.stringify([['X-Index', '2']]),
      3,
    );
    // A HAR import without a Content-Type header recorded its postData.mimeType.
    db.prepare('UPDATE requests SET content_type = ? WHERE id = ?').run('text/csv', 3);
    // The newest capture was deleted: its id must not be handed out again.
    db.prepare('DELETE FROM request_bodies WHERE request_id = 30').run();
    db.prepare('DELETE FROM requests WHERE id = 30').run();
    const rows = db.prepare(`SELECT r.*, b.body FROM requests r JOIN request_bodies b ON b.request_id = r.id ORDER BY r.id`).all() as Array<
      Record<string, unknown>
    >;
    db.close();
    return { dataDir, rows };
  }

  it('keeps every fact of every capture, and reads them back exactly', () => {
    const { dataDir, rows } = databaseAtVersion7();
    const db = openDatabase(dataDir);
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('requests', 'request_bodies')").all()).toEqual([]);
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
      expect(db.pragma('page_size', { simple: true })).toBe(8192);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const repo = new RequestsRepo(db);
      for (const row of rows) {
        const detail = repo.get(row.id as number);
        expect(detail).toMatchObject({
          id: row.id,
          received_at: new Date(row.received_at as number).toISOString(),
          method: row.method,
          path: row.path,
          query: row.query,
          url: row.url,
          http_version: row.http_version,
          headers: JSON.parse(row.headers_json as string),
          body_base64: (row.body as Buffer).toString('base64'),
          body_size: row.body_size,
          truncated: row.truncated === 1,
          aborted: row.aborted === 1,
          imported: row.imported === 1,
          remote_address: row.remote_address,
          remote_port: row.remote_port,
          endpoint_id: row.endpoint_id,
          event: row.event,
          response: JSON.parse(row.response_json as string),
          timing: JSON.parse(row.timing_json as string),
          duplicate_of: row.duplicate_of,
          forward: row.forward_json === null ? null : JSON.parse(row.forward_json as string),
          pinned: false,
        });
        expect(repo.summary(row.id as number)?.verification).toMatchObject({
          verdict: row.verdict,
          reason: row.reason,
          scheme: 'dcisionai',
        });
        expect(repo.summary(row.id as number)?.content_type).toBe(row.id === 3 ? 'text/csv' : row.content_type);
      }
      // Duplicate detection still knows the migrated delivery ids (capture 2 was acknowledged).
      const [next] = repo.insertMany([{ ...capture(100, 'ep_default'), deliveryId: 'dlv_1' }]);
      expect(next).toBe(31);
      expect(repo.summary(next as number)?.duplicate_of).toBe(2);
    } finally {
      db.close();
    }
  });
});

describe('capture profiles', () => {
  it('hands out no id of a profile whose transaction rolled back', () => {
    const db = openDatabase(makeDataDir());
    try {
      const repo = new RequestsRepo(db);
      const fresh = { ...capture(1, 'ep_default'), event: 'brand.new' };
      // The second capture breaks the batch (a body is required) after the first created its profile.
      expect(() => repo.insertMany([fresh, { ...capture(2, 'ep_default'), body: null as unknown as Buffer }])).toThrow();
      const [id] = repo.insertMany([fresh]);
      expect(repo.summary(id as number)).toMatchObject({
        event: 'brand.new',
        endpoint_id: 'ep_default',
        verification: { scheme: 'dcisionai' },
      });
      expect(repo.count()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('duplicate detection by delivery-id hash', () => {
  it('confirms a hash hit against the candidate’s own header, so a collision marks nothing', () => {
    const db = openDatabase(makeDataDir());
    try {
      const repo = new RequestsRepo(db);
      const withId = (index: number, deliveryId: string): NewCapture => ({
        ...capture(index, 'ep_default'),
        headers: [['X-DcisionAI-Delivery', deliveryId]],
        deliveryId,
      });
      const [impostor] = repo.insertMany([withId(1, 'dlv_other')]);
      const [original] = repo.insertMany([withId(2, 'dlv_target')]);
      // Make the earlier capture collide: same hash as dlv_target, another id in its header.
      const key = db.prepare('SELECT delivery_key FROM captures WHERE id = ?').pluck().get(original);
      db.prepare('UPDATE captures SET delivery_key = ? WHERE id = ?').run(key, impostor);
      const [again] = repo.insertMany([withId(3, 'dlv_target')]);
      expect(repo.summary(again as number)?.duplicate_of).toBe(original);
    } finally {
      db.close();
    }
  });
});

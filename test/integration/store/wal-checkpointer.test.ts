import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../src/main/engine/store/database';
import { WalCheckpointer, type CheckpointResult } from '../../../src/main/engine/store/wal-checkpointer';
import { makeDataDir } from '../../helpers/engine';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openWithoutAutocheckpoint() {
  const dataDir = makeDataDir();
  const db = openDatabase(dataDir);
  db.pragma('wal_autocheckpoint = 0'); // only the checkpointer may copy the WAL back
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  cleanups.push(() => db.close());
  return { db, file: join(dataDir, DATABASE_FILE) };
}

const waitFor = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('WalCheckpointer (a worker thread with its own connection)', () => {
  it('copies what the main connection commits back into the database file', async () => {
    const { db, file } = openWithoutAutocheckpoint();
    const results: CheckpointResult[] = [];
    const checkpointer = await WalCheckpointer.start({ file, intervalMs: 20, onCheckpoint: (result) => results.push(result) });
    cleanups.push(() => checkpointer.close());
    const sizeBefore = statSync(file).size;
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i += 1) insert.run('x'.repeat(1000));
    })();
    // The main connection never checkpoints: only the worker can have moved these pages.
    await waitFor(() => results.some((r) => r.log > 0 && r.checkpointed === r.log), 'a complete checkpoint');
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 400 * 1000);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 500 });
  });

  it('cuts a large WAL to nothing once a burst is over, without waiting for the next write', async () => {
    const { db, file } = openWithoutAutocheckpoint();
    const checkpointer = await WalCheckpointer.start({ file, intervalMs: 20, truncateAboveBytes: 64 * 1024 });
    cleanups.push(() => checkpointer.close());
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    for (let batch = 0; batch < 20; batch += 1) {
      db.transaction(() => {
        for (let i = 0; i < 50; i += 1) insert.run('x'.repeat(1000));
      })();
    }
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(500 * 1000);
    await waitFor(() => statSync(`${file}-wal`).size === 0, 'the WAL to be truncated');
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 1000 });
  });

  it('closes its connection and thread on close()', async () => {
    const { file } = openWithoutAutocheckpoint();
    const checkpointer = await WalCheckpointer.start({ file, intervalMs: 20 });
    await expect(checkpointer.close()).resolves.toBeUndefined();
  });

  it("fails to start with the driver's error when the database cannot be opened", async () => {
    const missing = join(makeDataDir(), 'no-such-dir', DATABASE_FILE);
    await expect(WalCheckpointer.start({ file: missing })).rejects.toThrow(/unable to open|directory does not exist/i);
    expect(existsSync(missing)).toBe(false);
  });
});

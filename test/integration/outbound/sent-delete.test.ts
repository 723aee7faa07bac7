import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { LiveEvent, SentPage, SentRequest } from '../../../src/shared/api';
import { DATABASE_FILE } from '../../../src/main/engine/store/database';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { startHttpSink, type HttpSink } from '../../helpers/http-sink';
import { collectLiveEvents } from '../../helpers/live-stream';

let t: TestEngine;
let sink: HttpSink;

beforeAll(async () => {
  t = await startTestEngine();
  sink = await startHttpSink();
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

async function sendOne(body: string): Promise<SentRequest> {
  const result = await t.api<{ data: SentRequest }>('POST', '/send', { url: sink.url, body });
  expect(result.status).toBe(200);
  return result.body.data;
}

/** Rows in the Sent tables, read from the file itself (a second connection, as a user's tool would). */
function storedRows(): { sent: number; bodies: number } {
  const db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return {
      sent: db.prepare('SELECT count(*) FROM sent_requests').pluck().get() as number,
      bodies: db.prepare('SELECT count(*) FROM sent_bodies').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

const listedIds = async () => (await t.api<SentPage>('GET', '/sent')).body.data.map((entry) => entry.id);

describe('deleting from the Sent history', () => {
  it('deletes one send with its bodies, announces it live, and keeps the resends made from it', async () => {
    const first = await sendOne('first');
    const second = await sendOne('second');
    const resent = await t.api<{ data: SentRequest }>('POST', `/sent/${first.id}/resend`);
    expect(resent.status).toBe(200);
    const before = storedRows();

    const events = await collectLiveEvents(
      t.engine,
      (seen) => seen.some((event) => event.type === 'sent-deleted'),
      async () => {
        const deleted = await t.api('DELETE', `/sent/${first.id}`);
        expect(deleted).toEqual({ status: 200, body: { data: { id: first.id, deleted: true } } });
      },
    );
    expect(events).toContainEqual<LiveEvent>({ type: 'sent-deleted', data: { id: first.id } });

    expect((await t.api('GET', `/sent/${first.id}`)).status).toBe(404);
    expect(await listedIds()).toEqual([resent.body.data.id, second.id]);
    expect(storedRows()).toEqual({ sent: before.sent - 1, bodies: before.bodies - 1 });
    // The resend keeps its own copy of what it sent; only its origin is gone.
    const kept = await t.api<{ data: SentRequest }>('GET', `/sent/${resent.body.data.id}`);
    expect(Buffer.from(kept.body.data.request.body_base64, 'base64').toString()).toBe('first');
    expect(kept.body.data.source_sent_id).toBe(first.id);
  });

  it('names a send that does not exist, and a bad id', async () => {
    const missing = await t.api<{ error: { code: string; message: string } }>('DELETE', '/sent/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('999999');
    expect((await t.api('DELETE', '/sent/abc')).status).toBe(400);
  });

  it('clears the whole history, bodies included', async () => {
    const last = await sendOne('third');
    const count = storedRows().sent;
    expect(count).toBeGreaterThan(0);
    const events = await collectLiveEvents(
      t.engine,
      (seen) => seen.some((event) => event.type === 'sent-cleared'),
      async () => {
        expect(await t.api('DELETE', '/sent')).toEqual({ status: 200, body: { data: { deleted: count } } });
      },
    );
    expect(events.some((event) => event.type === 'sent-cleared')).toBe(true);
    expect(await listedIds()).toEqual([]);
    expect(storedRows()).toEqual({ sent: 0, bodies: 0 });
    // Sending still works after a clear, and ids are not reused.
    expect((await sendOne('after')).id).toBeGreaterThan(last.id);
  });
});

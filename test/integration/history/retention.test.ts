import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClearResult, LiveEvent, RequestPage, RequestSummary, RetentionState } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { collectLiveEvents } from '../../helpers/live-stream';

let t: TestEngine;
beforeEach(async () => {
  t = await startTestEngine();
});
afterEach(() => t.stop());

/** Sends `count` captures in order; returns their ids, oldest first. */
async function sendMany(count: number, body: string | Buffer = 'x'): Promise<number[]> {
  for (let index = 0; index < count; index += 1) await t.send(`/r/${index}`, { body });
  const page = await t.api<RequestPage>('GET', `/requests?limit=${count}`);
  return page.body.data.map((row) => row.id).reverse();
}

async function ids(): Promise<number[]> {
  return (await t.api<RequestPage>('GET', '/requests?limit=1000')).body.data.map((row) => row.id).reverse();
}

const pin = (id: number) => t.api<{ data: RequestSummary }>('PUT', `/requests/${id}`, { pinned: true });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('pinning', () => {
  it('pins and unpins, lists the pin, filters on it and 404s an unknown capture', async () => {
    const [first, second] = await sendMany(2);
    let pinned!: Awaited<ReturnType<typeof pin>>;
    // Announced as an update of a known capture, not as a new one (the list must not count it again).
    const events = await collectLiveEvents(
      t.engine,
      (seen) => seen.some((event) => event.type === 'captures-updated'),
      async () => {
        pinned = await pin(first as number);
      },
    );
    expect(events.find((event) => event.type === 'captures-updated')?.data).toEqual([expect.objectContaining({ id: first, pinned: true })]);
    expect(events.some((event) => event.type === 'captures')).toBe(false);
    expect(pinned.status).toBe(200);
    expect(pinned.body.data).toMatchObject({ id: first, pinned: true });
    const listed = await t.api<RequestPage>('GET', '/requests?q=is:pinned');
    expect(listed.body.data.map((row) => row.id)).toEqual([first]);
    expect(listed.body).toMatchObject({ matching: 1, total: 2 });
    const unpinned = await t.api<{ data: RequestSummary }>('PUT', `/requests/${first}`, { pinned: false });
    expect(unpinned.body.data.pinned).toBe(false);
    expect((await t.api<RequestPage>('GET', '/requests?q=-is:pinned')).body.matching).toBe(2);
    expect((await t.api('PUT', '/requests/999999', { pinned: true })).status).toBe(404);
    expect((await t.api('PUT', `/requests/${second}`, { pinned: 'yes' })).status).toBe(400);
  });

  it('keeps pinned captures through Clear all, and says how many it kept', async () => {
    const sent = await sendMany(4);
    await pin(sent[1] as number);
    const cleared = await t.api<{ data: ClearResult }>('DELETE', '/requests');
    expect(cleared.body.data).toEqual({ deleted: 3, kept_pinned: 1 });
    expect(await ids()).toEqual([sent[1]]);
    // The index forgot the deleted captures too.
    expect((await t.api<RequestPage>('GET', '/requests?q=method:POST')).body.data.map((row) => row.id)).toEqual([sent[1]]);
  });
});

describe('retention', () => {
  it('starts from the defaults and reports the usage', async () => {
    await sendMany(3);
    const state = await t.api<{ data: RetentionState }>('GET', '/settings/retention');
    expect(state.body.data).toMatchObject({ max_captures: 100000, max_age_days: null, max_disk_mb: 2048 });
    expect(state.body.data.usage).toMatchObject({ captures: 3, pinned: 0 });
    expect(state.body.data.usage.disk_bytes).toBeGreaterThan(0);
    expect(Date.parse(state.body.data.usage.oldest_at as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses limits that are not positive whole numbers, naming the field', async () => {
    const zero = await t.api<{ error: { message: string } }>('PUT', '/settings/retention', { max_captures: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/max_captures/);
    expect((await t.api('PUT', '/settings/retention', { max_age_days: 1.5 })).status).toBe(400);
    expect((await t.api('PUT', '/settings/retention', { keep: 3 })).status).toBe(400);
  });

  it('max_captures keeps the newest unpinned captures, and every pinned one besides', async () => {
    const sent = await sendMany(12);
    await pin(sent[0] as number);
    await pin(sent[3] as number);
    const events = await collectLiveEvents(
      t.engine,
      (seen) => seen.some((event) => event.type === 'requests-pruned'),
      async () => {
        const state = await t.api<{ data: RetentionState }>('PUT', '/settings/retention', { max_captures: 5 });
        expect(state.body.data).toMatchObject({ max_captures: 5, usage: { captures: 7, pinned: 2 } });
      },
    );
    expect(await ids()).toEqual([sent[0], sent[3], ...sent.slice(7)]);
    const pruned = events.filter((event): event is Extract<LiveEvent, { type: 'requests-pruned' }> => event.type === 'requests-pruned');
    expect(pruned.flatMap((event) => event.data.ids).sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 6].map((n) => sent[n]));
    // The limit holds as captures keep arriving, within seconds.
    const more = await sendMany(4);
    const after = await until(ids, (list) => list.length === 7 && list[list.length - 1] === more[3]);
    expect(after).toEqual([sent[0], sent[3], sent[11], ...more]);
  });

  it('keeps the newest captures when the pinned ones alone reach max_captures', async () => {
    const sent = await sendMany(4);
    await pin(sent[0] as number);
    await pin(sent[1] as number);
    await t.api('PUT', '/settings/retention', { max_captures: 1 });
    expect(await ids()).toEqual([sent[0], sent[1], sent[3]]);
  });

  it('max_age_days deletes captures older than the limit from the oldest end, pinned ones excepted', async () => {
    const sent = await sendMany(6);
    // Age the three oldest by ten days, as if they had arrived then.
    const db = new Database(join(t.dataDir, 'hookscope.db'));
    db.prepare('UPDATE captures SET received_at = received_at - ? WHERE id <= ?').run(10 * 86_400_000, sent[2]);
    db.close();
    await pin(sent[1] as number);
    await t.api('PUT', '/settings/retention', { max_age_days: 7 });
    expect(await ids()).toEqual([sent[1], ...sent.slice(3)]);
  });

  it('max_disk_mb deletes the oldest until the database fits, and gives the space back', async () => {
    const sent = await sendMany(40, Buffer.alloc(100 * 1024, 7));
    await pin(sent[0] as number);
    const before = (await t.api<{ data: RetentionState }>('GET', '/settings/retention')).body.data.usage.disk_bytes;
    expect(before).toBeGreaterThan(4 * 1024 * 1024);
    const state = (await t.api<{ data: RetentionState }>('PUT', '/settings/retention', { max_disk_mb: 2 })).body.data;
    const left = await ids();
    expect(left[0]).toBe(sent[0]);
    expect(left[left.length - 1]).toBe(sent[39]);
    expect(left.length).toBeLessThan(20);
    // The file itself shrank (incremental vacuum), not only the count.
    const db = new Database(join(t.dataDir, 'hookscope.db'), { readonly: true });
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = pages * (db.pragma('page_size', { simple: true }) as number);
    db.close();
    expect(size).toBeLessThan(2.5 * 1024 * 1024);
    expect(state.usage.captures).toBe(left.length);
  });
});

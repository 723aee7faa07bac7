import { afterAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type RequestDetail, type RequestSummary } from '../../../src/shared/api';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';
import { rmSync } from 'node:fs';

const dataDir = makeDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Page = { data: RequestSummary[]; next_before: number | null };

describe('history', () => {
  it('survives a restart with bodies, headers and verdicts intact', async () => {
    const first: TestEngine = await startTestEngine({ dataDir });
    const body = Buffer.from('{"event":"model.trained","data":{}}\n');
    await first.send('/persist?q=1', { headers: { 'content-type': 'application/json', 'X-Trace': 'a' }, body });
    const before = await first.api<Page>('GET', '/requests');
    await first.stop({ keepData: true });

    const second = await startTestEngine({ dataDir });
    const after = await second.api<Page>('GET', '/requests');
    expect(after.body.data).toEqual(before.body.data);
    const detail = await second.api<{ data: RequestDetail }>('GET', `/requests/${after.body.data[0]?.id}`);
    expect(Buffer.from(detail.body.data.body_base64 ?? '', 'base64').equals(body)).toBe(true);
    expect(detail.body.data.headers).toContainEqual(['X-Trace', 'a']);
    await second.stop({ keepData: true });
  });

  it('pages newest first with next_before, deletes one and clears all', async () => {
    const t = await startTestEngine({ dataDir });
    // A fresh data directory's catch-all has a generated secret; these captures are to be unsigned-and-unverifiable.
    await t.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' });
    await t.api('DELETE', '/requests');
    for (let index = 0; index < 7; index += 1) await t.send(`/n/${index}`, { body: String(index) });
    const page1 = await t.api<Page>('GET', '/requests?limit=3');
    expect(page1.body.data.map((s) => s.path)).toEqual(['/n/6', '/n/5', '/n/4']);
    const page2 = await t.api<Page>('GET', `/requests?limit=3&before=${page1.body.next_before}`);
    expect(page2.body.data.map((s) => s.path)).toEqual(['/n/3', '/n/2', '/n/1']);
    const page3 = await t.api<Page>('GET', `/requests?limit=3&before=${page2.body.next_before}`);
    expect(page3.body.data.map((s) => s.path)).toEqual(['/n/0']);
    expect(page3.body.next_before).toBeNull();
    const summary = page1.body.data[0] as RequestSummary;
    expect(summary).toMatchObject({ method: 'POST', body_size: 1, event: null, verification: { verdict: 'unverifiable' } });
    expect(summary.received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    expect((await t.api('DELETE', `/requests/${summary.id}`)).status).toBe(200);
    expect((await t.api('GET', `/requests/${summary.id}`)).status).toBe(404);
    const cleared = await t.api<{ data: { deleted: number } }>('DELETE', '/requests');
    expect(cleared.body.data.deleted).toBe(6);
    expect((await t.api<Page>('GET', '/requests')).body.data).toEqual([]);
    expect((await t.api('GET', '/requests?limit=abc')).status).toBe(400);
    await t.stop({ keepData: true });
  });
});

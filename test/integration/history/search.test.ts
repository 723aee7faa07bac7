import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type RequestPage, type RequestSummary } from '../../../src/shared/api';
import { HISTORY_QUALIFIERS } from '../../../src/shared/history-qualifiers';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

const SECRET = 'search-secret';
let t: TestEngine;
let stripe: Endpoint;
/** Capture ids by a name given when sending, to state expectations as sets of names. */
const ids = new Map<string, number>();

async function send(
  name: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; sign?: 'good' | 'bad' | 'expired' | 'none' },
) {
  const body = init.body ?? JSON.stringify({ event: 'model.completed', data: { name } });
  const signature =
    init.sign === 'good'
      ? signDcisionAI(SECRET, body)
      : init.sign === 'bad'
        ? signDcisionAI('wrong-secret', body)
        : init.sign === 'expired'
          ? signDcisionAI(SECRET, body, Math.floor(Date.now() / 1000) - 3600)
          : {};
  await t.send(path, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...signature, ...init.headers },
    body,
  });
  const page = await t.api<RequestPage>('GET', '/requests?limit=1');
  ids.set(name, (page.body.data[0] as RequestSummary).id);
}

async function search(
  q: string,
  extra = '',
): Promise<{ status: number; body: RequestPage & { error?: { code: string; message: string } } }> {
  return t.api('GET', `/requests?q=${encodeURIComponent(q)}${extra}`);
}

/** The names of the captures a query lists, in list order (newest first). */
async function names(q: string): Promise<string[]> {
  const result = await search(q, '&limit=1000');
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  const byId = new Map([...ids].map(([name, id]) => [id, name]));
  return result.body.data.map((row) => byId.get(row.id) ?? `#${row.id}`);
}

beforeAll(async () => {
  t = await startTestEngine();
  // A fresh data directory's catch-all has a generated secret; the unsigned captures here are to be unverifiable.
  await t.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' });
  await t.api('POST', '/endpoints', { name: 'DcisionAI', path: '/hooks/dcisionai', secret: SECRET, enforce: true });
  stripe = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Stripe', path: '/webhooks/stripe', scheme: 'stripe' })).body
    .data;
  await send('good', '/hooks/dcisionai', {
    sign: 'good',
    body: JSON.stringify({ event: 'model.completed', data: { note: 'needle-42 inside' } }),
  });
  await send('bad', '/hooks/dcisionai', { sign: 'bad', body: JSON.stringify({ event: 'model.failed', data: { note: 'a haystack' } }) });
  await send('expired', '/hooks/dcisionai', { sign: 'expired', body: JSON.stringify({ event: 'job.started', data: {} }) });
  const pretty = JSON.stringify({ event: 'model.completed', data: { id: 'reser' } }, null, 2);
  await t.send('/hooks/dcisionai', {
    headers: { 'content-type': 'application/json', ...signDcisionAI(SECRET, JSON.stringify(JSON.parse(pretty))) },
    body: pretty,
  });
  ids.set('reserialized', (await t.api<RequestPage>('GET', '/requests?limit=1')).body.data[0]?.id as number);
  await send('put', '/other/path?color=blue', {
    method: 'PUT',
    headers: { 'X-Trace': 'Alpha Beta' },
    body: 'plain text body with "quoted words" here',
  });
  await send('stripe', '/webhooks/stripe/events', {
    body: JSON.stringify({ type: 'invoice.paid', id: 'evt_1' }),
    headers: { 'X-DcisionAI-Delivery': 'dlv_same' },
  });
  await send('stripe-again', '/webhooks/stripe/events', {
    body: JSON.stringify({ type: 'invoice.paid', id: 'evt_1' }),
    headers: { 'X-DcisionAI-Delivery': 'dlv_same' },
  });
  // Not UTF-8 (0xff): its bytes are not text-indexed, though they hold the ASCII of "kiwi".
  await t.send('/bin', {
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.from([0xff, 0xfe, ...Buffer.from(' kiwi ')]),
  });
  ids.set('binary', (await t.api<RequestPage>('GET', '/requests?limit=1')).body.data[0]?.id as number);
});
afterAll(() => t.stop());

describe('GET /api/requests?q=', () => {
  it('counts matching and total exactly, and lists as today without q', async () => {
    const all = await t.api<RequestPage>('GET', '/requests?limit=3');
    expect(all.body).toMatchObject({ total: 8, matching: 8 });
    expect(all.body.data).toHaveLength(3);
    const filtered = await search('verdict:invalid');
    expect(filtered.body).toMatchObject({ total: 8, matching: 3 });
  });

  it('finds free words as whole tokens or prefixes, and phrases exactly, in path, query, headers and body', async () => {
    expect(await names('needle')).toEqual(['good']);
    expect(await names('needl')).toEqual(['good']);
    expect(await names('NEEDLE-42')).toEqual(['good']);
    expect(await names('needle-zz')).toEqual([]);
    // Unquoted, a word's parts may stand anywhere; quoted, side by side and in order.
    expect(await names('words-quoted')).toEqual(['put']);
    expect(await names('"quoted words"')).toEqual(['put']);
    expect(await names('"QUOTED words"')).toEqual(['put']);
    expect(await names('"words quoted"')).toEqual([]);
    expect(await names('"quoted word"')).toEqual([]);
    expect(await names('blue')).toEqual(['put']); // query string
    expect(await names('"alpha beta"')).toEqual(['put']); // header value
    expect(await names('x-trace')).toEqual(['put']); // header name
    expect(await names('other')).toEqual(['put']); // path
  });

  it('answers every qualifier', async () => {
    expect(await names('method:PUT')).toEqual(['put']);
    expect(await names('method:put')).toEqual(['put']);
    expect(await names('path:/webhooks/stripe')).toEqual(['stripe-again', 'stripe']);
    expect(await names('path:/*/stripe/ev')).toEqual(['stripe-again', 'stripe']);
    expect(await names('status:401')).toEqual(['reserialized', 'expired', 'bad']);
    expect(await names('status:4xx')).toEqual(['reserialized', 'expired', 'bad']);
    expect(await names('status:2xx')).toEqual(['binary', 'stripe-again', 'stripe', 'put', 'good']);
    expect(await names('verdict:valid')).toEqual(['good']);
    expect(await names('verdict:unverifiable')).toEqual(['binary', 'stripe-again', 'stripe', 'put']);
    expect(await names('reason:timestamp_expired')).toEqual(['expired']);
    expect(await names('reason:signature_mismatch')).toEqual(['reserialized', 'bad']);
    expect(await names('reason:body_reserialized')).toEqual(['reserialized']);
    expect(await names('event:model.*')).toEqual(['reserialized', 'bad', 'good']);
    expect(await names('event:model.completed')).toEqual(['reserialized', 'good']);
    expect(await names('event:*.paid')).toEqual(['stripe-again', 'stripe']);
    expect(await names('endpoint:stripe')).toEqual(['stripe-again', 'stripe']);
    expect(await names(`endpoint:${stripe.id}`)).toEqual(['stripe-again', 'stripe']);
    expect(await names('scheme:stripe')).toEqual(['stripe-again', 'stripe']);
    expect(await names('header:x-trace')).toEqual(['put']);
    expect(await names('header:"X-Trace=Alpha Beta"')).toEqual(['put']);
    expect(await names('header:X-Trace=alpha')).toEqual([]);
    expect(await names('is:dup')).toEqual(['stripe-again']);
    expect(await names('is:imported OR is:aborted OR is:truncated')).toEqual([]);
    expect(await names('size:8')).toEqual(['binary']);
    expect(await names('kiwi')).toEqual([]);
    expect(await names('octet')).toEqual(['binary']);
    expect(await names('size:>30')).toEqual(expect.arrayContaining(['good', 'put']));
    expect(await names('since:1h method:PUT')).toEqual(['put']);
    expect(await names('until:1h')).toEqual([]);
  });

  it('negates, ORs and groups', async () => {
    expect(await names('-verdict:unverifiable')).toEqual(['reserialized', 'expired', 'bad', 'good']);
    expect(await names('-verdict:unverifiable -reason:signature_mismatch')).toEqual(['expired', 'good']);
    expect(await names('reason:timestamp_expired OR method:PUT')).toEqual(['put', 'expired']);
    expect(await names('verdict:invalid (event:job.* OR needle)')).toEqual(['expired']);
    expect(await names('-needle event:model.completed')).toEqual(['reserialized']);
    expect(await names('-path:/webhooks verdict:unverifiable')).toEqual(['binary', 'put']);
    expect(await names('path:/bin OR method:PUT')).toEqual(['binary', 'put']);
  });

  it('pages under a filter and keeps its counts', async () => {
    const first = await search('verdict:invalid', '&limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body).toMatchObject({ matching: 3, total: 8 });
    const second = await search('verdict:invalid', `&limit=2&before=${first.body.next_before}`);
    expect(second.body.data.map((row) => row.id)).toEqual([ids.get('bad')]);
    expect(second.body.next_before).toBeNull();
    expect(second.body.matching).toBe(3);
  });

  it('runs long chains of negations and deep groups within the bounds, refuses beyond them with a 400', async () => {
    const negations = Array.from({ length: 60 }, (_, index) => `-w${index}`).join(' ');
    expect((await search(`needle ${negations}`)).body.data.map((row) => row.id)).toEqual([ids.get('good')]);
    expect((await search(Array.from({ length: 65 }, (_, index) => `-w${index}`).join(' '))).body.error?.code).toBe('invalid_query');
    const deep = `${'(a OR -'.repeat(8)}needle${')'.repeat(8)}`;
    expect((await search(deep)).status).toBe(200);
    expect((await search(`${'-'.repeat(40)}needle`)).body.error?.code).toBe('invalid_query');
  });

  it('answers a query it cannot read with 400 invalid_query naming the term', async () => {
    const bad = await search('verdict:banana');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'invalid_query', message: 'verdict: expected valid, invalid or unverifiable, got "banana"' });
    expect((await search('colour:blue')).body.error?.message).toMatch(/unknown qualifier "colour"/);
    expect((await search('(verdict:invalid')).status).toBe(400);
  });

  it('finds a capture the moment it is listed, before the background indexer ran', async () => {
    await t.send('/fresh', { body: 'zebra-crossing' });
    expect(await names('zebra')).toHaveLength(1);
  });

  it('shows the first diagnosis of an invalid capture in its summary', async () => {
    const page = await search('reason:body_reserialized');
    expect(page.body.data[0]?.verification).toMatchObject({
      verdict: 'invalid',
      reason: 'signature_mismatch',
      diagnosis: 'body_reserialized',
    });
  });
});

describe('the index follows changes to the history', () => {
  it('forgets a deleted capture and re-files captures whose verdict changed', async () => {
    const endpoint = (await t.api<{ data: Endpoint }>('POST', '/endpoints', { name: 'Rotating', path: '/rotating', secret: 'old-secret' }))
      .body.data;
    const body = JSON.stringify({ event: 'project.created', data: { tag: 'rotation-check' } });
    for (let index = 0; index < 3; index += 1) {
      await t.send('/rotating', { headers: { 'content-type': 'application/json', ...signDcisionAI('new-secret', body) }, body });
    }
    const before = await search('rotation verdict:invalid');
    expect(before.body.matching).toBe(3);
    await t.api('PUT', `/endpoints/${endpoint.id}`, { secret: 'new-secret' });
    const after = await (async () => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const page = await search('rotation verdict:valid');
        if (page.body.matching === 3) return page;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return search('rotation verdict:valid');
    })();
    expect(after.body.matching).toBe(3);
    expect((await search('rotation verdict:invalid')).body.matching).toBe(0);
    expect((await search('rotation reason:signature_mismatch')).body.matching).toBe(0);

    const victim = after.body.data[0]?.id as number;
    expect((await t.api('DELETE', `/requests/${victim}`)).status).toBe(200);
    const remaining = await search('rotation');
    expect(remaining.body.matching).toBe(2);
    expect(remaining.body.data.map((row) => row.id)).not.toContain(victim);
    // The index itself holds no trace of the old verdicts nor of the deleted capture (the list
    // would hide such leftovers behind its join with the captures, so look at the index directly).
    const db = new Database(join(t.dataDir, 'hookscope.db'), { readonly: true });
    const count = (match: string) => db.prepare('SELECT count(*) FROM capture_search WHERE capture_search MATCH ?').pluck().get(match);
    expect(count('"rotation"')).toBe(2);
    expect(count('"rotation" AND "~vvalid"')).toBe(2);
    expect(count('"rotation" AND "~vinvalid"')).toBe(0);
    db.close();
  });
});

describe('the README', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');

  it('documents every qualifier the parser knows', () => {
    const table = readme.slice(readme.indexOf('### Find a capture'), readme.indexOf('### Pin and keep'));
    for (const qualifier of HISTORY_QUALIFIERS) expect(table, qualifier.key).toContain(`\`${qualifier.key}:`);
  });

  it('shows examples the engine runs', async () => {
    const block = /```text\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('### Find a capture')))?.[1] ?? '';
    const examples = block
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/\s{3,}/)[0] as string);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect((await search(example)).status, example).toBe(200);
  });
});

describe('indexing at start-up', () => {
  it('indexes in the background what the last run left unindexed, without waiting for a search', async () => {
    const first = await startTestEngine();
    for (let index = 0; index < 3; index += 1) await first.send('/left', { body: `leftover ${index}` });
    // Stopped before the indexer's quiet moment: nothing of it is indexed yet.
    await first.stop({ keepData: true });
    const watermark = () => {
      const db = new Database(join(first.dataDir, 'hookscope.db'), { readonly: true });
      try {
        return db.prepare('SELECT indexed_through FROM history_state').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    expect(watermark()).toBe(0);
    const second = await startTestEngine({ dataDir: first.dataDir });
    try {
      const started = Date.now();
      while (watermark() < 3 && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(watermark()).toBe(3);
    } finally {
      await second.stop();
    }
  });
});

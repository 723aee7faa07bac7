// `hookscope replay` as users run it: the launcher as a child process. A capture is replayed by a
// real `serve` child (found through its instance.json) to a real sink; a HAR file (one the serve
// exported, and hand-written ones) is replayed offline to sinks answering 200, then 500.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { CATCH_ALL_ENDPOINT_ID, type SentPage } from '../../src/shared/api';
import { header, startHttpSink, type HttpSink } from '../helpers/http-sink';
import { hookscope, jsonLines } from './fixtures/cli';
import { startEngine, type RunningEngine } from './fixtures/engine';
import { sampleEvent, sendSignedWebhook, signDcisionAI } from './fixtures/webhooks';

const SECRET = 'replay-secret';
const stripe = new Stripe('sk_test_oracle_only');

let tmp: string;
let sink: HttpSink;
test.beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hookscope-replay-'));
  // 200, except 500 for any path with "fail" in it.
  sink = await startHttpSink((request, res) => {
    res.writeHead(request.url.includes('fail') ? 500 : 200, { 'content-type': 'text/plain' });
    res.end(`seen ${request.url}`);
  });
});
test.afterEach(async () => {
  await sink.close();
  rmSync(tmp, { recursive: true, force: true });
});

const har = (name: string, entries: unknown[]): string => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  return file;
};
const entry = (url: string, body: { text: string; encoding?: string }, headers: Array<{ name: string; value: string }> = []) => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  request: { method: 'POST', url, httpVersion: 'HTTP/1.1', headers, postData: { mimeType: 'application/octet-stream', ...body } },
});

test.describe('replay <capture-id> through a running serve', () => {
  let engine: RunningEngine;
  test.beforeEach(async () => {
    engine = await startEngine();
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
  });
  test.afterEach(async () => engine.stop());

  test('as-is sends the original bytes and signature, resign a fresh one; a 500 answer and an unknown id are exit 1', async () => {
    const body = sampleEvent('project.created', 'replayed');
    const sentAt = Math.floor(Date.now() / 1000) - 60;
    expect(await sendSignedWebhook(engine.receiver_url, '/orig?q=1', SECRET, body, sentAt)).toBe(200);
    const id = (await engine.listRequests()).data[0]?.id as number;

    const asIs = await hookscope(['replay', String(id), '--to', `${sink.url}/handler`, '--data-dir', engine.dataDir]);
    expect(asIs.code, asIs.stdout + asIs.stderr).toBe(0);
    expect(asIs.stdout).toMatch(
      new RegExp(`^replayed capture ${id} \\(as-is\\) as sent #\\d+: POST ${sink.url}/handler → 200 OK in [\\d.]+ ms\\nseen /handler\\n$`),
    );
    const original = sink.last();
    expect(original.body.equals(body)).toBe(true);
    expect(header(original.headers, 'x-dcisionai-timestamp')).toBe(String(sentAt));
    expect(header(original.headers, 'x-dcisionai-signature')).toBe(signDcisionAI(SECRET, sentAt, body));

    const resigned = await hookscope([
      'replay',
      String(id),
      '--to',
      sink.url,
      '--mode',
      'resign',
      '--secret',
      'another-secret',
      '--json',
      '--data-dir',
      engine.dataDir,
    ]);
    expect(resigned.code, resigned.stderr).toBe(0);
    const [record] = jsonLines(resigned.stdout);
    expect(record).toMatchObject({
      type: 'replay',
      ok: true,
      capture_id: id,
      mode: 'resign',
      sent: { source: 'replay', source_request_id: id, signature: { scheme: 'dcisionai' }, response: { status: 200 } },
    });
    const fresh = sink.last();
    const timestamp = Number(header(fresh.headers, 'x-dcisionai-timestamp'));
    expect(timestamp).toBeGreaterThan(sentAt);
    expect(header(fresh.headers, 'x-dcisionai-signature')).toBe(signDcisionAI('another-secret', timestamp, body));

    // Both replays are in the instance's Sent history.
    const sent = await engine.api<SentPage>('GET', '/sent');
    expect(sent.data.filter((item) => item.source === 'replay' && item.source_request_id === id)).toHaveLength(2);

    const failed = await hookscope(['replay', String(id), '--to', `${sink.url}/fail`, '--url', engine.ui_url, '--token', engine.token]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${sink.url}/fail answered 500 Internal Server Error, not a 2xx status.`);
    const missing = await hookscope(['replay', '999999', '--to', sink.url, '--data-dir', engine.dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`the engine at ${engine.ui_url} has no capture 999999`);
  });

  test('bad usage is exit 2 naming the flag', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['replay'], /replay needs a capture id/],
      [['replay', '1', '--secret', 'x', '--data-dir', engine.dataDir], /--scheme and --secret sign the replay anew: add --mode resign/],
      [['replay', '1', '--mode', 'edited', '--data-dir', engine.dataDir], /--mode must be as-is .* or resign/],
      [['replay', '1', '--to', 'ftp://x', '--data-dir', engine.dataDir], /--to must use http:\/\/ or https:\/\//],
      [['replay', '1', '--expect', '2xx', '--data-dir', engine.dataDir], /--expect belongs to replay --har/],
      [['replay', 'abc', '--data-dir', engine.dataDir], /capture id must be a whole number/],
      [
        ['replay', '1', '--mode', 'resign', '--signature-header', 'X-S', '--data-dir', engine.dataDir],
        /--signature-header describes a custom scheme, which a capture's replay takes from its endpoint/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await hookscope(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });

  test("replay --har replays a HAR the instance exported, offline, with each entry's path and query below --to", async () => {
    const body = sampleEvent('model.trained', 'har');
    await sendSignedWebhook(engine.receiver_url, '/hooks/a?x=1&y=%20', SECRET, body);
    await sendSignedWebhook(engine.receiver_url, '/hooks/fail', SECRET, body);
    const ids = (await engine.listRequests()).data.map((capture) => capture.id).reverse();
    const response = await fetch(`${engine.ui_url}/api/requests/export.har?ids=${ids.join(',')}`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    const file = join(tmp, 'exported.har');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    await engine.stop({ keepData: true });

    const run = await hookscope(['replay', '--har', file, '--to', `${sink.url}/api`]);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^1/2  POST ${sink.url}/api/hooks/a\\?x=1&y=%20 → 200 OK in [\\d.]+ ms  ok$`));
    expect(lines[1]).toMatch(/^2\/2 {2}POST .*\/api\/hooks\/fail → 500 Internal Server Error in [\d.]+ ms {2}MISS \(expected 2xx\)$/);
    expect(lines[2]).toBe(`2 replayed to ${sink.url}/api: 1 answered 2xx, 1 did not.`);
    expect(sink.seen.map((request) => [request.url, request.body.equals(body)])).toEqual([
      ['/api/hooks/a?x=1&y=%20', true],
      ['/api/hooks/fail', true],
    ]);
    // The original headers go out, Host rewritten to the target.
    expect(header(sink.seen[0]?.headers ?? [], 'x-dcisionai-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(header(sink.seen[0]?.headers ?? [], 'host')).toBe(new URL(sink.url).host);
  });
});

test('replay --har: exit 0 when every answer meets --expect, 1 when one misses; --json lines and a summary', async () => {
  const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80]);
  const file = har('set.har', [
    entry('https://hooks.example.com/ok?n=1', { text: '{"n":1}' }, [
      { name: 'X-Test', value: 'one' },
      { name: ':authority', value: 'hooks.example.com' },
    ]),
    entry('/fail', { text: bytes.toString('base64'), encoding: 'base64' }),
  ]);
  const missed = await hookscope(['replay', '--har', file, '--to', sink.url, '--json']);
  expect(missed.code).toBe(1);
  const records = jsonLines(missed.stdout);
  expect(records).toEqual([
    expect.objectContaining({ type: 'replay', entry: 1, status: 200, ok: true, url: `${sink.url}/ok?n=1` }),
    expect.objectContaining({ type: 'replay', entry: 2, status: 500, ok: false }),
    { type: 'summary', total: 2, passed: 1, failed: 1, expect: '2xx', ok: false },
  ]);
  expect(sink.seen[1]?.body.equals(bytes)).toBe(true);
  expect(header(sink.seen[0]?.headers ?? [], 'x-test')).toBe('one');

  const allowed = await hookscope(['replay', '--har', file, '--to', sink.url, '--expect', '2xx,500']);
  expect(allowed.code, allowed.stdout).toBe(0);
  expect(allowed.stdout).toContain('2 replayed to');
  const onlyOk = await hookscope([
    'replay',
    '--har',
    har('ok.har', [entry('http://x/ok', { text: 'a' }), entry('http://x/ok/2', { text: 'b' })]),
    '--to',
    sink.url,
  ]);
  expect(onlyOk.code).toBe(0);

  const closed = await startHttpSink();
  await closed.close();
  const refused = await hookscope(['replay', '--har', file, '--to', closed.url]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toContain('no answer (connection_refused');
});

test("replay --har --mode resign: old signatures are replaced by fresh ones the provider's SDK accepts", async () => {
  const payload = '{"id":"evt_old","object":"event","type":"invoice.paid"}';
  const old = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_har', timestamp: 1_600_000_000 });
  const file = har('stripe.har', [
    entry('https://hooks.example.com/stripe', { text: payload }, [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Stripe-Signature', value: old },
    ]),
  ]);
  const asIs = await hookscope(['replay', '--har', file, '--to', sink.url]);
  expect(asIs.code).toBe(0);
  expect(() =>
    stripe.webhooks.constructEvent(sink.last().body, header(sink.last().headers, 'stripe-signature') ?? '', 'whsec_har'),
  ).toThrow(/tolerance/i);
  const resigned = await hookscope([
    'replay',
    '--har',
    file,
    '--to',
    sink.url,
    '--mode',
    'resign',
    '--scheme',
    'stripe',
    '--secret',
    'whsec_har',
  ]);
  expect(resigned.code, resigned.stderr).toBe(0);
  const seen = sink.last();
  expect(seen.headers.filter(([name]) => name.toLowerCase() === 'stripe-signature')).toHaveLength(1);
  expect(stripe.webhooks.constructEvent(seen.body, header(seen.headers, 'stripe-signature') ?? '', 'whsec_har').id).toBe('evt_old');
});

test('replay --har: an unreadable HAR is exit 2 naming the problem', async () => {
  const notJson = join(tmp, 'broken.har');
  writeFileSync(notJson, '{"log": ');
  const cases: Array<[string[], RegExp]> = [
    [['replay', '--har', join(tmp, 'absent.har'), '--to', sink.url], /--har .*absent\.har: no such file/],
    [['replay', '--har', notJson, '--to', sink.url], /--har .*broken\.har is not JSON/],
    [['replay', '--har', har('empty.har', []), '--to', sink.url], /--har .*empty\.har has no log\.entries/],
    [
      ['replay', '--har', har('odd.har', [{ request: { url: 'http://x/' } }]), '--to', sink.url],
      /entry 1 has no request\.method and request\.url/,
    ],
    [['replay', '--har', har('fine.har', [entry('http://x/', { text: '' })])], /replay --har needs --to URL/],
    [
      ['replay', '--har', har('fine2.har', [entry('http://x/', { text: '' })]), '--to', sink.url, '--expect', 'ok'],
      /--expect takes status classes or statuses/,
    ],
    [
      ['replay', '--har', har('fine3.har', [entry('http://x/', { text: '' })]), '--to', sink.url, '--mode', 'resign'],
      /--mode resign with --har needs --secret X/,
    ],
    [
      ['replay', '--har', har('fine4.har', [entry('http://x/', { text: '' })]), '--to', sink.url, '--data-dir', tmp],
      /--data-dir belongs to replaying a capture/,
    ],
    [
      ['replay', '--har', har('fine5.har', [entry('http://x/', { text: '' })]), '--to', sink.url, '--secret', 'x'],
      /--scheme and --secret sign the requests anew: add --mode resign/,
    ],
  ];
  for (const [args, message] of cases) {
    const run = await hookscope(args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
  }
  expect(sink.seen).toHaveLength(0);
});

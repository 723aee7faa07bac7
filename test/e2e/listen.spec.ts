// `hookscope listen` as users run it: the launcher as a child process, real senders (fetch, signed
// with the providers' official SDKs), a real forward target (node:http sink), and afterwards a
// real `serve` child on the same data directory to read the stored history.
import { createHmac, createPrivateKey, sign as edSign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import type { RequestSummary } from '../../src/shared/api';
import { header, startHttpSink, type HttpSink } from '../helpers/http-sink';
import { hookscope, jsonLines, startHookscope, type Running } from './fixtures/cli';
import { startEngine } from './fixtures/engine';

const stripe = new Stripe('sk_test_oracle_only');
const STRIPE_SECRET = 'whsec_listen_secret';

interface Listening extends Running {
  info: Record<string, unknown>;
  url: string;
  /** The `request` objects printed so far (--json). */
  requests: () => Array<Record<string, unknown>>;
}

async function listen(args: string[]): Promise<Listening> {
  const run = startHookscope(['listen', '--json', '--port', '0', ...args]);
  await expect
    .poll(() => jsonLines(run.stdout()).length, { message: `no listening line; stderr: ${run.stderr()}`, timeout: 20_000 })
    .toBeGreaterThan(0);
  const info = jsonLines(run.stdout())[0] as Record<string, unknown>;
  expect(info.type).toBe('listening');
  return { ...run, info, url: info.url as string, requests: () => jsonLines(run.stdout()).filter((line) => line.type === 'request') };
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: await response.text() };
}

const stripeEvent = (type: string, id: string) =>
  `{"id":"${id}","object":"event","type":"${type}",  "data":{"object":{"note":"spaces  and ünïcode kept"}}}`;
const stripeHeaders = (payload: string, secret = STRIPE_SECRET) => ({
  'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
});

let dataDir: string;
let sink: HttpSink;
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hookscope-listen-'));
  sink = await startHttpSink((request, res) => {
    res.writeHead(request.url.includes('fail') ? 500 : 202, { 'content-type': 'text/plain', 'x-from': 'sink' });
    res.end(`sink saw ${request.url}`);
  });
});
test.afterEach(async () => {
  await sink.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('forwards the exact bytes, path and query; prints valid for an SDK-signed request and invalid with the reason for a bad one; SIGINT exits 0', async () => {
  const run = await listen(['--forward-to', `${sink.url}/base`, '--scheme', 'stripe', '--secret', STRIPE_SECRET, '--data-dir', dataDir]);
  expect(run.info).toMatchObject({
    scheme: 'stripe',
    secret: STRIPE_SECRET,
    secret_generated: false,
    forward_to: `${sink.url}/base`,
    events: null,
    data_dir: dataDir,
  });
  expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

  const payload = stripeEvent('payment_intent.succeeded', 'evt_listen_1');
  const answer = await post(`${run.url}hooks/stripe?x=1&y=%20z`, payload, stripeHeaders(payload));
  // The sender gets the target's answer.
  expect(answer).toEqual({ status: 202, body: 'sink saw /base/hooks/stripe?x=1&y=%20z' });
  const seen = sink.last();
  expect(seen.url).toBe('/base/hooks/stripe?x=1&y=%20z');
  expect(seen.body.equals(Buffer.from(payload, 'utf8'))).toBe(true);
  expect(stripe.webhooks.constructEvent(seen.body, header(seen.headers, 'stripe-signature') ?? '', STRIPE_SECRET).id).toBe('evt_listen_1');

  const bad = stripeEvent('payment_intent.succeeded', 'evt_listen_2');
  expect((await post(`${run.url}fail`, bad, stripeHeaders(bad, 'whsec_someone_else'))).status).toBe(500);
  await expect.poll(() => run.requests().length).toBe(2);
  const [first, second] = run.requests();
  expect(first).toMatchObject({
    method: 'POST',
    path: '/hooks/stripe',
    query: 'x=1&y=%20z',
    event: 'payment_intent.succeeded',
    verification: { verdict: 'valid', reason: 'ok' },
    forward: { status: 202, error: null },
    skipped: false,
  });
  expect(typeof (first?.forward as { duration_ms: number }).duration_ms).toBe('number');
  expect(second).toMatchObject({
    path: '/fail',
    verification: { verdict: 'invalid', reason: 'signature_mismatch' },
    forward: { status: 500 },
  });

  run.child.kill('SIGINT');
  expect(await run.exit).toBe(0);
  expect(run.stderr()).toContain('SIGINT received');
});

test("human lines: time, method, path, event, verdict and reason, the target's status and latency, or the forward error", async () => {
  const closed = await startHttpSink();
  const closedUrl = closed.url;
  await closed.close();
  const run = startHookscope([
    'listen',
    '--port',
    '0',
    '--forward-to',
    closedUrl,
    '--scheme',
    'stripe',
    '--secret',
    STRIPE_SECRET,
    '--data-dir',
    dataDir,
  ]);
  await expect.poll(() => run.stdout(), { timeout: 20_000 }).toContain('Ctrl-C stops.');
  const url = /point your webhooks at (\S+)/.exec(run.stdout())?.[1] as string;
  expect(run.stdout()).toContain(`  Secret:     ${STRIPE_SECRET}\n`);
  expect(run.stdout()).toContain(`  Forward to: ${closedUrl}\n`);
  const payload = stripeEvent('charge.refunded', 'evt_listen_3');
  const answer = await post(`${url}refunds`, payload, stripeHeaders(payload));
  expect(answer.status).toBe(502);
  await expect
    .poll(() => run.stdout())
    .toMatch(
      /\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}POST {2}\/refunds {2}charge\.refunded {2}valid ok {2}→ forward failed \(connection_refused\) in [\d.]+ ms: Connection refused/,
    );
  run.child.kill('SIGTERM');
  expect(await run.exit).toBe(0);
});

test('--events forwards only those types; the others are captured and printed as skipped; the history is in the store afterwards', async () => {
  const run = await listen([
    '--forward-to',
    sink.url,
    '--scheme',
    'stripe',
    '--secret',
    STRIPE_SECRET,
    '--events',
    'payment_intent.*,customer.created',
    '--data-dir',
    dataDir,
  ]);
  expect(run.info.events).toEqual(['payment_intent.*', 'customer.created']);
  for (const [type, id] of [
    ['payment_intent.created', 'evt_a'],
    ['invoice.paid', 'evt_b'],
    ['customer.created', 'evt_c'],
  ]) {
    const payload = stripeEvent(type as string, id as string);
    expect((await post(`${run.url}${id}`, payload, stripeHeaders(payload))).status).toBeLessThan(300);
  }
  await expect
    .poll(() => run.requests().map((line) => [line.event, line.skipped]))
    .toEqual([
      ['payment_intent.created', false],
      ['invoice.paid', true],
      ['customer.created', false],
    ]);
  expect(sink.seen.map((request) => request.url)).toEqual(['/evt_a', '/evt_c']);
  expect(run.requests()[1]?.forward).toBeNull();
  run.child.kill('SIGINT');
  expect(await run.exit).toBe(0);

  // The same store as the app: a serve on this data directory lists the three captures, verdicts kept.
  const engine = await startEngine({ dataDir });
  try {
    const page = await engine.listRequests();
    const captures = [...page.data]
      .reverse()
      .map((capture: RequestSummary) => [capture.path, capture.event, capture.verification.verdict, capture.endpoint_id]);
    expect(captures).toEqual([
      ['/evt_a', 'payment_intent.created', 'valid', 'listen'],
      ['/evt_b', 'invoice.paid', 'valid', 'listen'],
      ['/evt_c', 'customer.created', 'valid', 'listen'],
    ]);
    // The detail keeps listen's verdict and says where it came from (its secret is not stored).
    const detail = await engine.api<{ data: { verification: { verdict: string; diagnosis: Array<{ code: string; message: string }> } } }>(
      'GET',
      `/requests/${page.data[0]?.id}`,
    );
    expect(detail.data.verification.verdict).toBe('valid');
    expect(detail.data.verification.diagnosis[0]?.message).toContain('arrived through hookscope listen, whose secret is not stored');
    // The app's own catch-all endpoint is untouched by the run.
    const endpoints = await engine.api<{ data: Array<{ id: string; scheme: string }> }>('GET', '/endpoints');
    expect(endpoints.data.map((endpoint) => endpoint.id)).toEqual(['ep_default']);
  } finally {
    await engine.stop({ keepData: true });
  }
});

test("without --secret a secret is generated and printed; a request signed with it by svix's SDK is valid", async () => {
  const run = await listen(['--scheme', 'svix', '--data-dir', dataDir]);
  expect(run.info).toMatchObject({ scheme: 'svix', secret_generated: true, forward_to: null });
  const secret = run.info.secret as string;
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  const payload = '{"type":"user.created","data":{"id":"u_1"}}';
  const now = new Date();
  const signature = new SvixWebhook(secret).sign('msg_listen_1', now, payload);
  const answer = await post(`${run.url}svix`, payload, {
    'svix-id': 'msg_listen_1',
    'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
    'svix-signature': signature,
  });
  // Nothing to forward to: the endpoint's default answer.
  expect(answer).toEqual({ status: 200, body: '{"received": true}' });
  await expect
    .poll(() => run.requests())
    .toEqual([
      expect.objectContaining({
        event: 'user.created',
        verification: expect.objectContaining({ verdict: 'valid' }),
        forward: null,
        skipped: false,
      }),
    ]);
  run.child.kill('SIGTERM');
  expect(await run.exit).toBe(0);
});

test('--scheme discord without --secret: a key pair is generated, the private key printed; a PING signed with it is answered and valid', async () => {
  const run = await listen(['--scheme', 'discord', '--data-dir', dataDir]);
  expect(run.info).toMatchObject({ scheme: 'discord', secret_generated: true });
  const publicHex = run.info.secret as string;
  const privateHex = run.info.private_key as string;
  expect(publicHex).toMatch(/^[0-9a-f]{64}$/);
  expect(privateHex).toMatch(/^[0-9a-f]{128}$/);
  // The tweetnacl form: the seed, then the public key.
  const key = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: Buffer.from(privateHex.slice(0, 64), 'hex').toString('base64url'),
      x: Buffer.from(publicHex, 'hex').toString('base64url'),
    },
  });
  const ping = '{"type":1,"application_id":"1","version":1}';
  const time = String(Math.floor(Date.now() / 1000));
  const signature = edSign(null, Buffer.from(time + ping), key).toString('hex');
  const answer = await post(`${run.url}interactions`, ping, { 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': time });
  expect(answer).toEqual({ status: 200, body: '{"type":1}' });
  await expect
    .poll(() => run.requests())
    .toEqual([expect.objectContaining({ verification: expect.objectContaining({ verdict: 'valid' }) })]);
  run.child.kill('SIGTERM');
  expect(await run.exit).toBe(0);
});

test('--scheme custom: a request signed as the custom flags describe is valid, another is invalid', async () => {
  const run = await listen([
    '--scheme',
    'custom',
    '--signature-header',
    'X-Acme-Signature',
    '--signed-content',
    '{timestamp}.{body}',
    '--timestamp-header',
    'X-Acme-Time',
    '--secret',
    'acme',
    '--data-dir',
    dataDir,
  ]);
  expect(run.info).toMatchObject({
    scheme: 'custom',
    custom: { signature_header: 'X-Acme-Signature', signed_content: '{timestamp}.{body}', timestamp_header: 'X-Acme-Time' },
  });
  const payload = '{"event":"order.paid"}';
  const time = String(Math.floor(Date.now() / 1000));
  const sign = (secret: string) => createHmac('sha256', secret).update(`${time}.${payload}`).digest('hex');
  await post(`${run.url}acme`, payload, { 'X-Acme-Time': time, 'X-Acme-Signature': sign('acme') });
  await post(`${run.url}acme`, payload, { 'X-Acme-Time': time, 'X-Acme-Signature': sign('other') });
  await expect
    .poll(() => run.requests().map((line) => line.verification as { verdict: string; reason: string }))
    .toEqual([
      expect.objectContaining({ verdict: 'valid', reason: 'ok', scheme: 'custom' }),
      expect.objectContaining({ verdict: 'invalid', reason: 'signature_mismatch' }),
    ]);
  run.child.kill('SIGINT');
  expect(await run.exit).toBe(0);
});

test('a taken port is exit 2 naming --port; --events without --forward-to and a forward to itself are exit 2', async () => {
  const port = new URL(sink.url).port;
  const taken = await hookscope(['listen', '--port', port, '--data-dir', dataDir]);
  expect(taken.code).toBe(2);
  expect(taken.stderr.trim()).toBe(
    `hookscope: port ${port} on 127.0.0.1 is already in use; choose another with --port (0 picks a free one).`,
  );
  const cases: Array<[string[], RegExp]> = [
    [['listen', '--events', 'a', '--data-dir', dataDir], /--events chooses what is forwarded: give --forward-to URL too/],
    [
      ['listen', '--port', '4799', '--forward-to', 'http://localhost:4799/x', '--data-dir', dataDir],
      /--forward-to points at Hookscope's own receiver/,
    ],
    [['listen', '--forward-to', 'ftp://x', '--data-dir', dataDir], /--forward-to must use http:\/\/ or https:\/\//],
    [['listen', '--port', 'many', '--data-dir', dataDir], /--port must be a whole number from 0 to 65535/],
  ];
  for (const [args, message] of cases) {
    const run = await hookscope(args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  }
});

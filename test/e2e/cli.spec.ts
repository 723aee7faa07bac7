// The `hookscope` command line, run as users run it: bin/hookscope.mjs as a child process against
// real sinks (node:http servers in this process). Lives in the Playwright phase because it needs
// out/ (npm test builds between the vitest and Playwright phases); no browser is started.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { signDcisionAI } from '../helpers/dcisionai-signer';
import { header, startHttpSink, type HttpSink } from '../helpers/http-sink';
import { hookscope, jsonLines, launcher, root } from './fixtures/cli';

const stripe = new Stripe('sk_test_oracle_only');
const SECRET = 'cli-secret';
const BODY = '{"event":"project.created","data":{"id":"proj_1234567890","name":"CLI"}}';

const dcisionaiFlags = (headers: Record<string, string>): string[] =>
  Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]);

let tmp: string;
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'hookscope-cli-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('hookscope --help and <command> --help print their usage and exit 0; no command or an unknown one is exit 2', async () => {
  const top = await hookscope(['--help']);
  expect(top.code).toBe(0);
  expect(top.stdout).toMatch(/^Usage: hookscope <command>/);
  for (const command of ['serve', 'listen', 'verify', 'trigger', 'tail', 'replay']) expect(top.stdout).toContain(`  ${command} `);
  expect(top.stdout).not.toContain('Coming later');
  const verify = await hookscope(['verify', '--help']);
  expect(verify.code).toBe(0);
  expect(verify.stdout).toContain('--raw-file F');
  const tail = await hookscope(['tail', '--help']);
  expect(tail.code).toBe(0);
  expect(tail.stdout).toMatch(/^Usage: hookscope tail /);
  for (const command of ['listen', 'replay']) {
    const help = await hookscope([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: hookscope ${command} `));
  }
  const serve = await hookscope(['serve', '--help']);
  expect(serve.stdout).toMatch(/^Usage: hookscope serve/);
  expect(serve.stdout).toContain('--receiver-port N');
  const none = await hookscope([]);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('Usage: hookscope <command>');
  const unknown = await hookscope(['frobnicate', '--json']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown command "frobnicate"; use one of serve, verify, trigger, tail, listen, replay');
  expect(jsonLines(unknown.stdout)).toEqual([{ type: 'error', message: 'unknown command "frobnicate"', exit_code: 2 }]);
});

test('verify: valid is exit 0, a wrong secret is exit 1 with the diagnosis, missing headers are exit 1', async () => {
  const headers = signDcisionAI(SECRET, BODY);
  const valid = await hookscope(['verify', '--secret', SECRET, ...dcisionaiFlags(headers)], BODY);
  expect(valid.code, valid.stderr).toBe(0);
  expect(valid.stdout).toMatch(/^valid \(dcisionai\): ok/);

  const wrongSecret = await hookscope(['verify', '--secret', 'not-the-secret', ...dcisionaiFlags(headers)], BODY);
  expect(wrongSecret.code).toBe(1);
  expect(wrongSecret.stdout).toMatch(/^invalid \(dcisionai\): signature_mismatch/);
  expect(wrongSecret.stdout).toContain(`received signature: ${headers['X-DcisionAI-Signature']}`);

  // The body file holds a re-serialized copy: the diagnosis names it.
  const bodyFile = join(tmp, 'pretty.json');
  writeFileSync(bodyFile, JSON.stringify(JSON.parse(BODY), null, 2));
  const reserialized = await hookscope(['verify', '--secret', SECRET, '--body-file', bodyFile, ...dcisionaiFlags(headers)]);
  expect(reserialized.code).toBe(1);
  expect(reserialized.stdout).toContain('[body_reserialized]');

  const missing = await hookscope(['verify', '--secret', SECRET], BODY);
  expect(missing.code).toBe(1);
  expect(missing.stdout).toMatch(/^invalid \(dcisionai\): missing_header/);
});

test('verify --json prints one verification object; --now checks the timestamp against another clock', async () => {
  const sentAt = 1_700_000_000;
  const headers = signDcisionAI(SECRET, BODY, sentAt);
  const onTime = await hookscope(['verify', '--json', '--secret', SECRET, '--now', String(sentAt + 10), ...dcisionaiFlags(headers)], BODY);
  expect(onTime.code).toBe(0);
  const [record, ...more] = jsonLines(onTime.stdout);
  expect(more).toEqual([]);
  expect(record).toMatchObject({
    type: 'verification',
    scheme: 'dcisionai',
    verdict: 'valid',
    reason: 'ok',
    tolerance_seconds: 300,
    timestamp: { value: sentAt, age_seconds: 10 },
    diagnosis: [],
  });
  expect(record?.signed_content_size).toBe(`${sentAt}.`.length + BODY.length);

  const late = await hookscope(['verify', '--json', '--secret', SECRET, '--now', '2023-11-14T22:30:00Z', ...dcisionaiFlags(headers)], BODY);
  expect(late.code).toBe(1);
  expect(jsonLines(late.stdout)[0]).toMatchObject({ verdict: 'invalid', reason: 'timestamp_expired' });
});

test('verify checks Stripe and GitHub requests signed by their official SDKs', async () => {
  const stripeHeader = stripe.webhooks.generateTestHeaderString({ payload: BODY, secret: 'whsec_cli' });
  const valid = await hookscope(
    ['verify', '--scheme', 'stripe', '--secret', 'whsec_cli', '--header', `Stripe-Signature: ${stripeHeader}`],
    BODY,
  );
  expect(valid.code, valid.stdout + valid.stderr).toBe(0);
  const wrong = await hookscope(
    ['verify', '--scheme', 'stripe', '--secret', 'whsec_other', '--header', `Stripe-Signature: ${stripeHeader}`],
    BODY,
  );
  expect(wrong.code).toBe(1);

  const githubSignature = await octokitSign('gh-secret', BODY);
  const github = await hookscope(
    ['verify', '--scheme', 'github', '--secret', 'gh-secret', '--header', `X-Hub-Signature-256: ${githubSignature}`],
    BODY,
  );
  expect(github.code, github.stdout).toBe(0);
});

test("verify reads a raw HTTP request file and a HAR entry (on the entry's own clock)", async () => {
  const sentAt = 1_700_000_000;
  const headers = signDcisionAI(SECRET, BODY, sentAt);
  const raw = join(tmp, 'request.http');
  writeFileSync(
    raw,
    `POST /webhooks HTTP/1.1\r\nHost: example.test\r\nContent-Type: application/json\r\n${Object.entries(headers)
      .map(([n, v]) => `${n}: ${v}\r\n`)
      .join('')}\r\n${BODY}`,
  );
  const fromRaw = await hookscope(['verify', '--secret', SECRET, '--raw-file', raw, '--now', String(sentAt)]);
  expect(fromRaw.code, fromRaw.stdout + fromRaw.stderr).toBe(0);

  const har = join(tmp, 'captures.har');
  const entry = (body: string) => ({
    startedDateTime: new Date((sentAt + 5) * 1000).toISOString(),
    request: {
      method: 'POST',
      url: 'http://example.test/webhooks',
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      postData: { mimeType: 'application/json', text: body },
    },
  });
  writeFileSync(har, JSON.stringify({ log: { version: '1.2', entries: [entry(`${BODY} `), entry(BODY)] } }));
  const first = await hookscope(['verify', '--secret', SECRET, '--har', har, '--json']);
  expect(first.code).toBe(1);
  expect(jsonLines(first.stdout)[0]).toMatchObject({ reason: 'signature_mismatch' });
  const second = await hookscope(['verify', '--secret', SECRET, '--har', har, '--entry', '2', '--json']);
  expect(second.code, second.stdout).toBe(0);
  expect(jsonLines(second.stdout)[0]).toMatchObject({ verdict: 'valid', timestamp: { value: sentAt, age_seconds: 5 } });
  const beyond = await hookscope(['verify', '--secret', SECRET, '--har', har, '--entry', '3']);
  expect(beyond.code).toBe(2);
  expect(beyond.stderr).toContain('--entry must be a whole number from 1 to 2');
});

test('verify --method: HubSpot signs the method; a raw file gives its own, --method overrides it', async () => {
  const url = 'https://example.test/hubspot';
  const ts = '1700000000000';
  const signature = createHmac('sha256', 'hs-secret').update(`PUT${url}${BODY}${ts}`).digest('base64');
  const flags = [
    'verify',
    '--scheme',
    'hubspot',
    '--secret',
    'hs-secret',
    '--url',
    url,
    '--now',
    '1700000010',
    '--header',
    `X-HubSpot-Signature-v3: ${signature}`,
    '--header',
    `X-HubSpot-Request-Timestamp: ${ts}`,
  ];
  const put = await hookscope([...flags, '--method', 'PUT'], BODY);
  expect(put.code, put.stdout + put.stderr).toBe(0);
  const assumedPost = await hookscope(flags, BODY);
  expect(assumedPost.code).toBe(1);
  const raw = join(tmp, 'hubspot.http');
  writeFileSync(
    raw,
    `PUT /hubspot HTTP/1.1\r\nHost: example.test\r\nX-HubSpot-Signature-v3: ${signature}\r\nX-HubSpot-Request-Timestamp: ${ts}\r\n\r\n${BODY}`,
  );
  const fromRaw = await hookscope([
    'verify',
    '--scheme',
    'hubspot',
    '--secret',
    'hs-secret',
    '--raw-file',
    raw,
    '--url',
    url,
    '--now',
    '1700000010',
  ]);
  expect(fromRaw.code, fromRaw.stdout + fromRaw.stderr).toBe(0);
  const overridden = await hookscope([
    'verify',
    '--scheme',
    'hubspot',
    '--secret',
    'hs-secret',
    '--raw-file',
    raw,
    '--url',
    url,
    '--now',
    '1700000010',
    '--method',
    'POST',
  ]);
  expect(overridden.code).toBe(1);
  const bad = await hookscope([...flags, '--method', 'P U T'], BODY);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--method must be an HTTP method such as POST');
});

test('verify and trigger: bad usage is exit 2 with one sentence naming the flag', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['verify'], /verify needs --secret X/],
    [['verify', '--secret', 'x', '--scheme', 'nope'], /--scheme "nope" is not a built-in scheme; use one of dcisionai,/],
    [['verify', '--secret', 'x', '--header', 'no colon'], /--header must look like 'Name: value'/],
    [['verify', '--secret', 'x', '--body-file', join(tmp, 'absent')], /--body-file .*absent: no such file/],
    [['verify', '--secret', 'x', '--now', 'yesterday'], /--now must be Unix seconds/],
    [['trigger', 'project.created'], /trigger needs --to URL/],
    [['trigger', '--to', 'http://127.0.0.1:9/'], /trigger needs an event type/],
    [['trigger', 'project.created', '--to', 'ftp://x/'], /--to must use http:\/\/ or https:\/\//],
    [
      ['trigger', 'thing.happened', '--to', 'http://127.0.0.1:9/'],
      /"thing.happened" is not in the event catalog, so give its payload with --data/,
    ],
    [['trigger', 'project.created', '--to', 'http://127.0.0.1:9/', '--data', '{oops'], /--data is not JSON/],
    [['trigger', 'project.created', '--to', 'http://127.0.0.1:9/', '--scheme', 'stripe'], /need --secret X too/],
    [['serve', '--colour', 'red'], /Unknown option "--colour"/],
  ];
  for (const [args, message] of cases) {
    const run = await hookscope(args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
  }
  const json = await hookscope(['trigger', 'project.created', '--json']);
  expect(json.code).toBe(2);
  expect(jsonLines(json.stdout)).toEqual([{ type: 'error', message: expect.stringMatching(/trigger needs --to URL/), exit_code: 2 }]);
});

test("--scheme custom: verify and trigger take the custom scheme's flags; a bad one is exit 2 naming the flag", async () => {
  const custom = [
    '--scheme',
    'custom',
    '--signature-header',
    'X-Acme-Signature',
    '--signature-prefix',
    'sha512=',
    '--signed-content',
    '{timestamp}:{body}',
    '--timestamp-header',
    'X-Acme-Time',
    '--algorithm',
    'sha512',
    '--encoding',
    'base64',
  ];
  // What an Acme sender computes, independently of the engine.
  const acme = (secret: string, timestamp: number | string, body: string | Buffer) =>
    `sha512=${createHmac('sha512', secret).update(`${timestamp}:`).update(body).digest('base64')}`;
  const sentAt = 1_700_000_000;
  const signed = [
    '--header',
    `X-Acme-Time: ${sentAt}`,
    '--header',
    `X-Acme-Signature: ${acme('acme-secret', sentAt, BODY)}`,
    '--now',
    String(sentAt + 1),
  ];
  const valid = await hookscope(['verify', ...custom, '--secret', 'acme-secret', ...signed], BODY);
  expect(valid.code, valid.stdout + valid.stderr).toBe(0);
  expect(valid.stdout).toMatch(/^valid \(custom\): ok/);
  const wrong = await hookscope(['verify', ...custom, '--secret', 'not-acme', ...signed], BODY);
  expect(wrong.code).toBe(1);
  expect(wrong.stdout).toMatch(/^invalid \(custom\): signature_mismatch/);

  const sink = await startHttpSink();
  try {
    const sent = await hookscope(['trigger', 'project.created', '--to', sink.url, ...custom, '--secret', 'acme-secret']);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    expect(sent.stdout).toContain('(signed custom, t=');
    const seen = sink.last();
    expect(header(seen.headers, 'x-acme-signature')).toBe(acme('acme-secret', header(seen.headers, 'x-acme-time') ?? '', seen.body));
  } finally {
    await sink.close();
  }

  const cases: Array<[string[], RegExp]> = [
    [['verify', '--secret', 'x', '--scheme', 'custom'], /--scheme custom needs --signature-header NAME/],
    [
      ['verify', '--secret', 'x', '--scheme', 'custom', '--signature-header', 'X-S', '--algorithm', 'md5'],
      /--algorithm must be one of sha1, sha256, sha512; got "md5"/,
    ],
    [
      ['verify', '--secret', 'x', '--scheme', 'custom', '--signature-header', 'X-S', '--signed-content', '{nonce}.{body}'],
      /--signed-content has an unknown placeholder \{nonce\}/,
    ],
    [
      ['verify', '--secret', 'x', '--scheme', 'custom', '--signature-header', 'X-S', '--signed-content', '{timestamp}.{body}'],
      /--signed-content uses \{timestamp\}: set --timestamp-header/,
    ],
    [['verify', '--secret', 'x', '--scheme', 'custom', '--signature-header', 'X S'], /--signature-header must be a header name/],
    [['verify', '--secret', 'x', '--signature-header', 'X-S'], /--signature-header describes a custom scheme: add --scheme custom/],
    [
      [
        'trigger',
        'project.created',
        '--to',
        'http://127.0.0.1:9/',
        '--secret',
        'x',
        '--scheme',
        'custom',
        '--signature-header',
        'X-S',
        '--secret-encoding',
        'rot13',
      ],
      /--secret-encoding must be one of utf8, base64, hex, whsec/,
    ],
    [
      ['listen', '--scheme', 'custom', '--signature-header', 'X-S', '--timestamp-unit', 'h'],
      /--timestamp-unit must be one of s, ms; got "h"/,
    ],
  ];
  for (const [args, message] of cases) {
    const run = await hookscope(args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
  }
});

test.describe('trigger', () => {
  let sink: HttpSink;
  test.beforeEach(async () => {
    // Answers 204 to a request whose DcisionAI signature the independent signer reproduces, else
    // 401, and 500 on /fail.
    sink = await startHttpSink((request, res) => {
      const timestamp = Number(header(request.headers, 'x-dcisionai-timestamp'));
      const expected = signDcisionAI(SECRET, request.body, timestamp)['X-DcisionAI-Signature'];
      res.statusCode = request.url === '/fail' ? 500 : header(request.headers, 'x-dcisionai-signature') === expected ? 204 : 401;
      res.end(res.statusCode === 401 ? 'bad signature' : '');
    });
  });
  test.afterEach(() => sink.close());

  test('sends a catalog event the receiver verifies independently; a 500 answer is exit 1', async () => {
    const sent = await hookscope(['trigger', 'model.trained', '--to', `${sink.url}/hooks?x=1`, '--secret', SECRET]);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(
      new RegExp(`^POST ${sink.url}/hooks\\?x=1 model.trained \\(signed dcisionai, t=\\d+\\) → 204 No Content in [\\d.]+ ms`),
    );
    const seen = sink.last();
    expect(seen.url).toBe('/hooks?x=1');
    const payload = JSON.parse(seen.body.toString('utf8')) as { event: string; data: { id: string } };
    expect(payload.event).toBe('model.trained');
    expect(payload.data.id).toMatch(/^model_\d+$/);

    const wrongSecret = await hookscope(['trigger', 'model.trained', '--to', sink.url, '--secret', 'other']);
    expect(wrongSecret.code).toBe(1);
    expect(wrongSecret.stdout).toContain('→ 401 Unauthorized');
    expect(wrongSecret.stdout).toContain('bad signature');
    expect(wrongSecret.stderr).toContain(`${sink.url} answered 401 Unauthorized, not a 2xx status.`);

    const failed = await hookscope(['trigger', 'project.created', '--to', `${sink.url}/fail`, '--secret', SECRET, '--json']);
    expect(failed.code).toBe(1);
    expect(jsonLines(failed.stdout)[0]).toMatchObject({ type: 'delivery', ok: false, status: 500, error: null });
  });

  test('--json, --data and --timestamp: the record names what went out and what came back', async () => {
    const dataFile = join(tmp, 'data.json');
    writeFileSync(dataFile, '{"id":"proj_42","name":"From a file"}');
    const run = await hookscope([
      'trigger',
      'project.created',
      '--to',
      sink.url,
      '--secret',
      SECRET,
      '--data',
      `@${dataFile}`,
      '--timestamp',
      '1700000000',
      '--json',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [record, ...more] = jsonLines(run.stdout);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      type: 'delivery',
      ok: true,
      event: 'project.created',
      url: sink.url,
      method: 'POST',
      signature: { scheme: 'dcisionai', timestamp: 1700000000 },
      status: 204,
      error: null,
      response: { body: '', truncated: false },
    });
    expect(typeof record?.duration_ms).toBe('number');
    expect(sink.last().body.toString('utf8')).toBe('{"event":"project.created","data":{"id":"proj_42","name":"From a file"}}');
    expect(header(sink.last().headers, 'x-dcisionai-timestamp')).toBe('1700000000');
  });

  test("signs with Stripe's and Standard Webhooks' schemes so their official SDKs accept it; a refused connection is exit 1 naming it", async () => {
    const sent = await hookscope(['trigger', 'dataset.processed', '--to', sink.url, '--scheme', 'stripe', '--secret', 'whsec_cli']);
    // The sink checks DcisionAI signatures only, so it refuses this one: the Stripe SDK is the judge here.
    expect(sent.code).toBe(1);
    expect(sent.stdout).toContain('(signed stripe, t=');
    const seen = sink.last();
    const event = stripe.webhooks.constructEvent(seen.body, header(seen.headers, 'stripe-signature') ?? '', 'whsec_cli') as unknown as {
      event: string;
    };
    expect(event.event).toBe('dataset.processed');

    const secret = `whsec_${Buffer.from('cli-standard-secret').toString('base64')}`;
    expect(
      (await hookscope(['trigger', 'prediction.completed', '--to', sink.url, '--scheme', 'standard-webhooks', '--secret', secret])).code,
    ).toBe(1);
    const standard = sink.last();
    const lowered = Object.fromEntries(standard.headers.map(([name, value]) => [name.toLowerCase(), value]));
    expect((new StandardWebhook(secret).verify(standard.body.toString('utf8'), lowered) as { event: string }).event).toBe(
      'prediction.completed',
    );

    const closed = `http://127.0.0.1:${new URL(sink.url).port}`;
    await sink.close();
    const refused = await hookscope(['trigger', 'project.created', '--to', closed, '--json']);
    expect(refused.code).toBe(1);
    expect(jsonLines(refused.stdout)[0]).toMatchObject({ ok: false, status: null, error: { code: 'connection_refused' } });
  });
});

test('hookscope serve starts the headless engine (--json: one ready object on stdout) and stops cleanly on SIGTERM', async () => {
  const dataDir = join(tmp, 'serve-data');
  const child = spawn(
    process.execPath,
    [launcher, 'serve', '--json', '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', 'cli-token'],
    { cwd: root },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; stdout:\n${stdout}\nstderr:\n${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(stdout.split('\n')[0] as string) as Record<string, unknown>);
      }
    });
  });
  expect(ready).toMatchObject({ type: 'ready', token: 'cli-token', receiver_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  const answer = await fetch(`${ready.receiver_url as string}/cli`, { method: 'POST', body: BODY });
  expect(answer.status).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  // JSON lines only on stdout; the closing notice went to stderr.
  expect(stdout.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('SIGTERM received');
});

// `hookscope tail` as users run it: the launcher as a child process, following a real headless
// engine (node out/main/serve.js, its own data directory) found through its instance.json.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { CATCH_ALL_ENDPOINT_ID, type RequestSummary } from '../../src/shared/api';
import { startEngine, type RunningEngine } from './fixtures/engine';
import { sampleEvent, sendSignedWebhook } from './fixtures/webhooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const launcher = join(root, 'bin', 'hookscope.mjs');
const SECRET = 'whsec_tail_secret';

interface Tail {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** The --json lines printed so far. */
  captures: () => RequestSummary[];
  exit: Promise<number | null>;
}

function tail(args: string[]): Tail {
  const child = spawn(process.execPath, [launcher, 'tail', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const captures = () =>
    stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RequestSummary);
  return { child, stdout: () => stdout, stderr: () => stderr, captures, exit };
}

/** One capture: `valid` signs it with the endpoint's secret, otherwise with another one. */
const send = (engine: RunningEngine, path: string, valid: boolean, event = 'project.created') =>
  sendSignedWebhook(engine.receiver_url, path, valid ? SECRET : 'whsec_not_the_secret', sampleEvent(event, path));

const summary = (capture: RequestSummary) => [capture.path, capture.verification.verdict];

let engine: RunningEngine;
test.beforeEach(async () => {
  engine = await startEngine();
  await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: SECRET });
});
test.afterEach(async () => engine.stop());

test('the state file is private, names the engine, and is removed when the engine stops', async () => {
  const file = join(engine.dataDir, 'instance.json');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const info = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(info).toMatchObject({ ui_url: engine.ui_url, receiver_url: engine.receiver_url, token: engine.token });
  expect(Number.isInteger(info.pid)).toBe(true);
  await engine.stop({ keepData: true });
  expect(existsSync(file)).toBe(false);
});

test('tail --json prints the last captures oldest first, then each new one once; SIGINT exits 0', async () => {
  for (const path of ['/old-1', '/old-2', '/old-3']) expect(await send(engine, path, true)).toBe(200);
  const run = tail(['--json', '--limit', '2', '--data-dir', engine.dataDir]);
  await expect
    .poll(() => run.captures().map(summary))
    .toEqual([
      ['/old-2', 'valid'],
      ['/old-3', 'valid'],
    ]);
  await send(engine, '/new-valid', true);
  await send(engine, '/new-invalid', false);
  await expect
    .poll(() => run.captures().map(summary))
    .toEqual([
      ['/old-2', 'valid'],
      ['/old-3', 'valid'],
      ['/new-valid', 'valid'],
      ['/new-invalid', 'invalid'],
    ]);
  const ids = run.captures().map((capture) => capture.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(run.captures()[3]?.verification.reason).toBe('signature_mismatch');
  run.child.kill('SIGINT');
  expect(await run.exit).toBe(0);
  // Nothing was printed twice after the last check.
  expect(new Set(ids).size).toBe(ids.length);
});

test('tail --q verdict:invalid prints only the invalid captures, past and new; human lines name verdict and reason', async () => {
  await send(engine, '/before-valid', true);
  await send(engine, '/before-invalid', false);
  const json = tail(['--json', '--q', 'verdict:invalid', '--data-dir', engine.dataDir]);
  const human = tail(['--q', 'verdict:invalid', '--data-dir', engine.dataDir]);
  await expect.poll(() => json.captures().map(summary)).toEqual([['/before-invalid', 'invalid']]);
  await expect.poll(() => human.stdout()).toContain('/before-invalid');
  await send(engine, '/after-valid', true);
  await send(engine, '/after-invalid', false, 'order.paid');
  await expect
    .poll(() => json.captures().map(summary))
    .toEqual([
      ['/before-invalid', 'invalid'],
      ['/after-invalid', 'invalid'],
    ]);
  await expect.poll(() => human.stdout().trim().split('\n').length).toBe(2);
  expect(human.stdout()).not.toContain('valid ok');
  expect(human.stdout().trim().split('\n')[1]).toMatch(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}POST {2}\/after-invalid {2}order\.paid {2}invalid signature_mismatch$/,
  );
  for (const run of [json, human]) {
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }
});

test('a stale state file (dead pid) or none is exit 1 with how to start one; a bad --q is exit 2 with the engine message', async () => {
  const stale = mkdtempSync(join(tmpdir(), 'hookscope-tail-'));
  try {
    // A pid that is not running: a finished child's.
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('close', resolve));
    writeFileSync(
      join(stale, 'instance.json'),
      JSON.stringify({ ui_url: engine.ui_url, receiver_url: engine.receiver_url, token: engine.token, pid: dead.pid }),
      { mode: 0o600 },
    );
    const run = tail(['--data-dir', stale]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain(
      `no running Hookscope found for the data directory ${stale}: start one with \`hookscope serve\` (or open the app), or pass --url and --token.`,
    );
  } finally {
    rmSync(stale, { recursive: true, force: true });
  }
  const bad = tail(['--json', '--q', 'verdict:maybe', '--data-dir', engine.dataDir]);
  expect(await bad.exit).toBe(2);
  expect(bad.stderr()).toMatch(/^hookscope: --q: .*verdict/);
  expect(bad.captures()).toEqual([expect.objectContaining({ type: 'error', exit_code: 2 })]);
  // --url/--token reach the same engine without a state file; a wrong token is exit 1.
  const explicit = tail(['--json', '--url', engine.ui_url, '--token', engine.token]);
  await send(engine, '/explicit', true);
  await expect.poll(() => explicit.captures().map(summary)).toContainEqual(['/explicit', 'valid']);
  explicit.child.kill('SIGINT');
  expect(await explicit.exit).toBe(0);
  const refused = tail(['--url', engine.ui_url, '--token', 'wrong-token-wrong-token']);
  expect(await refused.exit).toBe(1);
  expect(refused.stderr()).toContain('refused the token');
});

test('a lost stream is said on stderr and followed again once the engine is back', async () => {
  const run = tail(['--json', '--data-dir', engine.dataDir]);
  await send(engine, '/first', true);
  await expect.poll(() => run.captures().map(summary)).toEqual([['/first', 'valid']]);
  engine = await engine.restart();
  await expect.poll(() => run.stderr()).toContain('lost the live stream');
  await send(engine, '/after-restart', false);
  await expect
    .poll(() => run.captures().map(summary), { timeout: 15_000 })
    .toEqual([
      ['/first', 'valid'],
      ['/after-restart', 'invalid'],
    ]);
  run.child.kill('SIGINT');
  expect(await run.exit).toBe(0);
});

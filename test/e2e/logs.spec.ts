// The log file as a user of the headless mode meets it: `--log-level` and HOOKSCOPE_LOG_LEVEL,
// the path in the banner and in /api/health, lines written while the engine runs and the last
// one on SIGTERM. Child processes and HTTP only, no browser (needs out/, as npm test builds it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Health } from '../../src/shared/api';
import { startEngine } from './fixtures/engine';

const SERVE = resolve(process.cwd(), 'out/main/serve.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs serve.js with `args` until it exits, or until its readiness line (then SIGTERM). */
function serve(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SERVE, '--receiver-port', '0', '--ui-port', '0', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { code: null, stdout: '', stderr: '' };
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString('utf8');
      if (run.stdout.includes('HOOKSCOPE_READY')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ ...run, code });
    });
  });
}

let tmp: string;
test.beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'hookscope-logs-'));
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a level that does not exist is exit 2 naming the flag or the variable, before anything starts', async () => {
  const dataDir = join(tmp, 'bad-level');
  const flag = await serve(['--data-dir', dataDir, '--log-level', 'verbose']);
  expect(flag.code).toBe(2);
  expect(flag.stderr.trim()).toBe('Hookscope: --log-level must be one of fatal, error, warn, info, debug, trace, silent; got "verbose".');
  const variable = await serve(['--data-dir', dataDir], { HOOKSCOPE_LOG_LEVEL: 'loud' });
  expect(variable.code).toBe(2);
  expect(variable.stderr).toContain('HOOKSCOPE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud".');
  expect(existsSync(dataDir)).toBe(false);
});

test('the banner and the readiness line name the log file; it holds the start and, after SIGTERM, the stop', async () => {
  const dataDir = join(tmp, 'banner');
  const run = await serve(['--data-dir', dataDir, '--token', 'banner-token']);
  expect(run.code).toBe(0);
  const file = join(dataDir, 'logs', 'hookscope.log');
  expect(run.stdout).toContain(`  Log:       ${file}\n`);
  const ready = JSON.parse(/HOOKSCOPE_READY (.*)/.exec(run.stdout)?.[1] ?? 'null') as { log_file: string };
  expect(ready.log_file).toBe(file);
  const messages = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
  expect(messages).toContain('Hookscope started');
  expect(messages.at(-1)).toBe('Hookscope stopped');
  expect(readFileSync(file, 'utf8')).not.toContain('banner-token');
});

test('HOOKSCOPE_LOG_LEVEL=debug adds a line per received webhook, written while the engine runs', async () => {
  const engine = await startEngine({ env: { HOOKSCOPE_LOG_LEVEL: 'debug' } });
  try {
    const health = await engine.api<{ data: Health }>('GET', '/health');
    expect(health.data.log_file).toBe(join(engine.dataDir, 'logs', 'hookscope.log'));
    const sent = await fetch(`${engine.receiver_url}/hooks/debug-line?token=${engine.token}`, {
      method: 'POST',
      body: '{"event":"e2e.secret_body"}',
    });
    expect(sent.status).toBe(200);
    await expect
      .poll(() => readFileSync(health.data.log_file, 'utf8'), { timeout: 5_000 })
      .toContain('"component":"receiver","reqId":"req-1","req":{"method":"POST","url":"/hooks/debug-line?token=[redacted]"');
    const text = readFileSync(health.data.log_file, 'utf8');
    expect(text).toContain('"log_level":"debug"');
    expect(text).not.toContain(engine.token);
    expect(text).not.toContain('e2e.secret_body');
  } finally {
    await engine.stop();
  }
});

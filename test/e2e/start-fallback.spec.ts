// `npm start` where Electron cannot run: scripts/start.mjs must explain in one sentence and fall
// back to the headless mode, which prints its readiness line. Runs after the build (npm test
// builds before e2e) and uses only child processes and HTTP, no browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Ready {
  receiver_url: string;
  ui_url: string;
  token: string;
}

/** Collects a child's output and resolves once a line matching `pattern` appears. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output so far:\n${output.text}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output.text += chunk.toString('utf8');
      const line = output.text.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`start.mjs exited (${code ?? signal}) before printing ${pattern}; output:\n${output.text}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

test('npm start without the Electron binary explains once and starts the headless mode', async () => {
  expect(existsSync(join(root, 'out', 'main', 'serve.js')), 'out/main/serve.js is missing: run `npm run build` first').toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-start-'));
  const stderr = { text: '' };
  const all = { text: '' };

  // ELECTRON_OVERRIDE_DIST_PATH pointing nowhere makes "binary absent" true on every machine,
  // including developer laptops where Electron did download.
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', 't'],
    {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron-here') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => (stderr.text += chunk.toString('utf8')));

  try {
    const readyLine = await waitForLine(child, /^HOOKSCOPE_READY /, 20_000, all);

    const notices = stderr.text.split('\n').filter((l) => l.includes('Electron binary is not installed'));
    expect(notices).toHaveLength(1);
    const notice = notices[0] ?? '';
    expect(notice).toMatch(/^Hookscope: the Electron binary is not installed/);
    expect(notice).toContain('node node_modules/electron/install.js');
    expect(notice).toContain('starting the headless mode instead.');
    // One sentence: a single terminal full stop, none in between.
    expect(notice.replace(/`[^`]*`/g, '').match(/\.(\s|$)/g)).toHaveLength(1);

    const ready = JSON.parse(readyLine.slice('HOOKSCOPE_READY '.length)) as Ready;
    expect(ready.token).toBe('t');
    const health = await fetch(`${ready.ui_url}/api/health`, { headers: { authorization: 'Bearer t' } });
    expect(health.status).toBe(200);

    // Signals reach the headless child through start.mjs, and it shuts down.
    child.kill('SIGTERM');
    const result = await Promise.race([exited(child), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(result, 'start.mjs did not exit within 10 s of SIGTERM').not.toBe('timeout');
    await expect(fetch(`${ready.ui_url}/api/health`, { headers: { authorization: 'Bearer t' } })).rejects.toThrow();
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

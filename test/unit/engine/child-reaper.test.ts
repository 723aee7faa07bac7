import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';

const undo: Array<() => void> = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

/** Gone, or a zombie nobody reaps (a container's PID 1 may not): either way no longer running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('killOnExit', () => {
  it("kills a tunnel process when the engine's process dies of an uncaught exception", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-reaper-'));
    undo.push(() => rmSync(dir, { recursive: true, force: true }));
    // The real module, compiled as the build would, in a process of its own that then crashes.
    const source = readFileSync(join(process.cwd(), 'src/main/engine/tunnels/child-reaper.ts'), 'utf8');
    writeFileSync(
      join(dir, 'child-reaper.js'),
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
    writeFileSync(
      join(dir, 'engine.js'),
      `const { spawn } = require('node:child_process');
const { killOnExit } = require('./child-reaper.js');
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
killOnExit(child);
console.log(child.pid);
setTimeout(() => { throw new Error('engine crash'); }, 200);
`,
    );
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const engine = execFile(process.execPath, [join(dir, 'engine.js')], (_error, out) => resolve({ code: engine.exitCode, stdout: out }));
    });
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    undo.push(() => {
      if (running(pid)) process.kill(pid, 'SIGKILL');
    });
    expect(code).toBe(1);
    const deadline = Date.now() + 3000;
    while (running(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running(pid), 'the tunnel process outlived the engine').toBe(false);
  });
});

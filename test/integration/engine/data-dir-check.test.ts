import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEngine } from '../../../src/main/engine/engine';
import { makeDataDir } from '../../helpers/engine';

const undo: Array<() => void> = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

const isRoot = process.getuid?.() === 0;

/**
 * Makes `path` unwritable for this process: permission bits for an ordinary user; root ignores
 * those, so for root the immutable attribute (chattr +i). Null when neither works here.
 */
function makeUnwritable(path: string): boolean {
  try {
    if (isRoot) execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    else chmodSync(path, 0o500);
  } catch {
    return false;
  }
  undo.push(() => (isRoot ? execFileSync('chattr', ['-i', path], { stdio: 'ignore' }) : chmodSync(path, 0o700)));
  return true;
}

function start(dataDir: string) {
  return startEngine({
    dataDir,
    receiverPort: 0,
    receiverHost: '127.0.0.1',
    uiPort: 0,
    token: 'test-token',
    rendererDir: '/nonexistent',
    version: 'test',
  });
}

describe('a data directory that cannot be used stops the start with one sentence saying what to do', () => {
  it('names a path that is a file', async () => {
    const file = join(makeDataDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    await expect(start(file)).rejects.toThrow(
      `The data directory ${file} is a file, not a directory; choose another with --data-dir (or HOOKSCOPE_DATA_DIR).`,
    );
  });

  it('names a directory it cannot write to', async (context) => {
    const dir = makeDataDir();
    if (!makeUnwritable(dir)) context.skip();
    await expect(start(dir)).rejects.toThrow(
      `The data directory ${dir} cannot be written: permission denied; fix its permissions or choose another with --data-dir (or HOOKSCOPE_DATA_DIR).`,
    );
  });

  it('names a history file it cannot write to', async (context) => {
    const dir = makeDataDir();
    const engine = await start(dir);
    await engine.close();
    const file = join(dir, 'hookscope.db');
    if (!makeUnwritable(file)) context.skip();
    await expect(start(dir)).rejects.toThrow(`${file} cannot be written: permission denied`);
  });

  it('names a read-only file system', async (context) => {
    const mount = join(makeDataDir(), 'ro');
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      context.skip(); // mounting needs privileges this machine may not give
    }
    undo.push(() => {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      rmSync(mount, { recursive: true, force: true });
    });
    const dir = join(mount, 'history');
    await expect(start(dir)).rejects.toThrow(
      `The data directory ${dir} cannot be created: it is on a read-only file system; choose another with --data-dir (or HOOKSCOPE_DATA_DIR).`,
    );
  });
});

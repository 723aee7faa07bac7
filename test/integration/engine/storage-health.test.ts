import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Health, RequestPage } from '../../../src/shared/api';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';

const undo: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

/** A small file system of its own (tmpfs), so the disk can really fill up; null without the privilege. */
function smallDisk(megabytes: number): string | null {
  const mount = join(makeDataDir(), 'disk');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    return null;
  }
  undo.push(() => {
    execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    rmSync(mount, { recursive: true, force: true });
  });
  return mount;
}

const health = async (t: TestEngine) => (await t.api<{ data: Health }>('GET', '/health')).body.data;

describe('a disk that fills up', () => {
  it('turns health degraded (disk_full) with 5xx answers, damages nothing, and recovers when space returns', async (context) => {
    const mount = smallDisk(4);
    if (mount === null) context.skip(); // mounting needs privileges this machine may not give
    const t = await startTestEngine({ dataDir: join(mount as string, 'history') });
    undo.push(() => t.stop({ keepData: true }));
    expect(await health(t)).toMatchObject({ status: 'ok', storage_problem: null });

    const body = Buffer.alloc(256 * 1024, 'x');
    let acknowledged = 0;
    let refused: number | null = null;
    for (let index = 0; index < 40 && refused === null; index += 1) {
      const response = await t.send(`/fill/${index}`, { body });
      await response.arrayBuffer();
      if (response.ok) acknowledged += 1;
      else refused = response.status;
    }
    expect(refused).toBeGreaterThanOrEqual(500);
    expect(await health(t)).toMatchObject({ status: 'degraded', storage_problem: { reason: 'disk_full' } });
    // Every 2xx is a stored capture: none was acknowledged and then lost.
    expect((await t.api<RequestPage>('GET', '/requests?limit=1')).body.total).toBe(acknowledged);

    execFileSync('mount', ['-o', 'remount,size=64m', mount as string], { stdio: 'ignore' });
    const after = await t.send('/after', { body: 'small' });
    expect(after.status).toBe(200);
    expect(await health(t)).toMatchObject({ status: 'ok', storage_problem: null });
    expect((await t.api<RequestPage>('GET', '/requests?limit=1')).body.total).toBe(acknowledged + 1);

    const check = new Database(join(mount as string, 'history', 'hookscope.db'), { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  });
});

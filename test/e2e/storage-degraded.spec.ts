import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startEngine } from './fixtures/engine';
import { saveScreenshot } from './fixtures/test';

test('a full disk shows a banner while captures cannot be stored, and it goes once they can', async ({ page }) => {
  const mount = join(mkdtempSync(join(tmpdir(), 'hookscope-e2e-disk-')), 'disk');
  mkdirSync(mount);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    test.skip(
      true,
      'mounting a 4 MB tmpfs needs root (CI runs as root); the engine side of a full disk is still covered by test/integration/engine/storage-health.test.ts',
    );
  }
  const engine = await startEngine({ dataDir: join(mount, 'history') });
  try {
    await page.goto(engine.launch_url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    const body = new Uint8Array(256 * 1024).fill(120);
    for (let index = 0; index < 40; index += 1) {
      const response = await fetch(`${engine.receiver_url}/fill/${index}`, { method: 'POST', body });
      await response.arrayBuffer();
      if (!response.ok) break;
    }
    const banner = page.getByTestId('storage-degraded');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-reason', 'disk_full');
    await expect(banner).toContainText('the disk is full');
    await saveScreenshot(page, 'storage-degraded');

    execFileSync('mount', ['-o', 'remount,size=64m', mount], { stdio: 'ignore' });
    expect((await fetch(`${engine.receiver_url}/after`, { method: 'POST', body: 'small' })).status).toBe(200);
    await expect(banner).toHaveCount(0);
  } finally {
    await engine.stop({ keepData: true });
    execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    rmSync(join(mount, '..'), { recursive: true, force: true });
  }
});

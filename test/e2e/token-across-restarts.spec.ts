import { test as base, expect } from '@playwright/test';
import { startEngine } from './fixtures/engine';

/**
 * The headless mode keeps one token per data directory: a tab reloaded after the engine restarted
 * still works, and --new-token is how a user revokes it.
 */
base('a reloaded tab keeps working after a restart; --new-token revokes it', async ({ page }) => {
  const engine = await startEngine({ token: null });
  let current = engine;
  try {
    await page.goto(engine.launch_url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

    current = await engine.restart();
    expect(current.token).toBe(engine.token);
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await expect(page.getByTestId('engine-unauthorized')).toHaveCount(0);

    await current.stop({ keepData: true });
    current = await startEngine({
      dataDir: engine.dataDir,
      token: null,
      newToken: true,
      receiverPort: Number(new URL(engine.receiver_url).port),
      uiPort: Number(new URL(engine.ui_url).port),
    });
    expect(current.token).not.toBe(engine.token);
    // The old token is refused until the new launch URL is opened.
    await page.reload();
    await expect(page.getByTestId('engine-unauthorized')).toBeVisible();
    await page.goto(current.launch_url);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  } finally {
    await current.stop();
  }
});

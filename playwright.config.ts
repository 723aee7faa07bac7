import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './bench/chromium.mjs';

/**
 * End-to-end tests in a real Chromium against the headless engine (`node out/main/serve.js`,
 * started per test by test/e2e/fixtures/engine.ts). Build first: `npm run build`.
 *
 * `npx playwright install` cannot download browsers here, so Chromium comes from the system
 * (Debian's /usr/bin/chromium) unless CHROMIUM_PATH points elsewhere.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    viewport: { width: 1440, height: 900 },
    // The app follows the system theme; the suite (and the README's screenshots) use the dark one
    // unless a test asks otherwise (theme.spec.ts).
    colorScheme: 'dark',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});

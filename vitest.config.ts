import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node (the engine and the shell's pure pieces need no DOM);
// Playwright owns test/e2e.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});

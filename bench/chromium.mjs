// How this machine's Chromium is launched headless (Debian's package; CHROMIUM_PATH overrides), for
// the Playwright suite and the benchmarks that open the UI: one list of flags, so they measure and
// test the same browser.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch options for Playwright's chromium.launch(), with any extra flags a caller needs. */
export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] };
}

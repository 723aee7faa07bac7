// Finds the Electron executable the way the `electron` npm wrapper does, without its side
// effect: `require('electron')` starts a download (with its own output and a stack trace) when
// the binary is missing, which is slow and noisy offline. Shared by scripts/start.mjs and the
// Playwright smoke test so both agree on "is Electron here?".
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  // path.txt names the executable inside dist/; install.js writes both after a download.
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : undefined;
  if (!candidate) return { found: false, reason: 'the Electron binary was never downloaded' };
  if (!existsSync(candidate)) return { found: false, reason: `${candidate} does not exist` };
  return { found: true, path: candidate };
}

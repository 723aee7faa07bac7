// Decides whether out/ must be rebuilt before starting, so `npm start` and `npm run serve` start
// a built app at once (and answer --help at once) and rebuild only when the sources changed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the build reads: a change to any of these makes out/ stale. */
const SOURCE_ROOTS = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** What the build writes that the launchers run; the oldest one dates the build. */
const OUTPUTS = ['out/main/serve.js', 'out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestFile(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return null;
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let newest = null;
  for (const entry of readdirSync(path)) {
    const found = newestFile(join(path, entry));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

/**
 * Why `root`'s build must be (re)made, or null when out/ is current. Walking src/ (a few hundred
 * files) takes a few milliseconds, far less than the 5-10 s build it saves.
 */
export function staleReason(root) {
  let builtAt = Infinity;
  for (const output of OUTPUTS) {
    const stat = statSync(join(root, output), { throwIfNoEntry: false });
    if (!stat) return `${output} is missing`;
    builtAt = Math.min(builtAt, stat.mtimeMs);
  }
  for (const source of SOURCE_ROOTS) {
    const newest = newestFile(join(root, source));
    if (newest && newest.mtimeMs > builtAt) return `${relative(root, newest.path)} changed since the last build`;
  }
  return null;
}

/** True when `root` looks like a checkout the launcher can build (not an installed copy of out/ alone). */
export function canBuild(root) {
  return existsSync(join(root, 'src')) && existsSync(join(root, 'node_modules', '.bin'));
}

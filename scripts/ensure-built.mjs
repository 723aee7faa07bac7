// Builds out/ only when it is missing or older than the sources, before a launcher starts it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { canBuild, staleReason } from './build-freshness.mjs';

/** Vite 8 and electron-vite 6 (the build) need 20.19; older versions fail with obscure errors. */
const MINIMUM_NODE = [20, 19];

function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1])) return;
  console.error(
    `Hookscope needs Node.js ${MINIMUM_NODE.join('.')} or newer (22 LTS recommended); this is ${process.versions.node}. Install a newer Node.js (e.g. \`nvm install 22\`) and run \`npm install\` again.`,
  );
  process.exit(1);
}

/** Returns when out/ is current; builds first (saying why on stderr) when it is not. Exits on a failed build. */
export function ensureBuilt(root) {
  requireNode();
  const reason = staleReason(root);
  if (reason === null) return;
  if (!canBuild(root)) {
    console.error(
      `Hookscope: the build is out of date (${reason}) and cannot be made here: run \`npm install\` and then \`npm run build\`.`,
    );
    process.exit(1);
  }
  console.error(`Hookscope: building first (${reason}); later starts skip this until the sources change.`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('Hookscope: the build failed (its errors are above); fix them or run `npm run build` to see the whole output.');
    process.exit(result.status ?? 1);
  }
}

/**
 * The path of a build entry (`out/main/<name>.js`) that a script imports, current: built first
 * when stale, or when the out/ there predates the entry (the freshness check does not list it).
 */
export function ensureBuiltEntry(root, name) {
  ensureBuilt(root);
  const built = join(root, 'out', 'main', `${name}.js`);
  if (existsSync(built)) return built;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(built)) {
    console.error(`${name}: the build failed or did not write out/main/${name}.js; run \`npm run build\` to see why.`);
    process.exit(1);
  }
  return built;
}

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canBuild, staleReason } from '../../../scripts/build-freshness.mjs';

const OUTPUTS = ['out/main/serve.js', 'out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['src/main/serve.ts', 'src/renderer/src/App.tsx', 'package.json', 'electron.vite.config.ts', 'tsconfig.json'];

let root: string;

function write(path: string, at: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, path);
  utimesSync(file, at, at);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookscope-freshness-'));
  for (const source of SOURCES) write(source, 1_000);
  for (const output of OUTPUTS) write(output, 2_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('is null when every output is newer than every source: a built app starts without a rebuild', () => {
    expect(staleReason(root)).toBeNull();
  });

  it('names a missing output', () => {
    rmSync(join(root, 'out/renderer/index.html'));
    expect(staleReason(root)).toBe('out/renderer/index.html is missing');
  });

  it("needs the command line's bundle too: a build made before `hookscope` existed is stale", () => {
    rmSync(join(root, 'out/main/cli.js'));
    expect(staleReason(root)).toBe('out/main/cli.js is missing');
  });

  it('names a source edited after the build, however deep', () => {
    write('src/renderer/src/components/detail/Deep.tsx', 3_000);
    expect(staleReason(root)).toBe(join('src/renderer/src/components/detail/Deep.tsx') + ' changed since the last build');
  });

  it('dates the build by its oldest output, so a half-finished build is stale', () => {
    utimesSync(join(root, 'out/main/index.js'), 500, 500);
    expect(staleReason(root)).toMatch(/changed since the last build$/);
  });

  it('counts the build configuration and package.json as sources', () => {
    write('electron.vite.config.ts', 3_000);
    expect(staleReason(root)).toBe('electron.vite.config.ts changed since the last build');
  });

  it('counts an updated lockfile (new dependency versions) as a change', () => {
    write('package-lock.json', 3_000);
    expect(staleReason(root)).toBe('package-lock.json changed since the last build');
  });
});

describe('canBuild', () => {
  it('needs the sources and installed tools', () => {
    expect(canBuild(root)).toBe(false);
    mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
    expect(canBuild(root)).toBe(true);
  });
});

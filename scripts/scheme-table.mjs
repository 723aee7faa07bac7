#!/usr/bin/env node
// `npm run scheme-table`: rewrites README.md's table of signature schemes and `hookscope verify
// --help`'s list of scheme ids from the scheme definitions, read from the built engine (out/main/scheme-table.js; built first when stale).
// A unit test (test/unit/signatures/readme-scheme-table.test.ts) fails while README's copy differs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'out', 'main', 'scheme-table.js');
const readmePath = join(root, 'README.md');
const usagePath = join(root, 'src', 'main', 'cli', 'verify-usage.txt');

ensureBuilt(root);
if (!existsSync(built)) {
  // An out/ from before this entry existed: the freshness check does not list it.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 || !existsSync(built)) {
    console.error('scheme-table: the build failed or did not write out/main/scheme-table.js; run `npm run build` to see why.');
    process.exit(1);
  }
}

const { renderSchemeTable, replaceSchemeTable, renderSchemeIdList, replaceUsageSchemes } = await import(pathToFileURL(built).href);

/** Rewrites one generated block of a file; says whether it changed. */
function regenerate(path, replace, what) {
  const before = readFileSync(path, 'utf8');
  const result = replace(before);
  if (!result.ok) {
    console.error(`scheme-table: ${result.message}`);
    process.exit(1);
  }
  if (result.text === before) console.log(`${what} is already current.`);
  else {
    writeFileSync(path, result.text);
    console.log(`${what} was regenerated from the scheme definitions.`);
  }
}

regenerate(readmePath, (text) => replaceSchemeTable(text, renderSchemeTable()), "README.md's scheme table");
// The launcher prints this file before any build, so its list of ids is written here too.
regenerate(usagePath, (text) => replaceUsageSchemes(text, renderSchemeIdList()), "verify --help's list of schemes");

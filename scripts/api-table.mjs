#!/usr/bin/env node
// `npm run api-table`: rewrites README.md's control API route tables from the API's own OpenAPI
// document (GET /api/openapi.json of an engine started for the purpose, from the build:
// out/main/api-table.js; built first when stale). test/integration/contract/readme-route-table.test.ts
// fails while README's copy differs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'out', 'main', 'api-table.js');
const readmePath = join(root, 'README.md');

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
    console.error('api-table: the build failed or did not write out/main/api-table.js; run `npm run build` to see why.');
    process.exit(1);
  }
}

const { currentOpenApi, renderRouteTables, replaceRouteTables } = await import(pathToFileURL(built).href);
const before = readFileSync(readmePath, 'utf8');
const result = replaceRouteTables(before, renderRouteTables(await currentOpenApi()));
if (!result.ok) {
  console.error(`api-table: ${result.message}`);
  process.exit(1);
}
if (!result.changed) console.log("README.md's route tables are already current.");
else {
  writeFileSync(readmePath, result.text);
  console.log("README.md's route tables were regenerated from GET /api/openapi.json.");
}

#!/usr/bin/env node
// `npm run api-table`: rewrites README.md's control API route tables from the API's own OpenAPI
// document (GET /api/openapi.json of an engine started for the purpose, from the build:
// out/main/api-table.js; built first when stale). test/integration/contract/readme-route-table.test.ts
// fails while README's copy differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuiltEntry } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = ensureBuiltEntry(root, 'api-table');
const readmePath = join(root, 'README.md');

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

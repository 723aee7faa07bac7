#!/usr/bin/env node
// `npm run scheme-table`: rewrites README.md's table of signature schemes and `hookscope verify
// --help`'s list of scheme ids from the scheme definitions, read from the built engine (out/main/scheme-table.js; built first when stale).
// A unit test (test/unit/signatures/readme-scheme-table.test.ts) fails while README's copy differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuiltEntry } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = ensureBuiltEntry(root, 'scheme-table');
const readmePath = join(root, 'README.md');
const usagePath = join(root, 'src', 'main', 'cli', 'verify-usage.txt');

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

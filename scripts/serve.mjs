#!/usr/bin/env node
// `npm run serve`: the headless mode. Starts the built engine at once; builds first only when
// out/ is missing or older than the sources, so a built app starts (and a mistyped flag is
// reported) at once; `--help` never waits for a build.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// Help needs no build: the usage is a plain text file the engine's parser shares.
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(readFileSync(join(root, 'src', 'main', 'serve-usage.txt'), 'utf8'));
  process.exit(0);
}
ensureBuilt(root);
// In this process: the entry reads process.argv.slice(2), which holds exactly our arguments.
await import(pathToFileURL(join(root, 'out', 'main', 'serve.js')).href);

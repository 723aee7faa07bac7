#!/usr/bin/env node
// `npm run serve`: the headless mode. Starts the built engine at once; builds first only when
// out/ is missing or older than the sources, so `--help` and argument errors answer immediately.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
ensureBuilt(root);
// In this process: the entry reads process.argv.slice(2), which holds exactly our arguments.
await import(pathToFileURL(join(root, 'out', 'main', 'serve.js')).href);

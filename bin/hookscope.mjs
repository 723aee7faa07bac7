#!/usr/bin/env node
// `hookscope`: the command line. Usage texts are plain files printed at once, before any build;
// a command runs the built CLI (out/main/cli.js), building first only when out/ is stale.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const USAGE = {
  '': join(root, 'src', 'main', 'cli', 'usage.txt'),
  serve: join(root, 'src', 'main', 'serve-usage.txt'),
  verify: join(root, 'src', 'main', 'cli', 'verify-usage.txt'),
  trigger: join(root, 'src', 'main', 'cli', 'trigger-usage.txt'),
  tail: join(root, 'src', 'main', 'cli', 'tail-usage.txt'),
  listen: join(root, 'src', 'main', 'cli', 'listen-usage.txt'),
  replay: join(root, 'src', 'main', 'cli', 'replay-usage.txt'),
};

const usage = (command) =>
  readFileSync(USAGE[command], 'utf8')
    // serve's usage is shared with `npm run serve`; here it is this command's.
    .replace('Usage: npm run serve -- [options]', 'Usage: hookscope serve [options]   (same as npm run serve -- [options])');

const [command, ...rest] = process.argv.slice(2);
const wantsHelp = (args) => args.includes('--help') || args.includes('-h');

if (command === undefined) {
  process.stderr.write(usage(''));
  process.exit(2);
}
if (command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(usage(''));
  process.exit(0);
}
if (!Object.hasOwn(USAGE, command) || command === '') {
  console.error(
    `hookscope: unknown command "${command}"; use one of ${Object.keys(USAGE).filter(Boolean).join(', ')} (hookscope --help lists them).`,
  );
  if (rest.includes('--json')) console.log(JSON.stringify({ type: 'error', message: `unknown command "${command}"`, exit_code: 2 }));
  process.exit(2);
}
if (wantsHelp(rest)) {
  process.stdout.write(usage(command));
  process.exit(0);
}
ensureBuilt(root);
if (command === 'serve') {
  // The headless entry reads process.argv.slice(2): give it exactly serve's flags.
  process.argv.splice(2, 1);
  await import(pathToFileURL(join(root, 'out', 'main', 'serve.js')).href);
} else {
  await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
}

#!/usr/bin/env node
// `npm start`: launches the desktop app, or, where Electron cannot run, the headless mode, so
// the command never just crashes. Builds first only when out/ is missing or older than the sources.
//
// Usage: node scripts/start.mjs [--receiver-port N] [--ui-port N] [--host H] [--data-dir DIR] [--token T]
// The flags go to the headless mode as they are; for Electron the first four become the
// HOOKSCOPE_* environment variables the desktop shell reads.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureBuilt } from './ensure-built.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
ensureBuilt(root);

const FLAG_TO_ENV = {
  '--receiver-port': 'HOOKSCOPE_RECEIVER_PORT',
  '--ui-port': 'HOOKSCOPE_UI_PORT',
  '--host': 'HOOKSCOPE_RECEIVER_HOST',
  '--data-dir': 'HOOKSCOPE_DATA_DIR',
};

function flagsAsEnv(argv) {
  const env = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = FLAG_TO_ENV[flag];
    if (!name) continue;
    const value = inline ?? argv[++i];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Runs a child with our stdio, passes on SIGINT/SIGTERM/SIGHUP, and exits the way it exited. */
function runForwarding(command, childArgs, env) {
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (err) => {
    console.error(`Hookscope: could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Re-raise so our parent sees the same cause of death; our own handlers are removed first.
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(s);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

function startHeadless() {
  const serve = join(root, 'out', 'main', 'serve.js');
  if (!existsSync(serve)) {
    console.error('Hookscope: out/main/serve.js is missing; run `npm run build` first (or use `npm start`, which builds).');
    process.exit(1);
  }
  runForwarding(process.execPath, [serve, ...args], process.env);
}

const electron = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (!electron.found) {
  console.error(
    'Hookscope: the Electron binary is not installed (the electron package downloads it from GitHub on first use, which did not happen here), ' +
      'so to get it run `node node_modules/electron/install.js` on a machine with internet access; starting the headless mode instead.',
  );
  startHeadless();
} else if (noDisplay) {
  console.error(
    'Hookscope: there is no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop window cannot open; starting the headless mode instead.',
  );
  startHeadless();
} else {
  // ELECTRON_RUN_AS_NODE (set by some tools) would make the binary behave as plain Node.
  const env = { ...process.env, ...flagsAsEnv(args) };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwarding(electron.path, ['.'], env);
}

/**
 * Headless mode: the whole engine and the UI over http, no Electron. Prints the receiver URL,
 * the UI URL to open, and a machine-readable HOOKSCOPE_READY line for scripts and tests.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './engine/data-dir';
import { startEngine } from './engine/engine';
import { loadOrCreateToken } from './engine/token-file';
import { publishInstance } from './engine/instance-file';
import { checkDataDir } from './engine/data-dir-check';
import { parseServeArgs, SERVE_USAGE } from './serve-args';
import { describeStartupError } from './startup-errors';
import { APP_VERSION } from './version';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(SERVE_USAGE);
    return;
  }
  let args: ReturnType<typeof parseServeArgs>;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    // Bad usage exits 2, as every `hookscope` command does; a failed start stays 1.
    console.error(`Hookscope: ${(error as Error).message}`);
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = args.dataDir ?? defaultDataDir();
  // Before the token file is written there: an unusable directory is reported as such.
  checkDataDir(dataDir);
  // --token (or HOOKSCOPE_TOKEN) is for this run only; otherwise the data directory's own token.
  const stored = args.token === null ? loadOrCreateToken(dataDir, { rotate: args.newToken }) : null;
  const engine = await startEngine({
    dataDir,
    receiverPort: args.receiverPort,
    receiverHost: args.host,
    uiPort: args.uiPort,
    token: args.token ?? stored?.token,
    bodyLimitBytes: args.bodyLimitBytes ?? undefined,
    maxConnections: args.maxConnections ?? undefined,
    // Unset flags fall back to HOOKSCOPE_NGROK_API / HOOKSCOPE_CLOUDFLARED_METRICS (read by the engine).
    tunnels: {
      ...(args.ngrokApi ? { ngrokApi: args.ngrokApi } : {}),
      ...(args.cloudflaredMetrics ? { cloudflaredMetrics: args.cloudflaredMetrics } : {}),
    },
    rendererDir: join(here, '../renderer'),
    version: APP_VERSION,
    logLevel: args.logLevel,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // stderr with --json: stdout carries JSON lines only.
    (args.json ? console.error : console.log)(`Hookscope: ${signal} received, closing the servers and the database.`);
    engine.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Hookscope: error while closing:', error);
        process.exit(1);
      },
    );
  };
  // Before the readiness line: a script may signal as soon as it reads it.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  publishInstance(engine);
  const ready = {
    receiver_url: engine.receiverUrl,
    ui_url: engine.uiUrl,
    launch_url: engine.launchUrl,
    token: engine.token,
    data_dir: engine.dataDir,
    log_file: engine.logFile,
  };
  if (args.json) {
    console.log(JSON.stringify({ type: 'ready', ...ready }));
  } else {
    console.log(`Hookscope ${APP_VERSION} (headless)`);
    console.log(`  Receiver:  ${engine.receiverUrl}/   <- point webhooks here`);
    console.log(`  UI:        ${engine.launchUrl}`);
    console.log(`  API token: ${engine.token}${stored ? `  (kept in ${stored.file}; --new-token replaces it)` : ''}`);
    console.log(`  Data:      ${engine.dataDir}`);
    console.log(`  Log:       ${engine.logFile}`);
    console.log(`HOOKSCOPE_READY ${JSON.stringify(ready)}`);
  }
}

main().catch((error: unknown) => {
  console.error(`Hookscope: ${describeStartupError(error)}`);
  process.exit(1);
});

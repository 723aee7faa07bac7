import { ENV, ConfigError, type ShellConfig } from './config';

export interface StartupDialog {
  title: string;
  message: string;
}

/** The command that builds better-sqlite3 for Electron's ABI. */
export const REBUILD_COMMAND = 'npx @electron/rebuild -f -w better-sqlite3';

interface ErrnoLike {
  code?: unknown;
  port?: unknown;
  message?: unknown;
}

/**
 * Turns an error thrown while starting the engine into a dialog that says what happened and
 * what to change. Unknown errors still get a dialog with their message: the app must never
 * just vanish (nothing fails silently).
 */
export function describeStartupError(error: unknown, config: Pick<ShellConfig, 'receiverPort' | 'uiPort'> | undefined): StartupDialog {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrnoLike;
  const message = typeof e.message === 'string' ? e.message : String(error);

  if (error instanceof ConfigError) {
    return { title: 'Hookscope: invalid configuration', message };
  }

  if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
    const port = typeof e.port === 'number' ? e.port : portFromMessage(message);
    const which = port !== undefined && config ? portRole(port, config) : undefined;
    const what = which ? `The ${which.label} port ${port}` : port !== undefined ? `Port ${port}` : 'A port Hookscope needs';
    const reason =
      e.code === 'EADDRINUSE'
        ? 'is already in use (another Hookscope or another program is listening on it)'
        : 'cannot be opened (permission denied)';
    const fix = which
      ? `Quit the other program, or start Hookscope with a different port, e.g. ${which.env}=${suggest(port)} (or 0 for any free port).`
      : `Quit the other program, or set ${ENV.receiverPort} / ${ENV.uiPort} to different ports (0 picks a free one).`;
    return { title: 'Hookscope: port unavailable', message: `${what} ${reason}.\n\n${fix}` };
  }

  if (isAbiMismatch(message)) {
    return {
      title: 'Hookscope: database module built for the wrong runtime',
      message:
        'The SQLite module (better-sqlite3) was compiled for Node.js, not for the Electron version this app runs on.\n\n' +
        `Fix it with \`${REBUILD_COMMAND}\` (needs internet access), or set ${ENV.sqliteBinding} to a better_sqlite3.node built for this Electron, ` +
        'or run the headless mode in your browser with `npm run serve`.\n\n' +
        `Details: ${message}`,
    };
  }

  return { title: 'Hookscope could not start', message };
}

export function isAbiMismatch(message: string): boolean {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version/i.test(message);
}

function portFromMessage(message: string): number | undefined {
  // Node's message: "listen EADDRINUSE: address already in use 127.0.0.1:4700"
  const match = /:(\d{1,5})\s*$/.exec(message);
  return match?.[1] !== undefined ? Number(match[1]) : undefined;
}

function portRole(port: number, config: Pick<ShellConfig, 'receiverPort' | 'uiPort'>): { label: string; env: string } | undefined {
  if (port === config.receiverPort) return { label: 'webhook receiver', env: ENV.receiverPort };
  if (port === config.uiPort) return { label: 'UI / control API', env: ENV.uiPort };
  return undefined;
}

function suggest(port: number | undefined): number {
  return port === undefined || port >= 65535 ? 0 : port + 10;
}

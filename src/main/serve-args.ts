import usage from './serve-usage.txt?raw';
import { DEFAULT_RECEIVER_PORT, DEFAULT_UI_PORT } from '../shared/api';
import { agentAddress } from './engine/tunnels/addresses';
import { DEFAULT_LOG_LEVEL, type LogLevel, parseLogLevel } from './engine/logging/levels';

export interface ServeArgs {
  receiverPort: number;
  uiPort: number;
  host: string;
  dataDir: string | null;
  token: string | null;
  /** Replace the data directory's token with a new one (`--new-token`). */
  newToken: boolean;
  bodyLimitBytes: number | null;
  maxConnections: number | null;
  /** ngrok's agent API (`--ngrok-api`); null: HOOKSCOPE_NGROK_API or http://127.0.0.1:4040. */
  ngrokApi: string | null;
  /** A cloudflared metrics server to read a quick tunnel from (`--cloudflared-metrics`). */
  cloudflaredMetrics: string | null;
  /** Machine-readable output (`--json`): one JSON object per line on stdout, as every `hookscope` command. */
  json: boolean;
  /** Level of the log file (`--log-level`, HOOKSCOPE_LOG_LEVEL; default info). */
  logLevel: LogLevel;
}

// A plain text file, so scripts/serve.mjs prints it at once, before any build (the defaults in it
// are checked against DEFAULT_RECEIVER_PORT/DEFAULT_UI_PORT by test/unit/engine/serve-args.test.ts).
export const SERVE_USAGE = usage.trimEnd();

function port(flag: string, value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) throw new Error(`${flag} must be a port number from 0 to 65535; got "${value}".`);
  return parsed;
}

/** Parses the headless mode's flags; throws an Error whose message names the bad flag. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = {
    receiverPort: env.HOOKSCOPE_RECEIVER_PORT ? port('HOOKSCOPE_RECEIVER_PORT', env.HOOKSCOPE_RECEIVER_PORT) : DEFAULT_RECEIVER_PORT,
    uiPort: env.HOOKSCOPE_UI_PORT ? port('HOOKSCOPE_UI_PORT', env.HOOKSCOPE_UI_PORT) : DEFAULT_UI_PORT,
    // The desktop app's name first; HOOKSCOPE_HOST is this mode's original one, still honoured.
    host: env.HOOKSCOPE_RECEIVER_HOST?.trim() || env.HOOKSCOPE_HOST?.trim() || '127.0.0.1',
    dataDir: null,
    token: env.HOOKSCOPE_TOKEN ?? null,
    newToken: false,
    bodyLimitBytes: null,
    maxConnections: null,
    ngrokApi: null,
    cloudflaredMetrics: null,
    json: false,
    logLevel: env.HOOKSCOPE_LOG_LEVEL?.trim() ? parseLogLevel(env.HOOKSCOPE_LOG_LEVEL, 'HOOKSCOPE_LOG_LEVEL') : DEFAULT_LOG_LEVEL,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] as string;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value.`);
      index += 1;
      return next;
    };
    switch (name) {
      case '--receiver-port':
        args.receiverPort = port(name, value());
        break;
      case '--ui-port':
        args.uiPort = port(name, value());
        break;
      case '--host':
        args.host = value();
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--token': {
        const token = value();
        if (token.length < 1 || /\s/.test(token)) throw new Error('--token must be a non-empty string without spaces.');
        args.token = token;
        break;
      }
      case '--new-token':
        if (inline !== undefined) throw new Error('--new-token takes no value.');
        args.newToken = true;
        break;
      case '--body-limit-mb': {
        const raw = value();
        const mb = Number(raw);
        if (!(mb > 0 && mb <= 1024)) throw new Error(`--body-limit-mb must be a number between 0 and 1024; got "${raw}".`);
        args.bodyLimitBytes = Math.round(mb * 1024 * 1024);
        break;
      }
      case '--max-connections': {
        const raw = value();
        const max = Number(raw);
        if (!/^\d+$/.test(raw) || max < 1 || max > 1_000_000)
          throw new Error(`--max-connections must be a whole number from 1 to 1000000; got "${raw}".`);
        args.maxConnections = max;
        break;
      }
      case '--json':
        if (inline !== undefined) throw new Error('--json takes no value.');
        args.json = true;
        break;
      case '--log-level':
        args.logLevel = parseLogLevel(value(), name);
        break;
      case '--ngrok-api':
        args.ngrokApi = agentAddress(name, value());
        break;
      case '--cloudflared-metrics':
        args.cloudflaredMetrics = agentAddress(name, value());
        break;
      default:
        throw new Error(`Unknown option "${flag}".\n${SERVE_USAGE}`);
    }
  }
  return args;
}

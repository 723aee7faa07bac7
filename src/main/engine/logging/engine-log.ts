import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { type LogLevel, receiverLogLevel } from './levels';
import { RotatingFile } from './rotating-file';

export type { Logger } from 'pino';

/** Where the log is kept, relative to the data directory. */
export const LOG_FILE = join('logs', 'hookscope.log');

const CENSOR = '[redacted]';
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-hookscope-token'];
const SECRET_FIELDS = ['secret', 'secrets', 'token', 'body', 'rawBody', 'payload'];

/**
 * Paths taken out of every line, at the top level and one level down (`{ req: { headers } }`).
 * The serializers below log no headers, bodies or query values in the first place: this is for
 * whatever a future log call passes by mistake.
 */
const REDACT_PATHS = [
  ...SECRET_HEADERS.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]),
  ...SECRET_FIELDS.flatMap((name) => [name, `*.${name}`]),
  'query',
  '*.query',
];

/** A URL with each query value replaced: tokens travel there (`?token=` for the live stream). */
export function redactQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=${CENSOR}` : pair))
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string; remotePort?: number } | null;
}

/** Method, path (query values redacted) and peer: never headers or body. */
function requestForLog(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactQuery(req.url),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

export interface EngineLogOptions {
  dataDir: string;
  level: LogLevel;
  /** The file under the data directory; LOG_FILE by default. Two processes never share one: each rotates its own. */
  file?: string;
  /** Takes known secrets (the control token, endpoint secrets) out of a batch of lines. */
  scrub?: (text: string) => string;
  maxBytes?: number;
  keep?: number;
}

export interface EngineLogs {
  /** The engine's own lines (start, stop, retention, tunnels). */
  engine: Logger;
  /** Given to the control API's Fastify instance. */
  control: Logger;
  /** Given to the receiver's: `warn` at the default `info` (see receiverLogLevel). */
  receiver: Logger;
  file: string;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** One pino logger writing JSON lines to `<data-dir>/logs/hookscope.log`, rotated by size. */
export function openEngineLogs(options: EngineLogOptions): EngineLogs {
  const destination = new RotatingFile({
    file: join(options.dataDir, options.file ?? LOG_FILE),
    scrub: options.scrub,
    maxBytes: options.maxBytes,
    keep: options.keep,
  });
  const root = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not numbers: the file is read by people (README, Troubleshooting).
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { req: requestForLog, err: pino.stdSerializers.err },
    },
    destination,
  );
  return {
    engine: root.child({ component: 'engine' }),
    control: root.child({ component: 'control' }),
    receiver: root.child({ component: 'receiver' }, { level: receiverLogLevel(options.level) }),
    file: destination.file,
    close: () => destination.close(),
  };
}

/** Replaces each secret (JSON-escaped, as it would appear in a line) by the censor. */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    // A very short "secret" would blank out ordinary words; those are not worth guarding here.
    if (secret.length < 4) continue;
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (out.includes(escaped)) out = out.split(escaped).join(CENSOR);
  }
  return out;
}

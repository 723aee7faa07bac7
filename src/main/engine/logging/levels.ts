/** Log levels, most severe first (pino's names); `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** `source` names where the value came from (a flag or an environment variable), for the error. */
export function parseLogLevel(value: string, source: string): LogLevel {
  const level = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new Error(`${source} must be one of ${LOG_LEVELS.join(', ')}; got "${value}".`);
}

/**
 * The receiver's level for the engine's: at the default `info` the receiver logs only warnings and
 * errors (info would be a line per webhook on its hot path); `debug` and `trace` include its
 * per-request lines, and a quieter level applies to it as given.
 */
export function receiverLogLevel(level: LogLevel): LogLevel {
  return level === 'info' ? 'warn' : level;
}

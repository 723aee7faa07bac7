import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_RECEIVER_PORT, DEFAULT_UI_PORT } from '../../shared/api';
import { type LogLevel, parseLogLevel } from '../engine/logging/levels';

export type Env = Record<string, string | undefined>;

export interface ShellConfig {
  dataDir: string;
  receiverPort: number;
  uiPort: number;
  receiverHost: string;
  nativeBinding?: string;
  /** Absent: the engine's default (info). */
  logLevel?: LogLevel;
}

/** Names the user sees in error messages; keep in sync with the README's configuration table. */
export const ENV = {
  dataDir: 'HOOKSCOPE_DATA_DIR',
  receiverPort: 'HOOKSCOPE_RECEIVER_PORT',
  uiPort: 'HOOKSCOPE_UI_PORT',
  receiverHost: 'HOOKSCOPE_RECEIVER_HOST',
  /** The headless mode's original name for the receiver's address; both modes accept both. */
  receiverHostAlias: 'HOOKSCOPE_HOST',
  sqliteBinding: 'HOOKSCOPE_SQLITE_BINDING',
  logLevel: 'HOOKSCOPE_LOG_LEVEL',
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a port from the environment; 0 means "any free port" (used by tests). */
export function parsePort(value: string | undefined, fallback: number, envName: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const trimmed = value.trim();
  const port = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isInteger(port) || port > 65535) {
    throw new ConfigError(
      `${envName}=${JSON.stringify(value)} is not a port number; use an integer from 0 to 65535 (0 picks a free port).`,
    );
  }
  return port;
}

/**
 * Finds a better_sqlite3.node built for Electron's ABI. node_modules holds a Node build (for
 * tests and the headless mode), so the desktop app needs its own copy, shipped under
 * <resources>/native. An explicit env path wins and must exist: a typo there should be an error,
 * not a silent fallback to the wrong ABI.
 */
export function resolveNativeBinding(env: Env, resourcesDir: string, exists: (path: string) => boolean = existsSync): string | undefined {
  const explicit = env[ENV.sqliteBinding]?.trim();
  if (explicit) {
    if (!exists(explicit)) throw new ConfigError(`${ENV.sqliteBinding} points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const shipped = join(resourcesDir, 'native', 'better_sqlite3.node');
  return exists(shipped) ? shipped : undefined;
}

/** HOOKSCOPE_LOG_LEVEL, as the headless mode's --log-level reads it; unset or blank: undefined. */
export function parseLogLevelEnv(value: string | undefined): LogLevel | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return parseLogLevel(value, ENV.logLevel);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

export interface ResolveConfigInput {
  env: Env;
  /** app.getPath('userData'): the OS's per-user app data folder. */
  userDataDir: string;
  /** Where shipped resources live: process.resourcesPath when packaged, <repo>/resources in dev. */
  resourcesDir: string;
  exists?: (path: string) => boolean;
}

export function resolveConfig(input: ResolveConfigInput): ShellConfig {
  const { env } = input;
  const nativeBinding = resolveNativeBinding(env, input.resourcesDir, input.exists);
  const dataDirOverride = env[ENV.dataDir]?.trim();
  const logLevel = parseLogLevelEnv(env[ENV.logLevel]);
  return {
    // Resolved now so a relative override means "relative to where I started the app".
    dataDir: dataDirOverride ? resolve(dataDirOverride) : input.userDataDir,
    receiverPort: parsePort(env[ENV.receiverPort], DEFAULT_RECEIVER_PORT, ENV.receiverPort),
    uiPort: parsePort(env[ENV.uiPort], DEFAULT_UI_PORT, ENV.uiPort),
    receiverHost: env[ENV.receiverHost]?.trim() || env[ENV.receiverHostAlias]?.trim() || '127.0.0.1',
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(logLevel ? { logLevel } : {}),
  };
}

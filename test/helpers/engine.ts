import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../src/main/engine/engine';
import type { TunnelOptions } from '../../src/main/engine/tunnels/types';
import type { LogLevel } from '../../src/main/engine/logging/levels';
import { createApiClient, type ApiClient } from '../../src/shared/contract/client';
import type { MutableHeaderPair } from '../../src/shared/http-headers';

export interface TestEngine {
  engine: RunningEngine;
  dataDir: string;
  /** The typed control API client, with the token. */
  client: ApiClient;
  /** Calls the control API with the token; returns status and parsed JSON (for status and error checks). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Sends raw bytes to the receiver. */
  send(
    path: string,
    init?: { method?: string; headers?: Record<string, string> | MutableHeaderPair[]; body?: Buffer | string },
  ): Promise<Response>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hookscope-test-'));
}

/** A real engine on free ports with a fresh SQLite file (or the given data dir). */
export async function startTestEngine(
  options: {
    dataDir?: string;
    bodyLimitBytes?: number;
    token?: string;
    maxConnections?: number;
    silentConnectionMs?: number;
    tunnels?: TunnelOptions;
    receiverHost?: string;
    logLevel?: LogLevel;
  } = {},
): Promise<TestEngine> {
  const dataDir = options.dataDir ?? makeDataDir();
  const engine = await startEngine({
    dataDir,
    receiverPort: 0,
    receiverHost: options.receiverHost ?? '127.0.0.1',
    uiPort: 0,
    token: options.token ?? 'test-token',
    bodyLimitBytes: options.bodyLimitBytes,
    maxConnections: options.maxConnections,
    silentConnectionMs: options.silentConnectionMs,
    tunnels: options.tunnels,
    logLevel: options.logLevel,
    rendererDir: join(process.cwd(), 'out/renderer'),
    version: 'test',
  });
  return {
    engine,
    dataDir,
    client: createApiClient({ baseUrl: engine.uiUrl, headers: () => ({ authorization: `Bearer ${engine.token}` }) }),
    async api(method, path, body) {
      const response = await fetch(`${engine.uiUrl}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${engine.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
    },
    send(path, init = {}) {
      return fetch(`${engine.receiverUrl}${path}`, {
        method: init.method ?? 'POST',
        headers: init.headers,
        // fetch's types want a Uint8Array view, not a Node Buffer.
        body: Buffer.isBuffer(init.body) ? new Uint8Array(init.body) : init.body,
      });
    },
    async stop({ keepData = false } = {}) {
      await engine.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import type { LogLevel } from './logging/levels';
import type { ListenSession } from './listen-session';
import type { TunnelOptions } from './tunnels/types';

export interface EngineOptions {
  /** Directory holding hookscope.db; created when missing. */
  dataDir: string;
  /** Receiver port; 0 picks a free one. */
  receiverPort: number;
  /** Address the receiver binds to (127.0.0.1 unless the user opts in to more). */
  receiverHost: string;
  /** Control API + UI port, always bound to 127.0.0.1; 0 picks a free one. */
  uiPort: number;
  /** Per-launch token; a random one is generated when absent. */
  token?: string;
  /** better_sqlite3.node built for Electron's ABI; plain Node uses the one in node_modules. */
  nativeBinding?: string;
  bodyLimitBytes?: number;
  /** Receiver connections open at once before new ones are refused (default 1,000). */
  maxConnections?: number;
  /** A receiver connection silent this long (no byte of a request) is closed (default 60 s). */
  silentConnectionMs?: number;
  /** Directory of the built renderer (out/renderer) that the control API serves. */
  rendererDir: string;
  version: string;
  /** Where tunnels are detected and how managed ones run. */
  tunnels?: TunnelOptions;
  /** Level of `<data-dir>/logs/hookscope.log` (default `info`; the receiver logs `warn` and up then). */
  logLevel?: LogLevel;
  /** `hookscope listen`: its own endpoint replaces the stored ones for this run. */
  listen?: ListenSession;
}

export interface RunningEngine {
  receiverUrl: string;
  /** The UI's origin, e.g. http://127.0.0.1:4701 (no credentials). */
  uiUrl: string;
  /** The URL a browser opens: it carries the token, which the page keeps in its tab (never a cookie). */
  launchUrl: string;
  token: string;
  dataDir: string;
  /** The log file (`<data-dir>/logs/hookscope.log`). */
  logFile: string;
  close(): Promise<void>;
}

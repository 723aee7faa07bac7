import type { Server, Socket } from 'node:net';

/** What the receiver's connection guard has seen, for /api/health. */
export interface ConnectionStats {
  /** Connections open now. */
  open: number;
  /** The most the receiver accepts at once; more are refused. */
  max: number;
  /** Connections refused since the start because `max` were open. */
  refused: number;
  /** Connections closed because they sent nothing within the silence limit. */
  closed_silent: number;
}

export const DEFAULT_MAX_CONNECTIONS = 1000;
/** A connection that has sent not one byte of a request by then is closed (Node waits forever). */
export const DEFAULT_SILENT_CONNECTION_MS = 60_000;

/**
 * Bounds the receiver's connections: at most `max` at once (the operating system's and the
 * process's file descriptors are finite, and one sender must not exhaust them), and none that stay
 * silent. Node itself closes a connection whose request head is incomplete after `headersTimeout`
 * (60 s) and an idle keep-alive connection after `keepAliveTimeout`, but not one that never sends
 * a byte: that is this guard's job.
 */
export function guardConnections(server: Server, options: { max: number; silentMs: number }): ConnectionStats {
  const stats: ConnectionStats = { open: 0, max: options.max, refused: 0, closed_silent: 0 };
  server.maxConnections = options.max;
  // Emitted (Node 18.6+) for each connection refused because maxConnections were open.
  server.on('drop', () => {
    stats.refused += 1;
  });
  server.on('connection', (socket: Socket) => {
    stats.open += 1;
    const silent = setTimeout(() => {
      stats.closed_silent += 1;
      socket.destroy();
    }, options.silentMs);
    silent.unref();
    socket.once('data', () => clearTimeout(silent));
    socket.once('close', () => {
      clearTimeout(silent);
      stats.open -= 1;
    });
  });
  return stats;
}

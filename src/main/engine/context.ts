import type Database from 'better-sqlite3';
import type { EndpointsRepo } from './store/endpoints-repo';
import type { RequestsRepo } from './store/requests-repo';
import type { SentRepo } from './store/sent-repo';
import type { LiveHub } from './live-hub';
import type { ConnectionStats } from './receiver/connection-guard';
import type { StorageHealth } from './store/storage-health';
import type { HistorySearch } from './history/history-search';
import type { SearchIndexer } from './history/search-indexer';
import type { Retention } from './history/retention';
import type { TunnelService } from './tunnels/tunnel-service';
import type { Logger } from './logging/engine-log';

/**
 * What route modules and services share. Built once per engine instance (no module-level
 * singletons), so tests can run several engines side by side.
 */
export interface EngineContext {
  db: Database.Database;
  requests: RequestsRepo;
  endpoints: EndpointsRepo;
  /** The Sent history (send, replay, resend). */
  sent: SentRepo;
  live: LiveHub;
  /** Search and counts over the history (GET /api/requests). */
  history: HistorySearch;
  /** Keeps the search index current, in the background. */
  indexer: SearchIndexer;
  /** Keeps the history within the user's limits. */
  retention: Retention;
  version: string;
  dataDir: string;
  /** The engine's lines in the log file (start, stop, retention, tunnels). */
  log: Logger;
  /** Where the log is written (GET /api/health's `log_file`). */
  logFile: string;
  bodyLimitBytes: number;
  /** Whether captures can be stored right now. */
  storage: StorageHealth;
  /** The receiver's connection counts (receiver/connection-guard.ts). */
  connections: ConnectionStats;
  /** Detected and managed tunnels (GET/POST/DELETE /api/tunnels). */
  tunnels: TunnelService;
  /** Filled in once the receiver listens. */
  receiverUrl: string;
  uiUrl: string;
  /** Writes captures still waiting for their group commit and pushes their live summaries. */
  flushPendingCaptures: () => void;
}

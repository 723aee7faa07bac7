import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../shared/api';
import type { EngineContext } from './context';
import { buildControlApp } from './control/control-app';
import { CaptureBatcher, LiveHub } from './live-hub';
import type { EngineOptions, RunningEngine } from './options';
import { buildReceiver } from './receiver/receiver';
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_SILENT_CONNECTION_MS, guardConnections } from './receiver/connection-guard';
import { PlatformService } from './platform/platform-service';
import { EndpointsService } from './services/endpoints-service';
import { DATABASE_FILE, openDatabase } from './store/database';
import { checkDataDir } from './data-dir-check';
import { EndpointsRepo } from './store/endpoints-repo';
import { GroupCommitter } from './store/group-commit';
import type { NewCapture } from './store/capture';
import { summaryOfCapture } from './store/capture-summary';
import { RequestsRepo } from './store/requests-repo';
import { SentRepo } from './store/sent-repo';
import { WalCheckpointer } from './store/wal-checkpointer';
import { StorageHealth } from './store/storage-health';
import { HistorySearch } from './history/history-search';
import { SearchIndexer } from './history/search-indexer';
import { Retention } from './history/retention';
import { SelfCheckMark } from './tunnels/self-check-mark';
import { TunnelService } from './tunnels/tunnel-service';
import { withAgentAddressesFromEnv } from './tunnels/addresses';
import { openEngineLogs, scrubSecrets, type EngineLogs } from './logging/engine-log';
import { DEFAULT_LOG_LEVEL } from './logging/levels';
import { LISTEN_LOG_FILE } from './listen-session';

/**
 * WAL size (pages, 80 MB of 8 KiB) at which the main connection checkpoints by itself: a backstop
 * above what the checkpointer thread lets accumulate, so the WAL stays bounded if that thread lags.
 */
const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

export type { EngineOptions, RunningEngine } from './options';

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host);

/** Starts the store, the receiver and the control API; resolves once both are listening. */
export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const tunnelOptions = withAgentAddressesFromEnv(options.tunnels);
  checkDataDir(options.dataDir);
  const db = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
  let checkpointer: WalCheckpointer;
  try {
    checkpointer = await WalCheckpointer.start({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding });
  } catch (error) {
    db.close();
    throw error;
  }
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const logLevel = options.logLevel ?? DEFAULT_LOG_LEVEL;
  // Set once the endpoints service exists; until then only the token is known to scrub.
  let endpointSecrets: () => string[] = () => [];
  let logs: EngineLogs;
  try {
    logs = openEngineLogs({
      dataDir: options.dataDir,
      level: logLevel,
      ...(options.listen ? { file: LISTEN_LOG_FILE } : {}),
      scrub: (text) => scrubSecrets(text, [token, ...endpointSecrets()]),
    });
  } catch (error) {
    await checkpointer.close();
    db.close();
    throw error;
  }
  const ctx = {
    db,
    requests: new RequestsRepo(db),
    endpoints: new EndpointsRepo(db),
    sent: new SentRepo(db),
    live: new LiveHub(),
    version: options.version,
    dataDir: options.dataDir,
    log: logs.engine,
    logFile: logs.file,
    bodyLimitBytes,
    receiverUrl: '',
    uiUrl: '',
    // The live summaries of those captures go out too, so that no client receives them after
    // whatever the caller does next (a Clear all would otherwise be followed by ghosts).
    flushPendingCaptures: () => {
      committer.flush();
      liveCaptures.flush();
    },
    // The search pair needs the context itself; both are set right below, before anything runs.
  } as EngineContext;
  ctx.indexer = new SearchIndexer(db, ctx);
  ctx.history = new HistorySearch(db, ctx.indexer, () => ctx.endpoints.list(), ctx.requests);
  ctx.retention = new Retention(ctx);
  const endpoints = new EndpointsService(ctx);
  endpointSecrets = () => endpoints.list().map((endpoint) => endpoint.secret);
  const platform = new PlatformService(ctx);
  const liveCaptures = new CaptureBatcher(ctx.live);
  ctx.storage = new StorageHealth(ctx.live);
  const selfCheck = new SelfCheckMark();
  let receiverPort = 0;
  let receiverAddress = options.receiverHost;
  ctx.tunnels = new TunnelService({
    live: ctx.live,
    dataDir: options.dataDir,
    receiver: () => ({ host: receiverAddress, port: receiverPort }),
    mark: selfCheck,
    options: tunnelOptions,
    log: ctx.log,
  });
  const committer = new GroupCommitter<NewCapture, number>(
    (captures) => ctx.storage.track(() => ctx.requests.insertMany(captures)),
    (captures, ids) => {
      liveCaptures.add(captures.map((capture, index) => summaryOfCapture(ids[index] as number, capture)));
      captures.forEach((capture, index) => options.listen?.captured?.(ids[index] as number, capture));
      ctx.indexer.schedule();
      if (!options.listen) ctx.retention.schedule();
    },
  );

  const listenEndpoints = options.listen ? [options.listen.endpoint] : null;
  const receiver = buildReceiver({
    bodyLimitBytes,
    endpoints: () => listenEndpoints ?? endpoints.list(),
    forwards: options.listen?.forwards,
    commit: (capture) => committer.enqueue(capture),
    controlToken: token,
    selfCheck,
    log: logs.receiver,
    parserAnswered: (id, response) => {
      ctx.db.transaction(() => ctx.indexer.replace(id, () => ctx.requests.setParserResponse(id, response)))();
      const summary = ctx.requests.summary(id);
      if (summary) ctx.live.publish({ type: 'captures-updated', data: [summary] });
    },
  });
  ctx.connections = guardConnections(receiver.server, {
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    silentMs: options.silentConnectionMs ?? DEFAULT_SILENT_CONNECTION_MS,
  });
  let uiPort = 0;
  const control = buildControlApp({
    ctx,
    token,
    rendererDir: options.rendererDir,
    endpoints,
    platform,
    port: () => uiPort,
    log: logs.control,
  });

  try {
    await receiver.listen({ port: options.receiverPort, host: options.receiverHost });
    await control.listen({ port: options.uiPort, host: '127.0.0.1' });
  } catch (error) {
    ctx.log.error({ err: error }, 'Hookscope could not start');
    await Promise.allSettled([receiver.close(), control.close()]);
    await checkpointer.close();
    db.close();
    await logs.close();
    throw error;
  }
  ({ port: receiverPort, address: receiverAddress } = receiver.server.address() as AddressInfo);
  uiPort = (control.server.address() as AddressInfo).port;
  ctx.receiverUrl = `http://${hostForUrl(options.receiverHost)}:${receiverPort}`;
  ctx.uiUrl = `http://127.0.0.1:${uiPort}`;
  ctx.log.info(
    { version: options.version, receiver_url: ctx.receiverUrl, ui_url: ctx.uiUrl, data_dir: options.dataDir, log_level: logLevel },
    'Hookscope started',
  );
  // Deliveries queued before the last stop resume now (their targets may be this receiver);
  // `hookscope listen` leaves them, and retention, to the app (see ListenSession).
  if (!options.listen) platform.start();
  // Captures left unindexed by the last run (or by an upgrade) are indexed, and the limits applied.
  ctx.indexer.schedule();
  if (!options.listen) ctx.retention.schedule();

  let closing: Promise<void> | null = null;
  return {
    receiverUrl: ctx.receiverUrl,
    uiUrl: ctx.uiUrl,
    launchUrl: `${ctx.uiUrl}/?token=${encodeURIComponent(token)}`,
    token,
    dataDir: options.dataDir,
    logFile: logs.file,
    close() {
      closing ??= (async () => {
        ctx.log.info('Hookscope stopping');
        // Stop the delivery queue first (attempts in flight finish, or stay queued for the next
        // start), then stop accepting requests, let in-flight captures commit, close the file.
        await platform.close();
        // Tunnels Hookscope started end with it (before the receiver, so none forwards into a closed port).
        await ctx.tunnels.close();
        await receiver.close();
        committer.flush();
        liveCaptures.flush();
        ctx.indexer.close();
        ctx.retention.close();
        await control.close();
        // The main connection closes last: SQLite then checkpoints and removes the WAL.
        await checkpointer.close();
        db.close();
        ctx.log.info('Hookscope stopped');
        await logs.close();
      })();
      return closing;
    },
  };
}

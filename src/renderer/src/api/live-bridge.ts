import type { LiveEvent, RequestSummary } from '../../../shared/api';
import type { DeliverySummary } from '../../../shared/platform-api';
import { createFrameBatcher } from '../lib/frame-batcher';
import { useStore } from '../store';
import { controlApi } from './control-api';
import { streamUrl } from './credential';

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 3_000, 5_000];
/** Rows applied per frame at most; a burst of 10 000 captures is spread over a few frames. */
const MAX_ROWS_PER_FLUSH = 2_000;
/** Timer fallback when animation frames are paused (background tab, minimised window). */
const FLUSH_FALLBACK_MS = 250;

/**
 * Connects the store to GET /api/stream. A plain module, not a hook: the stream lives as long as
 * the app, independent of which components are mounted. Returns a function that stops it.
 */
export function startLiveBridge(): () => void {
  const store = useStore.getState;
  const captureBatcher = createFrameBatcher<RequestSummary>((rows) => store().applyLiveCaptures(rows), {
    maxPerFlush: MAX_ROWS_PER_FLUSH,
    fallbackMs: FLUSH_FALLBACK_MS,
  });
  // Delivery updates come in bursts too (fan-out, retries): one store update per frame.
  const deliveryBatcher = createFrameBatcher<DeliverySummary>((rows) => store().applyDeliveryUpdates(rows), {
    maxPerFlush: MAX_ROWS_PER_FLUSH,
    fallbackMs: FLUSH_FALLBACK_MS,
  });

  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;

  function handle(event: LiveEvent): void {
    switch (event.type) {
      case 'captures':
        captureBatcher.push(event.data);
        break;
      case 'captures-updated':
        store().updateCapturesLocally(event.data);
        break;
      case 'request-deleted':
        store().removeCapturesLocally([event.data.id]);
        break;
      case 'requests-pruned':
        store().removeCapturesLocally(event.data.ids);
        break;
      case 'requests-cleared':
        // Queued rows predate the clear; applying them later would resurrect deleted captures.
        captureBatcher.discard();
        // Pinned captures survive a clear: re-read rather than empty the list.
        void store().reloadAfterClear();
        break;
      case 'requests-reverified':
        void store().refreshLoadedCaptures();
        if (store().detail?.endpoint_id === event.data.endpoint_id) void store().reloadDetail();
        break;
      case 'endpoints-changed':
        void store().loadEndpoints();
        break;
      case 'delivery-updated':
        deliveryBatcher.push([event.data]);
        break;
      case 'storage-changed':
        store().setStorageProblem(event.data.problem);
        break;
      case 'webhooks-changed':
        if (store().subscriptionsStatus !== 'idle') void store().loadSubscriptions();
        break;
      case 'sent':
        store().applySentSummary(event.data);
        break;
      case 'sent-deleted':
        store().removeSentLocally(event.data.id);
        break;
      case 'sent-cleared':
        store().clearSentLocally();
        break;
      case 'tunnels-changed':
        store().setTunnels(event.data);
        break;
    }
  }

  /** After any gap in the stream we may have missed events: re-read everything we show. */
  function resync(): void {
    void store().loadHealth();
    void store().loadEndpoints();
    void store().loadTunnels();
    if (store().schemesStatus === 'error') void store().loadSchemes();
    void store().loadFirstPage();
    if (store().subscriptionsStatus !== 'idle') void store().openSubscriptionsPage();
    if (store().sentStatus !== 'idle') void store().loadSent();
    void store().reloadDetail();
  }

  function connect(): void {
    source = new EventSource(streamUrl());
    source.onopen = () => {
      failures = 0;
      store().setConnectionStatus('online');
      resync();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        handle(JSON.parse(message.data) as LiveEvent);
      } catch (error) {
        console.warn('Ignoring a malformed live event', error);
      }
    };
    source.onerror = () => {
      // EventSource retries on its own only sometimes (never after a 401 or a bad content type);
      // closing and retrying ourselves gives one predictable path, with a health probe first.
      source?.close();
      source = null;
      scheduleRetry();
    };
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== null) return;
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)] ?? 5_000;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      // The probe sets the status (unreachable / unauthorized / online) through the HTTP layer.
      controlApi.health().then(
        () => !stopped && connect(),
        () => scheduleRetry(),
      );
    }, delay);
  }

  connect();

  return () => {
    stopped = true;
    source?.close();
    if (retryTimer !== null) clearTimeout(retryTimer);
    captureBatcher.discard();
    deliveryBatcher.discard();
  };
}

import { readQueryParam } from '../lib/query-url';
import { useStore } from '../store';
import { adoptLaunchToken } from './credential';
import { observeReachability } from './http';
import { startLiveBridge } from './live-bridge';

/** Wires the HTTP layer and the live stream to the store and loads the first data. */
export function bootstrap(): void {
  // First: every request below needs the token, and ?token= must leave the address at once.
  adoptLaunchToken();
  const store = useStore.getState;
  observeReachability((reachability) => store().setConnectionStatus(reachability));

  // In Electron the preload knows the receiver URL before the engine answers; in a browser it
  // is absent and /api/health provides it.
  window.hookscope
    ?.getConnection()
    .then((connection) => {
      if (store().receiverUrl === null) store().setReceiverUrl(connection.receiverUrl);
    })
    .catch(() => {});

  void store().loadHealth();
  void store().loadEndpoints();
  void store().loadSchemes();
  // A reload keeps the filter: the list starts with the URL's ?q=.
  store().reportInterruptedDeletes();
  store().setInitialQuery(readQueryParam(window.location.search));
  void store().loadFirstPage();
  startLiveBridge();
}

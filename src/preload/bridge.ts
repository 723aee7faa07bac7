import { BRIDGE_CHANNELS, type BridgeConnection, type HookscopeBridge } from '../shared/bridge';

/** The only part of ipcRenderer the bridge needs; a fake in tests, ipcRenderer in the app. */
export interface InvokeOnly {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/**
 * Builds the object exposed to the page. Each method is a fixed channel with fixed arguments,
 * so a compromised page can never reach an arbitrary IPC channel (no generic `invoke`), and the
 * IPC object itself is captured in a closure rather than exposed.
 */
export function createBridge(ipc: InvokeOnly): HookscopeBridge {
  return {
    getConnection: async () => (await ipc.invoke(BRIDGE_CHANNELS.getConnection)) as BridgeConnection,
    openExternal: async (url: string) => {
      // Main validates again; coercing here just keeps non-strings from being structured-cloned.
      await ipc.invoke(BRIDGE_CHANNELS.openExternal, typeof url === 'string' ? url : String(url));
    },
    appVersion: async () => String(await ipc.invoke(BRIDGE_CHANNELS.appVersion)),
  };
}

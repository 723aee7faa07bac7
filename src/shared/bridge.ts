/**
 * The contract between the preload (src/preload) and the Electron main process
 * (src/main/shell/ipc-handlers.ts). Both sides import the channel names from here so a rename
 * cannot leave one side listening on a dead channel.
 *
 * The bridge carries only what a browser page cannot do by itself; everything else goes
 * through the control API over HTTP, identically in the desktop app and the headless mode.
 */

/** One dedicated channel per native capability; there is deliberately no generic channel. */
export const BRIDGE_CHANNELS = {
  getConnection: 'hookscope:get-connection',
  openExternal: 'hookscope:open-external',
  appVersion: 'hookscope:app-version',
} as const;

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
export type BridgeChannel = (typeof BRIDGE_CHANNELS)[BridgeMethod];

export interface BridgeConnection {
  /** Where webhook senders should post, e.g. http://127.0.0.1:4700 */
  receiverUrl: string;
  /** The UI/control API origin, e.g. http://127.0.0.1:4701 (no token: the page has a cookie). */
  uiUrl: string;
}

/**
 * What the preload exposes as `window.hookscope`. Absent in the headless (browser) mode, so the
 * renderer types it as optional (src/renderer/src/env.d.ts declares the Window property).
 */
export interface HookscopeBridge {
  getConnection(): Promise<BridgeConnection>;
  /** Opens an http(s) URL in the system browser; rejects for any other scheme. */
  openExternal(url: string): Promise<void>;
  appVersion(): Promise<string>;
}

/** The global name the preload uses with contextBridge.exposeInMainWorld. */
export const BRIDGE_GLOBAL = 'hookscope';

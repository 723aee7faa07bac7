/// <reference types="vite/client" />

/** Connection details the Electron preload can supply; absent in a plain browser. */
interface HookscopeConnection {
  receiverUrl: string;
  uiUrl: string;
}

/**
 * The preload bridge (src/preload). Optional on purpose: in headless web mode the same renderer
 * runs in an ordinary browser tab where nothing is exposed, so every use must fall back.
 */
interface HookscopeBridge {
  getConnection(): Promise<HookscopeConnection>;
  openExternal(url: string): Promise<void>;
}

interface Window {
  hookscope?: HookscopeBridge;
}

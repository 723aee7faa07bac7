// Sandboxed preload: bundled to CommonJS (out/preload/index.cjs) and allowed to require only
// 'electron'. Everything it needs from this repo is inlined by the bundler.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/bridge';
import { createBridge } from './bridge';

// Wrap invoke instead of handing over ipcRenderer, so not even the bridge closure holds a
// reference with `on`/`send` that a future edit could leak to the page.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge({ invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args) }));

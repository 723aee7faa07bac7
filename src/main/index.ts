// Electron entry. Deliberately thin: it starts the headless engine in-process and points a
// hardened window at the UI the engine serves. Every decision (window flags, CSP, navigation,
// IPC validation, configuration, error wording) lives in ./shell, tested without Electron.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session, shell } from 'electron';
import { startEngine } from './engine/engine';
import { publishInstance } from './engine/instance-file';
import type { RunningEngine } from './engine/options';
import { resolveConfig, type ShellConfig } from './shell/config';
import { hardenContents, hardenSession } from './shell/harden';
import { createIpcHandlers, guardSender } from './shell/ipc-handlers';
import { originOf } from './shell/navigation';
import { describeStartupError } from './shell/startup-errors';
import { createWindowOptions } from './shell/window-options';

// out/main/index.js -> out/preload, out/renderer (the bundle is ESM: no __dirname).
const outMainDir = dirname(fileURLToPath(import.meta.url));

function appResourcesDir(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
}

async function run(): Promise<void> {
  let engine: RunningEngine | undefined;
  let engineClosed = false;
  let closing = false;

  // Close the engine (flush captures, close SQLite) before the process exits: the first
  // before-quit is cancelled, the engine closes, then quit runs again with nothing to wait for.
  app.on('before-quit', (event) => {
    if (!engine || engineClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    engine
      .close()
      .catch((err: unknown) => console.error('Hookscope: error while closing the engine:', err))
      .finally(() => {
        engineClosed = true;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  await app.whenReady();

  let config: ShellConfig | undefined;
  try {
    config = resolveConfig({ env: process.env, userDataDir: app.getPath('userData'), resourcesDir: appResourcesDir() });
    engine = await startEngine({
      ...config,
      rendererDir: join(outMainDir, '../renderer'),
      version: app.getVersion(),
    });
  } catch (err) {
    const { title, message } = describeStartupError(err, config);
    console.error(`${title}: ${message}`);
    dialog.showErrorBox(title, message);
    app.exit(1);
    return;
  }

  const running = engine;
  publishInstance(running);
  const uiOrigin = originOf(running.uiUrl) ?? running.uiUrl;
  const openExternal = (url: string): void => {
    shell.openExternal(url).catch((err: unknown) => console.error('Hookscope: could not open', url, err));
  };

  hardenSession(session.defaultSession, uiOrigin);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, uiOrigin, openExternal));

  const handlers = createIpcHandlers({
    openExternal: (url) => shell.openExternal(url),
    connection: () => ({ receiverUrl: running.receiverUrl, uiUrl: running.uiUrl }),
    appVersion: () => app.getVersion(),
  });
  for (const [channel, handler] of Object.entries(handlers)) {
    const guarded = guardSender(handler, uiOrigin);
    ipcMain.handle(channel, (event, ...args: unknown[]) => guarded(event.senderFrame?.url, ...args));
  }

  const openWindow = (): BrowserWindow => {
    const win = new BrowserWindow(
      createWindowOptions({
        preloadPath: join(outMainDir, '../preload/index.cjs'),
        iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
        dark: nativeTheme.shouldUseDarkColors,
      }),
    );
    win.once('ready-to-show', () => win.show());
    // Every window gets the launch URL: its page keeps the token in its own sessionStorage (no
    // cookie, which every local port would receive), so a later window (macOS re-activation)
    // needs it too.
    win.loadURL(running.launchUrl).catch((err: unknown) => {
      dialog.showErrorBox('Hookscope: the UI did not load', `${running.uiUrl} failed to load: ${String(err)}`);
    });
    return win;
  };

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (!win) return void openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; the receiver keeps capturing meanwhile.
    if (process.platform !== 'darwin') app.quit();
  });

  console.log(`Hookscope: receiver ${running.receiverUrl}, UI ${running.uiUrl}, data ${running.dataDir}, log ${running.logFile}`);
  openWindow();
}

// Electron derives userData from package.json's name ("hookscope"); the headless mode uses
// "<appData>/Hookscope" (src/main/engine/data-dir.ts). Pin the same folder so both modes share
// one history. Must happen before 'ready' and before the single-instance lock, which uses it.
app.setPath('userData', join(app.getPath('appData'), 'Hookscope'));

// A second instance would fight the first over the ports and the database: hand over to the
// first one (its 'second-instance' handler focuses its window) and leave.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run().catch((err: unknown) => {
    console.error('Hookscope: fatal error during startup:', err);
    dialog.showErrorBox('Hookscope could not start', String(err));
    app.exit(1);
  });
}

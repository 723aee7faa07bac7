import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built sandboxed preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Window icon (used on Linux and Windows; macOS takes the bundle icon). */
  iconPath?: string;
  /** The system prefers dark colours (nativeTheme.shouldUseDarkColors): the app follows it by default. */
  dark: boolean;
}

/** The page background (`--bg` in the renderer's styles/tokens.css) of each theme. */
const BACKGROUND = { dark: '#0d1117', light: '#ffffff' } as const;

/**
 * The main window's options. Every security-relevant flag is spelled out even where it equals
 * Electron's current default, so a changed default or a careless edit shows up in review and
 * fails test/unit/shell/window-options.test.ts.
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Hookscope',
    // Shown on 'ready-to-show' to avoid a white flash while the UI loads; the background (seen
    // while resizing) is the theme's that the page will most likely pick.
    show: false,
    backgroundColor: input.dark ? BACKGROUND.dark : BACKGROUND.light,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // The UI is JSON, headers and secrets: squiggles there are noise, and Chromium's
      // spellchecker would fetch dictionaries from a Google CDN on first use.
      spellcheck: false,
    },
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../src/main/shell/window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', iconPath: '/app/resources/icon.png', dark: true });
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and extras off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('uses the built CommonJS preload and the icon', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(options.icon).toBe('/app/resources/icon.png');
  });

  it('starts hidden so the window is shown once the UI is ready', () => {
    expect(options.show).toBe(false);
  });

  it('omits the icon when none is given', () => {
    expect('icon' in createWindowOptions({ preloadPath: '/p.cjs', dark: true })).toBe(false);
  });
});

describe('the window background', () => {
  it('is the page background (tokens.css --bg) of the theme the system prefers', () => {
    const css = readFileSync('src/renderer/src/styles/tokens.css', 'utf8');
    const dark = /:root\s*\{[^}]*?--bg:\s*(#[0-9a-f]+)/i.exec(css)?.[1];
    const light = /:root\[data-theme='light'\]\s*\{[^}]*?--bg:\s*(#[0-9a-f]+)/i.exec(css)?.[1];
    expect(dark).toBeDefined();
    expect(light).toBeDefined();
    expect(createWindowOptions({ preloadPath: '/p.cjs', dark: true }).backgroundColor).toBe(dark);
    expect(createWindowOptions({ preloadPath: '/p.cjs', dark: false }).backgroundColor).toBe(light);
  });
});

import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../src/main/shell/window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', iconPath: '/app/resources/icon.png' });
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
    expect('icon' in createWindowOptions({ preloadPath: '/p.cjs' })).toBe(false);
  });
});

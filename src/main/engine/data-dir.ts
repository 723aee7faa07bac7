import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user application data folder, the same one Electron's app.getPath('userData') uses
 * for an app named "Hookscope", so the desktop app and the headless mode share history.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HOOKSCOPE_DATA_DIR) return env.HOOKSCOPE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hookscope');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hookscope');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hookscope');
}

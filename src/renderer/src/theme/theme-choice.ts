/** What the user picked in the top bar; 'system' follows the OS's prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The palette actually shown: tokens.css keys its light palette on `data-theme`. */
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * The localStorage key. public/theme-boot.js reads the same key before first paint (it cannot
 * import this module: it is a classic script that must run before the bundle loads).
 */
export const THEME_STORAGE_KEY = 'hookscope.theme';

/** A stored value from an older or hand-edited profile falls back to following the system. */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice !== 'system') return choice;
  return systemPrefersLight ? 'light' : 'dark';
}

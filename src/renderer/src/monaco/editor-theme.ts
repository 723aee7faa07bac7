import { useTheme } from '../theme/theme-store';

/**
 * The Monaco theme for the app's theme (both defined in ./setup). Monaco's theme is global: every
 * editor passes this same value, so mounting an editor never switches the others to another one.
 */
export function useEditorTheme(): 'hookscope-light' | 'hookscope-dark' {
  return useTheme((s) => (s.theme === 'light' ? 'hookscope-light' : 'hookscope-dark'));
}

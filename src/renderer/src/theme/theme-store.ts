import { create } from 'zustand';
import { THEME_STORAGE_KEY, parseThemeChoice, resolveTheme, type Theme, type ThemeChoice } from './theme-choice';

/**
 * The theme lives in its own small store, not in the app store: it is a per-browser display
 * preference (localStorage), read before the app store or the engine exist, and owes nothing
 * to engine data.
 */
interface ThemeState {
  choice: ThemeChoice;
  /** The theme shown now: `choice`, or the system's preference when that is 'system'. */
  theme: Theme;
  setChoice: (choice: ThemeChoice) => void;
}

const LIGHT_QUERY = '(prefers-color-scheme: light)';

function readStoredChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage can be disabled (privacy settings); the app still works, following the system.
    return 'system';
  }
}

function storeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not persisted, still applied for this session.
  }
}

const media = window.matchMedia(LIGHT_QUERY);
const initialChoice = readStoredChoice();

export const useTheme = create<ThemeState>()((set) => ({
  choice: initialChoice,
  theme: resolveTheme(initialChoice, media.matches),
  setChoice: (choice) => {
    storeChoice(choice);
    set({ choice, theme: resolveTheme(choice, media.matches) });
  },
}));

// Live: an OS switch (or a scheduled dark mode) while the app runs re-themes it when following the system.
media.addEventListener('change', () => {
  const { choice } = useTheme.getState();
  useTheme.setState({ theme: resolveTheme(choice, media.matches) });
});

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

applyTheme(useTheme.getState().theme);
useTheme.subscribe((state, previous) => {
  if (state.theme !== previous.theme) applyTheme(state.theme);
});

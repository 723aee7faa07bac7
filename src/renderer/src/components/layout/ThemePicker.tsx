import { THEME_CHOICES, type ThemeChoice } from '../../theme/theme-choice';
import { useTheme } from '../../theme/theme-store';
import styles from './ThemePicker.module.css';

const LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** A native select: labelled, keyboard-usable (arrows, type-ahead) and compact in the top bar. */
export function ThemePicker() {
  const choice = useTheme((s) => s.choice);
  const setChoice = useTheme((s) => s.setChoice);
  return (
    <label className={styles.picker} title="Colour theme; System follows your OS setting">
      <span className={styles.label}>Theme</span>
      <select
        aria-label="Theme"
        data-testid="theme-picker"
        value={choice}
        onChange={(event) => setChoice(event.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}

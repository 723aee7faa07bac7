import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme } from '../../../src/renderer/src/theme/theme-choice';

describe('theme choice', () => {
  it('reads a stored choice, falling back to the system for anything else', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('Light')).toBe('system');
    expect(parseThemeChoice('solarized')).toBe('system');
  });

  it('follows the system only when the choice is system', () => {
    expect(resolveTheme('system', true)).toBe('light');
    expect(resolveTheme('system', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('light', false)).toBe('light');
  });
});

import { describe, expect, it } from 'vitest';
import { SHORTCUTS, indexAfterRemoval, matchShortcut, moveIndex, type KeyPress } from '../../../src/renderer/src/lib/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const idOf = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}) => matchShortcut(press(key, mods))?.id ?? null;

describe('the shortcut table', () => {
  it('maps each key to its action', () => {
    expect(idOf('j')).toBe('next');
    expect(idOf('ArrowDown')).toBe('next');
    expect(idOf('k')).toBe('previous');
    expect(idOf('ArrowUp')).toBe('previous');
    expect(idOf('Home')).toBe('first');
    expect(idOf('End')).toBe('last');
    expect(idOf('Enter')).toBe('focus-detail');
    expect(idOf('Escape')).toBe('back-to-list');
    expect(idOf('/')).toBe('search');
    expect(idOf('k', { ctrlKey: true })).toBe('search');
    expect(idOf('K', { metaKey: true })).toBe('search'); // Cmd+K with Caps Lock
    expect(idOf('r')).toBe('replay');
    expect(idOf('c')).toBe('copy-curl');
    expect(idOf('p')).toBe('toggle-pin');
    expect(idOf('Delete')).toBe('delete');
    expect(idOf('Backspace')).toBe('delete');
    expect(idOf('?', { shiftKey: true })).toBe('help');
    // German, Nordic and Swiss layouts type `/` with Shift.
    expect(idOf('/', { shiftKey: true })).toBe('search');
  });

  it('ignores Ctrl, Cmd and Alt (browser and system shortcuts), and Shift where it changes the key', () => {
    expect(idOf('r', { ctrlKey: true })).toBeNull(); // reload
    expect(idOf('c', { metaKey: true })).toBeNull(); // copy
    expect(idOf('p', { altKey: true })).toBeNull();
    expect(idOf('k', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(idOf('k', { ctrlKey: true, altKey: true })).toBeNull();
    expect(idOf('/', { ctrlKey: true })).toBeNull();
    expect(idOf('Delete', { shiftKey: true })).toBeNull();
    expect(idOf('R', { shiftKey: true })).toBeNull();
    expect(idOf('x')).toBeNull();
  });

  it('lists every action once, each with a key to show and a description', () => {
    const ids = SHORTCUTS.map((shortcut) => shortcut.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
    for (const shortcut of SHORTCUTS) {
      expect(shortcut.labels.length).toBeGreaterThan(0);
      expect(shortcut.description.length).toBeGreaterThan(5);
    }
  });
});

describe('moving the selection', () => {
  it('steps within the list and stops at its ends', () => {
    expect(moveIndex('next', 0, 3)).toBe(1);
    expect(moveIndex('next', 2, 3)).toBe(2);
    expect(moveIndex('previous', 1, 3)).toBe(0);
    expect(moveIndex('previous', 0, 3)).toBe(0);
    expect(moveIndex('first', 2, 3)).toBe(0);
    expect(moveIndex('last', 0, 3)).toBe(2);
  });

  it('starts at the top when nothing is selected, and has nowhere to go in an empty list', () => {
    expect(moveIndex('next', -1, 3)).toBe(0);
    expect(moveIndex('previous', -1, 3)).toBe(0);
    expect(moveIndex('next', -1, 0)).toBeNull();
    expect(moveIndex('last', -1, 0)).toBeNull();
  });

  it('after a delete selects the next row, or the one before when the last went', () => {
    expect(indexAfterRemoval(1, 3)).toBe(1);
    expect(indexAfterRemoval(2, 3)).toBe(1);
    expect(indexAfterRemoval(0, 1)).toBeNull();
    expect(indexAfterRemoval(-1, 3)).toBeNull();
  });
});

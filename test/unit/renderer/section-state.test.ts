import { describe, expect, it } from 'vitest';
import { SECTION_STATE_KEY, isSectionOpen, readSectionState, writeSectionState } from '../../../src/renderer/src/lib/section-state';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('remembered section state', () => {
  it('follows the default until the user chooses, then the choice', () => {
    const storage = memoryStorage();
    let state = readSectionState(storage);
    expect(isSectionOpen(state, 'overview', true)).toBe(true);
    state = writeSectionState(storage, state, 'overview', false);
    expect(isSectionOpen(readSectionState(storage), 'overview', true)).toBe(false);
    // Other sections keep their defaults.
    expect(isSectionOpen(readSectionState(storage), 'verification.failed', true)).toBe(true);
    expect(JSON.parse(storage.data.get(SECTION_STATE_KEY)!)).toEqual({ overview: false });
  });

  it('treats unreadable storage as no choice at all', () => {
    expect(readSectionState(memoryStorage({ [SECTION_STATE_KEY]: '{not json' }))).toEqual({});
    expect(readSectionState(memoryStorage({ [SECTION_STATE_KEY]: '[true]' }))).toEqual({});
    expect(readSectionState(memoryStorage({ [SECTION_STATE_KEY]: '{"a":true,"b":"yes"}' }))).toEqual({ a: true });
    expect(readSectionState(null)).toEqual({});
  });

  it('still toggles when storage refuses to write', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeSectionState(refusing, {}, 'forward', false)).toEqual({ forward: false });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clamp, readStoredSize, readStoredSizes, writeStored } from '../../../src/renderer/src/lib/layout-storage';
import { columnStyle, rowMinWidth } from '../../../src/renderer/src/components/inspector/capture-columns';

/** A Map-backed Storage: the unit suite runs in Node, where localStorage does not exist. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('layout storage', () => {
  it('round-trips a size and a map of sizes, and removes them when reset', () => {
    writeStored('split', 480);
    expect(readStoredSize('split')).toBe(480);
    writeStored('columns', { path: 300, event: 120 });
    expect(readStoredSizes('columns', ['path', 'event', 'time'])).toEqual({ path: 300, event: 120 });
    writeStored('split', null);
    writeStored('columns', {});
    expect(storage.items.size).toBe(0);
    expect(readStoredSize('split')).toBeNull();
  });

  it('treats whatever else is stored as the default layout', () => {
    for (const bad of ['not json', '"480"', '-5', '0', 'null', '1e999']) {
      storage.setItem('hookscope.layout.split', bad);
      expect(readStoredSize('split'), bad).toBeNull();
    }
    storage.setItem('hookscope.layout.columns', JSON.stringify({ path: 'wide', event: -1, time: 90, extra: 5 }));
    expect(readStoredSizes('columns', ['path', 'event', 'time'])).toEqual({ time: 90 });
    storage.setItem('hookscope.layout.columns', '[1,2]');
    expect(readStoredSizes('columns', ['path'])).toEqual({});
  });

  it('works (without keeping anything) where storage is missing or throws', () => {
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => writeStored('split', 400)).not.toThrow();
    expect(readStoredSize('split')).toBeNull();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(readStoredSize('split')).toBeNull();
  });

  it('clamps, keeping the minimum when the range is empty', () => {
    expect(clamp(5, 10, 20)).toBe(10);
    expect(clamp(25, 10, 20)).toBe(20);
    expect(clamp(15, 10, 5)).toBe(10);
  });
});

describe('capture list columns', () => {
  it('sets only the columns the user sized; a sized path hands the leftover space to the verdict', () => {
    expect(columnStyle({})).toEqual({});
    expect(columnStyle({ event: 120 })).toEqual({ '--col-event': '120px' });
    expect(columnStyle({ path: 300, verdict: 90 })).toEqual({ '--col-path': '300px', '--col-verdict': 'minmax(90px, 1fr)' });
  });

  it('computes the narrowest row: padding, pin, gaps and every shown column', () => {
    // 24 padding + 16 pin + (96 + 58 + 48 + 48 + 58 + 112) + 6 gaps of 6 px.
    expect(rowMinWidth({}, true)).toBe(24 + 16 + 420 + 36);
    // Without the size column (a narrow pane hides it), and with a sized path.
    expect(rowMinWidth({ path: 400 }, false)).toBe(24 + 16 + 96 + 58 + 400 + 48 + 112 + 30);
  });
});

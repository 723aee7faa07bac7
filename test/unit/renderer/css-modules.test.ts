import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A CSS Module's classes are typed as any string (vite/client), so `styles.rwo` would compile and
 * render an element without its style. This reads every import of a `*.module.css` and checks
 * each `styles.name` against the classes the sheet defines, and that each class is used.
 */
const ROOT = 'src/renderer/src';

function files(dir: string, suffix: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, suffix);
    return suffix.test(entry.name) ? [path] : [];
  });
}

/** Class names a sheet defines, `:global(...)` ones excepted. */
function classesOf(css: string): Set<string> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/:global\([^)]*\)/g, '');
  // Selectors only: the text before each `{`, never a declaration's value (`0.8s`, `1.5`).
  const selectors = [...text.matchAll(/([^{};]+)\{/g)].map((match) => match[1]!);
  return new Set(selectors.flatMap((selector) => [...selector.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((match) => match[1]!)));
}

interface Use {
  source: string;
  sheet: string;
  names: string[];
  dynamic: boolean;
}

function uses(): Use[] {
  return files(ROOT, /\.tsx?$/).flatMap((source) => {
    const code = readFileSync(source, 'utf8');
    return [...code.matchAll(/import (\w+) from '([^']+\.module\.css)';/g)].map(([, binding, path]) => ({
      source,
      sheet: resolve(dirname(source), path!),
      names: [...code.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))].map((match) => match[1]!),
      dynamic: new RegExp(`\\b${binding}\\[`).test(code),
    }));
  });
}

describe('CSS Modules', () => {
  const all = uses();

  it('are imported by the components', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('every styles.name a component uses is a class its sheet defines', () => {
    const missing = all.flatMap(({ source, sheet, names }) => {
      const defined = classesOf(readFileSync(sheet, 'utf8'));
      return names.filter((name) => !defined.has(name)).map((name) => `${source}: .${name} is not in ${sheet}`);
    });
    expect(missing).toEqual([]);
  });

  it('every class a sheet defines is used by a component that imports it', () => {
    const sheets = files(ROOT, /\.module\.css$/).map((sheet) => resolve(sheet));
    const unused = sheets.flatMap((sheet) => {
      const importers = all.filter((use) => use.sheet === sheet);
      if (importers.length === 0) return [`${sheet} is imported by no component`];
      // `styles[status]` picks a class by value (a verdict, a status): its sheet's classes may all be meant.
      if (importers.some((use) => use.dynamic)) return [];
      const used = new Set(importers.flatMap((use) => use.names));
      return [...classesOf(readFileSync(sheet, 'utf8'))].filter((name) => !used.has(name)).map((name) => `${sheet}: .${name} is unused`);
    });
    expect(unused).toEqual([]);
  });

  it('reads class names from selectors only', () => {
    const css = '.a, .b:hover > span { animation: spin 0.8s; }\n:global(.button).c {}\n@media (max-width: 1px) { .d { x: 1.5px; } }';
    expect([...classesOf(css)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Colours live in one file (styles/tokens.css) so both themes stay complete and the contrast test
 * sees every colour the app paints. Any other sheet must use the palette's variables.
 */
const ROOT = 'src/renderer/src';
const TOKENS = join(ROOT, 'styles/tokens.css');

// CSS's named colours that could be mistaken for something else are listed whole; `transparent`,
// `currentColor` and `inherit` are not colours of their own, so they are allowed.
const NAMED = [
  'white',
  'black',
  'red',
  'green',
  'blue',
  'yellow',
  'orange',
  'purple',
  'pink',
  'gray',
  'grey',
  'silver',
  'maroon',
  'navy',
  'teal',
  'olive',
  'lime',
  'aqua',
  'cyan',
  'magenta',
  'fuchsia',
  'brown',
  'gold',
  'crimson',
  'indigo',
  'violet',
  'tomato',
  'salmon',
  'coral',
  'khaki',
  'beige',
  'ivory',
  'lavender',
  'darkgray',
  'darkgrey',
  'lightgray',
  'lightgrey',
  'whitesmoke',
];

const LITERAL = new RegExp(
  [
    String.raw`#[0-9a-f]{3,8}\b`,
    String.raw`\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(`,
    // A named colour as a value: after a colon, a space or a comma, not inside a word or a name
    // such as `white-space` or `--text-black`.
    String.raw`(?<![\w-])(?:${NAMED.join('|')})(?![\w-])`,
  ].join('|'),
  'i',
);

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** `file:line: declaration` for each declaration whose value holds a colour literal; comments are skipped. */
function colourLiterals(file: string, css: string): string[] {
  // Blank comments out but keep their newlines, so line numbers stay true.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  // Declarations only (a value ends at `;` and holds no brace): selectors such as `.x:hover` or
  // `#id` never count, and a value spread over several lines is read whole.
  for (const match of text.matchAll(/([\w-]+)\s*:([^;{}]+);/g)) {
    if (!LITERAL.test(match[2]!)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    found.push(`${file}:${line}: ${match[0].replace(/\s+/g, ' ').trim()}`);
  }
  return found;
}

describe('colour literals', () => {
  const files = cssFiles(ROOT);

  it('finds the stylesheets, tokens.css among them', () => {
    expect(files).toContain(TOKENS);
    expect(files.length).toBeGreaterThan(5);
  });

  it('appear in no stylesheet but styles/tokens.css (use a var(--token) there, with a value for each theme)', () => {
    const offenders = files
      .filter((file) => file !== TOKENS)
      .flatMap((file) => colourLiterals(relative('.', file), readFileSync(file, 'utf8')));
    expect(offenders, `colour literals outside tokens.css:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('are recognised in every form and told from look-alikes', () => {
    const sample = [
      '.a { color: #fff; }',
      '.b { background: rgba(0, 0, 0, 0.5); }',
      '.c {\n  box-shadow:\n    0 0 2px hsl(120deg 50% 50%);\n}',
      '.d { color: white; }',
      '.e { box-shadow: 0 0 2px Black; }',
      '.f { white-space: nowrap; color: var(--text-black, transparent); }',
      '.g { border-color: currentColor; background: inherit; }',
      '#id:hover { color: var(--text); }',
      '/* a comment naming red and #000 */',
    ].join('\n');
    expect(colourLiterals('x.css', sample).map((line) => line.split(':')[1])).toEqual(['1', '2', '4', '7', '8']);
  });
});

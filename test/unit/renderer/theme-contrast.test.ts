import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA for both palettes, read from the stylesheet itself so a colour change there is what
 * gets checked. Tinted (rgba) backgrounds are blended over every surface they can sit on.
 */
const CSS = readFileSync('src/renderer/src/styles/tokens.css', 'utf8');

type Rgba = [number, number, number, number];
type Palette = Map<string, string>;

function block(selector: string): string {
  const start = CSS.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no "${selector} {" block`);
  return CSS.slice(start, CSS.indexOf('}', start));
}

function declarations(body: string): Palette {
  const palette: Palette = new Map();
  for (const match of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) palette.set(match[1]!, match[2]!.trim());
  return palette;
}

const dark = declarations(block(':root'));
// The light block overrides; anything it leaves out (fonts, radii) is inherited from :root.
const light = new Map([...dark, ...declarations(block(":root[data-theme='light']"))]);
const PALETTES: Array<[string, Palette]> = [
  ['dark', dark],
  ['light', light],
];

function parseColour(text: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(text);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)$/.exec(text);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] === undefined ? 1 : Number(rgba[4])];
  throw new Error(`unsupported colour "${text}": use #rrggbb or rgb()/rgba() in the palette`);
}

function colour(palette: Palette, name: string): Rgba {
  const value = palette.get(name);
  if (value === undefined) throw new Error(`the palette has no ${name}`);
  return parseColour(value);
}

/** `top` painted over the opaque `under`. */
function blend(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SURFACES = ['--bg', '--bg-raised', '--bg-sunken', '--bg-hover', '--bg-selected', '--editor-bg'];

/** Every colour the sheets use for text (11-13 px: normal text, so 4.5:1). */
const TEXT = [
  '--text',
  '--text-muted',
  '--text-faint',
  '--text-key',
  '--accent',
  '--good',
  '--bad',
  '--warn',
  '--method-post',
  '--method-get',
  '--method-put',
  '--imported',
  '--chart-ms',
];

const PAGE = ['--bg', '--bg-raised'];

/**
 * Tinted backgrounds and the text shown on each, over the surfaces they sit on: pills sit in list
 * rows (so also on hover and selection), callouts, banners and failures on the page or a panel.
 */
const TINTS: Array<[string, string[], string[]]> = [
  ['--good-bg', ['--good'], SURFACES],
  ['--bad-bg', ['--bad'], SURFACES],
  ['--warn-bg', ['--warn'], SURFACES],
  ['--accent-bg', ['--accent'], SURFACES],
  ['--bad-bg', ['--bad-text', '--text', '--text-muted'], PAGE],
  ['--warn-bg', ['--text', '--text-muted'], PAGE],
  ['--warn-bg-subtle', ['--warn', '--text', '--text-muted', '--text-key'], PAGE],
  ['--accent-bg', ['--text', '--text-muted'], PAGE],
  ['--mark-bg', ['--mark-text'], ['--bg-sunken', '--bg-raised']],
];

/** Non-text parts that carry meaning: the focus ring, chart marks (3:1, WCAG 1.4.11). */
const GRAPHICS: Array<[string, string[]]> = [
  ['--accent', SURFACES],
  ['--chart-bar', ['--bg-raised']],
  ['--good', ['--bg-raised']],
];

interface Pair {
  text: string;
  on: string;
  ratio: number;
}

function textPairs(palette: Palette): Pair[] {
  const pairs: Pair[] = [];
  for (const surface of SURFACES) {
    const under = colour(palette, surface);
    for (const text of TEXT) {
      pairs.push({ text, on: surface, ratio: contrast(blend(colour(palette, text), under), under) });
    }
    for (const [tint, texts, surfaces] of TINTS) {
      if (!surfaces.includes(surface)) continue;
      const bg = blend(colour(palette, tint), under);
      for (const text of texts) {
        pairs.push({ text, on: `${tint} over ${surface}`, ratio: contrast(blend(colour(palette, text), bg), bg) });
      }
    }
  }
  pairs.push({
    text: '--on-accent',
    on: '--accent-strong',
    ratio: contrast(colour(palette, '--on-accent'), colour(palette, '--accent-strong')),
  });
  return pairs;
}

function graphicPairs(palette: Palette): Pair[] {
  return GRAPHICS.flatMap(([mark, surfaces]) =>
    surfaces.map((surface) => {
      const under = colour(palette, surface);
      return { text: mark, on: surface, ratio: contrast(blend(colour(palette, mark), under), under) };
    }),
  );
}

const describeFailures = (pairs: Pair[], min: number): string[] =>
  pairs.filter((p) => p.ratio < min).map((p) => `${p.text} on ${p.on}: ${p.ratio.toFixed(2)}:1 (needs ${min}:1)`);

describe('theme palettes (tokens.css)', () => {
  it('define the same variables in the light theme as in the dark one, so nothing is left dark', () => {
    const lightOnly = declarations(block(":root[data-theme='light']"));
    // Fonts and radii are theme-independent; every other token is a colour.
    const colours = [...dark.keys()].filter((name) => !['--mono', '--sans'].includes(name) && !name.startsWith('--radius'));
    expect(colours.filter((name) => !lightOnly.has(name))).toEqual([]);
    expect(block(':root')).toMatch(/color-scheme:\s*dark/);
    expect(block(":root[data-theme='light']")).toMatch(/color-scheme:\s*light/);
  });

  for (const [name, palette] of PALETTES) {
    it(`${name}: every text colour reaches 4.5:1 on every surface and tint it is used on`, () => {
      const pairs = textPairs(palette);
      expect(pairs.length).toBeGreaterThan(100);
      expect(describeFailures(pairs, 4.5)).toEqual([]);
    });

    it(`${name}: the focus ring and chart marks reach 3:1`, () => {
      expect(describeFailures(graphicPairs(palette), 3)).toEqual([]);
    });
  }

  it('the checker tells a failing pair from a passing one', () => {
    // Known WCAG figures: black on white is 21:1, #777 on white about 4.48:1 (just fails AA).
    expect(contrast(parseColour('#000000'), parseColour('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(parseColour('#777777'), parseColour('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(blend(parseColour('rgba(255, 255, 255, 0.5)'), parseColour('#000000'))[0]).toBeCloseTo(127.5, 5);
  });
});

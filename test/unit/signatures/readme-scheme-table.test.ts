import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import {
  currentSchemeTable,
  renderSchemeTable,
  replaceSchemeTable,
  SCHEME_TABLE_BEGIN,
  SCHEME_TABLE_COMMAND,
  SCHEME_TABLE_END,
} from '../../../src/main/engine/signatures/scheme-table';

/** README's scheme table is generated from the definitions: this fails (saying how to fix it) while it is stale. */

const README = join(process.cwd(), 'README.md');

describe("README's scheme table", () => {
  it(`is current (regenerate it with \`${SCHEME_TABLE_COMMAND}\`)`, () => {
    const readme = readFileSync(README, 'utf8');
    const current = currentSchemeTable(readme);
    expect(
      current,
      `README.md has no ${SCHEME_TABLE_BEGIN} ... ${SCHEME_TABLE_END} markers; put them back where the table goes and run \`${SCHEME_TABLE_COMMAND}\`.`,
    ).not.toBeNull();
    expect(
      current,
      `README.md's scheme table is not current: run \`${SCHEME_TABLE_COMMAND}\` to regenerate it from the scheme definitions.`,
    ).toBe(renderSchemeTable());
  });

  it('has one row per registered scheme, in the registry order, with the facts of its definition', () => {
    const rows = renderSchemeTable().split('\n').slice(2);
    expect(rows).toHaveLength(listSchemes().length);
    listSchemes().forEach((scheme, index) => expect(rows[index]?.startsWith(`| \`${scheme.id}\``), scheme.id).toBe(true));
    const stripe = rows.find((row) => row.startsWith('| `stripe`'))!;
    expect(stripe).toContain(
      '| Stripe | Payments & billing | `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]` | HMAC-SHA256, hex | in the signature header (unix s, past only) | `{timestamp}.{body}` | [docs](https://docs.stripe.com/webhooks#verify-manually) | yes | — |',
    );
    expect(rows[0]).toMatch(/^\| `dcisionai` \(default\)/);
  });

  it('escapes pipes in cells and shows a handshake by its name', () => {
    const [base] = listSchemes();
    const scheme = {
      ...base!,
      label: 'Odd (a|b)',
      descriptor: { ...base!.descriptor, signature_format: 'x|y' },
      handshake: { name: 'Odd challenge', matches: () => false, answer: () => null },
    };
    const row = renderSchemeTable([scheme]).split('\n')[2]!;
    expect(row).toContain('x\\|y');
    expect(row).toContain('Odd (a\\|b)');
    expect(row).toMatch(/\| Odd challenge \|$/);
  });

  it('replaces only what is between the markers, and says what to do without them', () => {
    const readme = `intro\n${SCHEME_TABLE_BEGIN}\nold table\n${SCHEME_TABLE_END}\nafter\n`;
    const replaced = replaceSchemeTable(readme, '| new |');
    expect(replaced).toEqual({ ok: true, text: `intro\n${SCHEME_TABLE_BEGIN}\n| new |\n${SCHEME_TABLE_END}\nafter\n` });
    const missing = replaceSchemeTable('no markers here', '| new |');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toContain(SCHEME_TABLE_COMMAND);
  });
});

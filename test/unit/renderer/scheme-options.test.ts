import { describe, expect, it } from 'vitest';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import type { SchemeDescriptor } from '../../../src/shared/api';
import { SCHEME_CATEGORIES, type SchemeCategory } from '../../../src/shared/scheme-ids';
import {
  filterSchemeOptions,
  groupSchemeOptions,
  schemeName,
  schemeOptions,
  type SchemeOption,
} from '../../../src/renderer/src/lib/scheme-options';

/** What GET /api/schemes answers today. */
const REAL = listSchemes().map((scheme) => scheme.descriptor);
const template = REAL[0]!;

function provider(id: string, label: string, category: SchemeCategory, header: string, extra: string[] = []): SchemeDescriptor {
  // Ids not in SchemeId (a newer engine's), which is exactly the case to test.
  return {
    ...template,
    id: id as SchemeDescriptor['id'],
    label,
    category,
    signature_header: header,
    headers: [header.toLowerCase(), ...extra],
  };
}

/** The 45+ providers of issue 16, approximated: a long list across every category. */
const GENERATED: SchemeDescriptor[] = [
  provider('meta', 'Meta (X-Hub-Signature-256)', 'Communication', 'X-Hub-Signature-256'),
  provider('hubspot', 'HubSpot (X-HubSpot-Signature-v3)', 'Marketing & CRM', 'X-HubSpot-Signature-v3', ['x-hubspot-request-timestamp']),
  provider('square', 'Square (x-square-hmacsha256-signature)', 'Payments & billing', 'x-square-hmacsha256-signature'),
  provider('zoom', 'Zoom (x-zm-signature)', 'Communication', 'x-zm-signature', ['x-zm-request-timestamp']),
  provider('gitlab', 'GitLab (X-Gitlab-Token)', 'Developer tools', 'X-Gitlab-Token'),
  ...Array.from({ length: 45 }, (_, index) =>
    provider(
      `gen-${index}`,
      `Provider ${String(index).padStart(2, '0')}`,
      SCHEME_CATEGORIES[index % (SCHEME_CATEGORIES.length - 1)]!,
      `X-Gen${index}-Signature`,
    ),
  ),
  // Once a provider is built in, the registry's own descriptor stands for it.
].filter((generated) => !REAL.some((real) => real.id === generated.id));
const LONG = [...REAL, ...GENERATED];

const values = (options: readonly SchemeOption[]) => options.map((option) => option.value);

describe('schemeName', () => {
  it('drops a parenthesis that only repeats the signature header, keeps any other', () => {
    expect(schemeName({ label: 'Stripe (Stripe-Signature)', signature_header: 'Stripe-Signature' })).toBe('Stripe');
    expect(schemeName({ label: 'Svix (svix-signature)', signature_header: 'Svix-Signature' })).toBe('Svix');
    expect(schemeName({ label: 'GitHub (legacy X-Hub-Signature)', signature_header: 'X-Hub-Signature' })).toBe(
      'GitHub (legacy X-Hub-Signature)',
    );
    expect(schemeName({ label: 'Paddle', signature_header: 'Paddle-Signature' })).toBe('Paddle');
  });
});

describe('schemeOptions', () => {
  it('lists every scheme of the engine once, grouped in SCHEME_CATEGORIES order, by name within a group, Custom last', () => {
    const options = schemeOptions(REAL, { custom: true });
    expect(values(options).sort()).toEqual([...REAL.map((d) => d.id), 'custom'].sort());
    expect(options.at(-1)!.value).toBe('custom');

    const groups = groupSchemeOptions(options);
    const order = groups.map((group) => SCHEME_CATEGORIES.indexOf(group.category as SchemeCategory));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // One group per category: a category never appears twice.
    expect(new Set(groups.map((group) => group.category)).size).toBe(groups.length);
    for (const group of groups) {
      const names = group.options.map((option) => option.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    }
    const stripe = options.find((option) => option.value === 'stripe')!;
    expect(stripe).toMatchObject({ name: 'Stripe', detail: 'Stripe-Signature', category: 'Payments & billing' });
  });

  it('puts a form’s own entries first, without a group heading, and leaves Custom out unless asked', () => {
    const options = schemeOptions(REAL, { leading: [{ value: '', name: 'Unsigned', detail: 'No signature' }] });
    expect(options[0]).toMatchObject({ value: '', name: 'Unsigned', category: '' });
    expect(values(options)).not.toContain('custom');
    expect(groupSchemeOptions(options)[0]!.category).toBe('');
  });

  it('places a category the renderer does not know after the known ones, before Custom', () => {
    const odd = { ...provider('future', 'Future (X-Future)', 'Standards', 'X-Future'), category: 'Quantum' as SchemeCategory };
    const groups = groupSchemeOptions(schemeOptions([...REAL, odd], { custom: true }));
    expect(groups.map((group) => group.category).slice(-2)).toEqual(['Quantum', 'Custom']);
  });

  it('keeps 50+ providers in one group per category, every one reachable', () => {
    const options = schemeOptions(LONG, { custom: true });
    expect(options).toHaveLength(LONG.length + 1);
    const groups = groupSchemeOptions(options);
    expect(groups.map((group) => group.category)).toEqual([...SCHEME_CATEGORIES]);
    expect(groups.reduce((sum, group) => sum + group.options.length, 0)).toBe(options.length);
  });
});

describe('filterSchemeOptions', () => {
  const options = schemeOptions(LONG, { custom: true, leading: [{ value: '', name: 'Unsigned' }] });

  it('matches names, ids and header names: "hub" finds GitHub, HubSpot and Meta’s X-Hub-Signature', () => {
    const found = values(filterSchemeOptions(options, 'hub'));
    expect(found).toEqual(expect.arrayContaining(['github', 'hubspot', 'meta']));
    expect(found).not.toContain('stripe');
    expect(found.at(-1)).toBe('custom');
  });

  it('is case-insensitive and needs every word to match', () => {
    expect(values(filterSchemeOptions(options, 'STRIPE'))).toEqual(['stripe', 'custom']);
    expect(values(filterSchemeOptions(options, 'x-zm'))).toEqual(['zoom', 'custom']);
    // A header the scheme reads besides its signature header.
    expect(values(filterSchemeOptions(options, 'request-timestamp'))).toEqual(['slack', 'zoom', 'frameio', 'hubspot', 'custom']);
    expect(values(filterSchemeOptions(options, 'hub spot'))).toEqual(['hubspot', 'custom']);
    expect(values(filterSchemeOptions(options, 'standard-webhooks'))).toEqual(['standard-webhooks', 'custom']);
  });

  it('keeps display order and grouping of what matches, and Custom when nothing else does', () => {
    const found = values(filterSchemeOptions(options, 'provider 1'));
    expect(found).toEqual(expect.arrayContaining(['gen-1', 'gen-10', 'gen-19', 'gen-21', 'gen-41']));
    expect(found).not.toContain('gen-2');
    expect(found).toEqual(values(options).filter((value) => found.includes(value)));
    const categories = groupSchemeOptions(filterSchemeOptions(options, 'provider 1')).map((group) => group.category);
    expect(new Set(categories).size).toBe(categories.length);
    expect(values(filterSchemeOptions(options, 'no such provider'))).toEqual(['custom']);
    expect(filterSchemeOptions(options, '   ')).toEqual(options);
    expect(values(filterSchemeOptions(options, 'unsig'))).toEqual(['', 'custom']);
  });
});

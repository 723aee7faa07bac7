import type { SchemeDescriptor } from '../../../shared/api';
import { CUSTOM_SCHEME_ID, SCHEME_CATEGORIES } from '../../../shared/scheme-ids';

/** One choice in the scheme picker: a built-in scheme, `custom`, or a form's own entry (Unsigned…). */
export interface SchemeOption {
  /** What the form stores: a scheme id, `custom`, or the form's own value (e.g. '' for Unsigned). */
  value: string;
  /** The provider's name, without the header its descriptor's label repeats. */
  name: string;
  /** Shown under the name: the signature header, or what the entry means. */
  detail: string;
  /** Its group's heading; '' for a form's own entries, which come first without one. */
  category: string;
  /** Lowercase texts a query is matched against: name, label, id and every header name. */
  terms: string[];
}

export interface SchemeOptionGroup {
  category: string;
  options: SchemeOption[];
}

/** A form's own entry before the schemes, e.g. `{value: '', name: 'Unsigned'}`. */
export interface LeadingOption {
  value: string;
  name: string;
  detail?: string;
}

export const CUSTOM_OPTION: SchemeOption = {
  value: CUSTOM_SCHEME_ID,
  name: 'Custom',
  detail: 'Define your own: header, signed content, algorithm',
  category: 'Custom',
  terms: ['custom', 'define your own'],
};

/**
 * Labels read like "Stripe (Stripe-Signature)"; the picker shows the header on its own line, so
 * a parenthesis that only repeats it is dropped. Any other ("GitHub (legacy X-Hub-Signature)") stays.
 */
export function schemeName(descriptor: Pick<SchemeDescriptor, 'label' | 'signature_header'>): string {
  const match = /^(.*\S)\s*\(([^()]*)\)$/.exec(descriptor.label);
  if (!match || match[2]!.trim().toLowerCase() !== descriptor.signature_header.toLowerCase()) return descriptor.label;
  return match[1]!;
}

export function optionFromDescriptor(descriptor: SchemeDescriptor): SchemeOption {
  const name = schemeName(descriptor);
  return {
    value: descriptor.id,
    name,
    detail: descriptor.signature_header,
    category: descriptor.category,
    terms: [name, descriptor.label, descriptor.id, descriptor.signature_header, ...descriptor.headers].map((term) => term.toLowerCase()),
  };
}

function leadingOption(entry: LeadingOption): SchemeOption {
  return { value: entry.value, name: entry.name, detail: entry.detail ?? '', category: '', terms: [entry.name.toLowerCase()] };
}

/**
 * Every choice of a picker, in display order: the form's own entries, then the schemes grouped by
 * category in SCHEME_CATEGORIES order (a category the renderer does not know yet goes after the
 * known ones, so a newer engine still shows it), by name within each, and Custom last.
 */
export function schemeOptions(
  descriptors: readonly SchemeDescriptor[],
  options: { leading?: readonly LeadingOption[]; custom?: boolean } = {},
): SchemeOption[] {
  const rank = (category: string): number => {
    const index = (SCHEME_CATEGORIES as readonly string[]).indexOf(category);
    return index < 0 ? SCHEME_CATEGORIES.length - 1 : index;
  };
  const schemes = descriptors
    .filter((descriptor) => descriptor.id !== CUSTOM_SCHEME_ID)
    .map(optionFromDescriptor)
    .sort(
      (a, b) =>
        rank(a.category) - rank(b.category) ||
        a.category.localeCompare(b.category) ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
  return [...(options.leading ?? []).map(leadingOption), ...schemes, ...(options.custom ? [CUSTOM_OPTION] : [])];
}

/**
 * The options matching a query: every word of it must occur in one of an option's terms
 * ("hub" finds GitHub, HubSpot and Meta's X-Hub-Signature). Custom always stays, last: it is the
 * way out when no provider fits.
 */
export function filterSchemeOptions(options: readonly SchemeOption[], query: string): SchemeOption[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...options];
  return options.filter(
    (option) => option.value === CUSTOM_SCHEME_ID || words.every((word) => option.terms.some((term) => term.includes(word))),
  );
}

/** Consecutive options of one category as one group (the input is already in display order). */
export function groupSchemeOptions(options: readonly SchemeOption[]): SchemeOptionGroup[] {
  const groups: SchemeOptionGroup[] = [];
  for (const option of options) {
    const last = groups[groups.length - 1];
    if (last && last.category === option.category) last.options.push(option);
    else groups.push({ category: option.category, options: [option] });
  }
  return groups;
}

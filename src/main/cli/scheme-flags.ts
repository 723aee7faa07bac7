/**
 * `--scheme` and, for `--scheme custom`, the flags that describe a custom scheme, shared by
 * verify, trigger and listen. They map one to one onto the engine's CustomSchemeConfig, and the
 * engine's own validation (buildCustomScheme) judges them, its messages naming the flag.
 */
import type { CustomSchemeConfig } from '../../shared/api';
import { isSchemeId, type SchemeSetting } from '../../shared/scheme-ids';
import { listSchemes } from '../engine/signatures/registry';
import { buildCustomScheme, CUSTOM_SCHEME_ID } from '../engine/signatures/schemes/custom';
import { UsageError, type FlagKind } from './args';

/** Each custom flag and the CustomSchemeConfig field it sets. */
const CUSTOM_FIELDS = {
  '--signature-header': 'signature_header',
  '--signature-prefix': 'signature_prefix',
  '--signed-content': 'signed_content',
  '--timestamp-header': 'timestamp_header',
  '--timestamp-unit': 'timestamp_unit',
  '--id-header': 'id_header',
  '--algorithm': 'algorithm',
  '--encoding': 'encoding',
  '--secret-encoding': 'secret_encoding',
} as const satisfies Record<string, keyof CustomSchemeConfig>;

type CustomFlag = keyof typeof CUSTOM_FIELDS;

/** The values a closed field takes (the config's union types; the engine trusts its API schema for these). */
const CHOICES: Partial<Record<CustomFlag, readonly string[]>> = {
  '--timestamp-unit': ['s', 'ms'],
  '--algorithm': ['sha1', 'sha256', 'sha512'],
  '--encoding': ['hex', 'base64'],
  '--secret-encoding': ['utf8', 'base64', 'hex', 'whsec'],
};

/** The flags to add to a command's flag table. */
export const SCHEME_FLAGS: Record<string, FlagKind> = {
  '--scheme': 'value',
  ...Object.fromEntries(Object.keys(CUSTOM_FIELDS).map((flag) => [flag, 'value' as const])),
};

export interface SchemeChoice {
  scheme: SchemeSetting;
  /** Set exactly when scheme is `custom`. */
  custom?: CustomSchemeConfig;
}

/** The scheme id: a built-in one or `custom`; `fallback` when --scheme is absent. */
export function schemeFlag(value: string | undefined, fallback: SchemeSetting = 'dcisionai'): SchemeSetting {
  const scheme = value ?? fallback;
  if (scheme !== CUSTOM_SCHEME_ID && !isSchemeId(scheme)) {
    throw new UsageError(
      `--scheme "${scheme}" is not a built-in scheme; use one of ${listSchemes()
        .map(({ id }) => id)
        .join(', ')}, or custom with --signature-header (see --help).`,
    );
  }
  return scheme;
}

/** `custom.signed_content` in an engine message becomes `--signed-content`. */
const flagOfField = (field: string): string => `--${field.replace(/^custom\./, '').replace(/_/g, '-')}`;

/** The scheme the flags describe; custom flags without `--scheme custom` are a mistake, not ignored. */
export function schemeChoice(values: ReadonlyMap<string, string>, fallback: SchemeSetting = 'dcisionai'): SchemeChoice {
  const scheme = schemeFlag(values.get('--scheme'), fallback);
  const given = (Object.keys(CUSTOM_FIELDS) as CustomFlag[]).filter((flag) => values.has(flag));
  if (scheme !== CUSTOM_SCHEME_ID) {
    if (given.length > 0)
      throw new UsageError(
        `${given.join(', ')} ${given.length > 1 ? 'describe' : 'describes'} a custom scheme: add --scheme custom, or leave ${given.length > 1 ? 'them' : 'it'} out.`,
      );
    return { scheme };
  }
  if (!values.has('--signature-header')) {
    throw new UsageError(
      '--scheme custom needs --signature-header NAME, the header that carries the signature (e.g. --signature-header X-Signature).',
    );
  }
  const config: Record<string, string> = {};
  for (const flag of given) {
    const value = values.get(flag) as string;
    const choices = CHOICES[flag];
    if (choices && !choices.includes(value)) throw new UsageError(`${flag} must be one of ${choices.join(', ')}; got "${value}".`);
    config[CUSTOM_FIELDS[flag]] = value;
  }
  const custom = config as unknown as CustomSchemeConfig;
  const built = buildCustomScheme(custom);
  if (!built.ok) {
    // The engine speaks of its API's fields; here they are flags.
    throw new UsageError(built.message.replace(/custom\.[a-z_]+/g, flagOfField));
  }
  return { scheme, custom };
}

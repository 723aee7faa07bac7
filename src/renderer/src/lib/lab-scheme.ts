import type { CustomSchemeConfig, SchemeDescriptor } from '../../../shared/api';

export const CUSTOM_SCHEME = 'custom';

/** The custom scheme's form, as strings and enums the inputs edit directly ('' = not set). */
export interface CustomSchemeForm {
  signature_header: string;
  signature_prefix: string;
  timestamp_header: string;
  timestamp_unit: 's' | 'ms';
  id_header: string;
  signed_content: string;
  algorithm: 'sha1' | 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  secret_encoding: 'utf8' | 'base64' | 'hex' | 'whsec';
}

export const DEFAULT_CUSTOM_FORM: CustomSchemeForm = {
  signature_header: 'X-Signature',
  signature_prefix: 'sha256=',
  timestamp_header: 'X-Timestamp',
  timestamp_unit: 's',
  id_header: '',
  signed_content: '{timestamp}.{body}',
  algorithm: 'sha256',
  encoding: 'hex',
  secret_encoding: 'utf8',
};

/** What the Lab needs to know about the scheme in use, for built-in and custom schemes alike. */
export interface LabSchemeInfo {
  id: string;
  label: string;
  signatureHeader: string;
  /** Set when the timestamp is a header of its own (not inside the signature header or the body). */
  timestampHeader: string | null;
  timestampUnit: 's' | 'ms' | 'rfc3339' | null;
  usesTimestamp: boolean;
  idHeader: string | null;
  usesUrl: boolean;
  signedContent: string;
  hasSnippets: boolean;
  /** The key pair a scheme verifies with (public key) and signs with (private key); null for HMAC only. */
  keyPair: SchemeDescriptor['key_pair'];
  /** True when only a key pair works (Discord, SendGrid); Standard Webhooks takes a secret or a key pair. */
  keyPairOnly: boolean;
  descriptor: SchemeDescriptor | null;
}

const uses = (template: string, field: string) => template.includes(`{${field}}`);

export function labSchemeInfo(scheme: string, custom: CustomSchemeForm, descriptors: readonly SchemeDescriptor[]): LabSchemeInfo {
  if (scheme === CUSTOM_SCHEME) {
    const template = custom.signed_content || '{body}';
    const timestampHeader = custom.timestamp_header.trim() || null;
    return {
      id: CUSTOM_SCHEME,
      label: 'Custom',
      signatureHeader: custom.signature_header.trim(),
      timestampHeader,
      timestampUnit: timestampHeader ? custom.timestamp_unit : null,
      usesTimestamp: timestampHeader !== null,
      idHeader: custom.id_header.trim() || null,
      usesUrl: uses(template, 'url'),
      signedContent: template,
      hasSnippets: false,
      keyPair: null,
      keyPairOnly: false,
      descriptor: null,
    };
  }
  const descriptor = descriptors.find((item) => item.id === scheme) ?? null;
  return {
    id: scheme,
    label: descriptor?.label ?? scheme,
    signatureHeader: descriptor?.signature_header ?? '',
    timestampHeader: descriptor?.timestamp_source === 'header' ? descriptor.timestamp_header : null,
    timestampUnit: descriptor?.timestamp_unit ?? null,
    usesTimestamp: descriptor?.uses_timestamp ?? false,
    idHeader: descriptor?.uses_id ? descriptor.id_header : null,
    usesUrl: descriptor?.uses_url ?? false,
    signedContent: descriptor?.signed_content ?? '',
    hasSnippets: descriptor?.has_snippets ?? false,
    keyPair: descriptor?.key_pair ?? null,
    keyPairOnly: descriptor?.key_kind === 'key_pair',
    descriptor,
  };
}

/** A timestamp header value as unix seconds, in the scheme's unit; null when it does not parse. */
export function timestampSeconds(value: string, unit: LabSchemeInfo['timestampUnit']): number | null {
  const text = value.trim();
  if (text === '') return null;
  if (unit === 'rfc3339') {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
  }
  if (!/^\d+$/.test(text)) return null;
  const number = Number(text);
  return unit === 'ms' ? Math.floor(number / 1000) : number;
}

/** Unix seconds written the way the scheme's timestamp header carries them. */
export function formatTimestamp(seconds: number, unit: LabSchemeInfo['timestampUnit']): string {
  if (unit === 'rfc3339') return new Date(seconds * 1000).toISOString();
  return unit === 'ms' ? String(seconds * 1000) : String(seconds);
}

/** An endpoint's stored custom scheme as the Lab's form (absent fields take the form's defaults). */
export function customFormFromConfig(config: CustomSchemeConfig | null | undefined): CustomSchemeForm {
  if (!config) return DEFAULT_CUSTOM_FORM;
  return {
    signature_header: config.signature_header,
    signature_prefix: config.signature_prefix ?? '',
    timestamp_header: config.timestamp_header ?? '',
    timestamp_unit: config.timestamp_unit ?? 's',
    id_header: config.id_header ?? '',
    signed_content: config.signed_content ?? '{body}',
    algorithm: config.algorithm ?? 'sha256',
    encoding: config.encoding ?? 'hex',
    secret_encoding: config.secret_encoding ?? 'utf8',
  };
}

/**
 * Whether the Lab verifies with a public key (and so signs with the separate private key): always
 * for a key-pair scheme; for Standard Webhooks when the key field holds a `whpk_` public key.
 */
export function verifiesWithPublicKey(scheme: LabSchemeInfo, secret: string): boolean {
  return scheme.keyPairOnly || (scheme.keyPair !== null && /^\s*whpk_/.test(secret));
}

/**
 * Why a scheme has no snippets, and which ones do, from the descriptors (`has_snippets`), so the
 * sentence follows the schemes as they are added.
 */
export function noSnippetsText(scheme: Pick<LabSchemeInfo, 'keyPairOnly'>, descriptors: readonly SchemeDescriptor[]): string {
  const names = descriptors.filter((item) => item.has_snippets).map((item) => item.label.split(' (')[0] ?? item.label);
  const which = scheme.keyPairOnly ? 'No verification snippets for key-pair schemes yet' : 'No verification snippets for this scheme yet';
  return names.length === 0 ? `${which}.` : `${which}; they exist for ${names.length} schemes: ${names.join(', ')}.`;
}

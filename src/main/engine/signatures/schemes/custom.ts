import type { CustomSchemeConfig } from '../../../../shared/api';
import { CUSTOM_SCHEME_ID } from '../../../../shared/scheme-ids';
import { parseTemplate, templateUses } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { decodeWhsecSecret } from './standard-webhooks';
import type { SignatureScheme } from '../types';

export { CUSTOM_SCHEME_ID } from '../../../../shared/scheme-ids';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type CustomSchemeResult = { ok: true; scheme: SignatureScheme } | { ok: false; field: string; message: string };

const KEY_DECODERS: Record<NonNullable<CustomSchemeConfig['secret_encoding']>, ((secret: string) => Buffer) | undefined> = {
  utf8: undefined,
  base64: (secret) => Buffer.from(secret, 'base64'),
  hex: (secret) => Buffer.from(secret, 'hex'),
  whsec: decodeWhsecSecret,
};

/**
 * A user-defined HMAC scheme: any sender that signs a template over id/timestamp/body/url with a
 * shared secret. Validation names the field to change, because the Lab shows it next to the form.
 */
export function buildCustomScheme(config: CustomSchemeConfig): CustomSchemeResult {
  const template = parseTemplate(config.signed_content ?? '{body}');
  const unknown = /\{(?!id\}|timestamp\}|body\}|url\})[^}]*\}/.exec(config.signed_content ?? '');
  if (unknown) {
    return {
      ok: false,
      field: 'custom.signed_content',
      message: `custom.signed_content has an unknown placeholder ${unknown[0]}; use {id}, {timestamp}, {body} or {url}.`,
    };
  }
  for (const [field, value] of [
    ['signature_header', config.signature_header],
    ['timestamp_header', config.timestamp_header],
    ['id_header', config.id_header],
  ] as const) {
    if (value !== undefined && value !== null && !HEADER_NAME.test(value)) {
      return {
        ok: false,
        field: `custom.${field}`,
        message: `custom.${field} must be a header name (letters, digits, -), got ${JSON.stringify(value)}.`,
      };
    }
  }
  const timestampHeader = config.timestamp_header || null;
  const idHeader = config.id_header || null;
  if (templateUses(template, 'timestamp') && !timestampHeader) {
    return {
      ok: false,
      field: 'custom.timestamp_header',
      message: 'custom.signed_content uses {timestamp}: set custom.timestamp_header to the header that carries it.',
    };
  }
  if (templateUses(template, 'id') && !idHeader) {
    return {
      ok: false,
      field: 'custom.id_header',
      message: 'custom.signed_content uses {id}: set custom.id_header to the header that carries it.',
    };
  }
  const prefix = config.signature_prefix ?? '';
  const algorithm = config.algorithm ?? 'sha256';
  const encoding = config.encoding ?? 'hex';
  const unit = config.timestamp_unit ?? 's';
  const signatureHeader = config.signature_header;
  const format = `${prefix}<${encoding} HMAC-${algorithm.toUpperCase()}>`;
  const keyOf = KEY_DECODERS[config.secret_encoding ?? 'utf8'];
  const scheme = defineHmacScheme({
    id: CUSTOM_SCHEME_ID,
    label: `Custom (${signatureHeader})`,
    category: 'Custom',
    docsUrl: '',
    algorithm,
    encoding,
    signatureHeader,
    signature: { kind: 'plain', prefix },
    signatureFormat: format,
    timestamp: timestampHeader ? { source: 'header', name: timestampHeader, unit, direction: 'both', required: true } : null,
    idHeader,
    template,
    secretFormat: keyOf ? 'custom' : 'text',
    keyOf,
    order: 'signature-first',
    snippets: false,
  });
  return { ok: true, scheme };
}

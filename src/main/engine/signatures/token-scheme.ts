import type { SchemeDescriptor } from '../../../shared/api';
import type { SchemeCategory, SchemeId } from '../../../shared/scheme-ids';
import type { EventTypeSource } from './event-sources';
import { findHeaders } from './headers';
import { constantTimeEqual } from './hmac';
import type { SchemeCheck, SignatureScheme } from './types';

/** A provider that sends its shared secret itself in a header, compared for equality (GitLab). */
export interface TokenSchemeSpec<Id extends SchemeId> {
  id: Id;
  label: string;
  category: SchemeCategory;
  docsUrl: string;
  tokenHeader: string;
  eventType?: EventTypeSource;
  deliveryIdHeader?: string;
}

/** What is shown of a received token: never its characters, which are the secret when it is right. */
const described = (token: string) => `<${token.length}-character token>`;

/**
 * A token scheme: no MAC, the header must equal the configured secret, compared in constant time.
 * Nothing is signed, so there is no signed content, no timestamp and no diagnosis search; the
 * verdict and its one diagnosis item never print the configured secret.
 */
export function defineTokenScheme<const Id extends SchemeId>(spec: TokenSchemeSpec<Id>): SignatureScheme<Id> {
  const header = spec.tokenHeader;
  const descriptor: SchemeDescriptor = {
    id: spec.id,
    label: spec.label,
    category: spec.category,
    headers: [header.toLowerCase()],
    signature_header: header,
    signature_format: '<the secret token, as configured>',
    multiple_signatures: false,
    uses_timestamp: false,
    timestamp_source: null,
    timestamp_header: null,
    timestamp_unit: null,
    tolerance_direction: null,
    uses_id: false,
    id_header: null,
    uses_url: false,
    algorithm: 'token',
    encoding: 'text',
    secret_format: 'text',
    key_kind: 'shared_secret',
    key_pair: null,
    signed_content: '',
    has_snippets: false,
    docs_url: spec.docsUrl,
  };

  function verify(message: Parameters<SignatureScheme['verify']>[0], { secret }: Parameters<SignatureScheme['verify']>[1]): SchemeCheck {
    const values = findHeaders(message.headers, header);
    const base = { expected: null, timestamp: null, signedContent: null, signatureMatched: false };
    if (values.length === 0) {
      return {
        ...base,
        reason: 'missing_header',
        received: null,
        diagnosis: [
          {
            code: 'missing_header',
            message: `The request has no ${header} header: the sender has no secret token set, or a proxy dropped the header. Set the same secret token in the sender and in this endpoint.`,
          },
        ],
      };
    }
    const token = values[0] ?? '';
    if (constantTimeEqual(token, secret))
      return { ...base, reason: 'ok', received: described(token), diagnosis: [], signatureMatched: true };
    const hint = constantTimeEqual(token.trim(), secret.trim())
      ? ' It matches once the surrounding spaces are removed: one side has leading or trailing whitespace.'
      : token.length !== secret.length
        ? ` The received token has ${token.length} characters, the configured one ${secret.length}.`
        : '';
    return {
      ...base,
      reason: 'signature_mismatch',
      received: described(token),
      diagnosis: [
        {
          code: 'token_mismatch',
          message: `The ${header} token differs from this endpoint's secret token.${hint} Copy the secret token from the sender's webhook settings into the endpoint (it is compared as is, not hashed).`,
        },
      ],
    };
  }

  return {
    id: spec.id,
    label: spec.label,
    category: spec.category,
    docsUrl: spec.docsUrl,
    headerNames: descriptor.headers,
    descriptor,
    eventType: spec.eventType ?? null,
    deliveryIdHeader: spec.deliveryIdHeader ?? null,
    handshake: null,
    snippet: null,
    verify,
    sign: ({ secret }) => ({ headers: { [header]: secret }, signedContent: Buffer.alloc(0) }),
  };
}

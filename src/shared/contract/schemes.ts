/** The signature schemes Hookscope verifies and signs: GET /api/schemes. */
import { CUSTOM_SCHEME_ID, SCHEME_CATEGORIES, SCHEME_IDS } from '../scheme-ids';
import { Data, Nullable, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';
import { KeyAlgorithm } from './verification';

/** One entry of GET /api/schemes: enough for the UI to render a scheme's form and explain it. */
export const SchemeDescriptor = Type.Object({
  id: StringEnum([...SCHEME_IDS, CUSTOM_SCHEME_ID]),
  label: Type.String(),
  category: StringEnum(SCHEME_CATEGORIES, { description: 'Where the provider sits in the scheme picker.' }),
  headers: Type.Array(Type.String(), { description: 'Lowercase names of every header the scheme reads.' }),
  signature_header: Type.String(),
  signature_format: Type.String({ description: 'What the signature header value looks like, e.g. `sha256=<hex>` or `t=<ts>,v1=<hex>`.' }),
  multiple_signatures: Type.Boolean({
    description: 'Whether a header may carry several signatures, any one of which may match (secret rotation).',
  }),
  uses_timestamp: Type.Boolean(),
  timestamp_source: Nullable(StringEnum(['header', 'signature_header', 'body']), { description: 'Where the timestamp comes from.' }),
  timestamp_header: Nullable(Type.String()),
  timestamp_unit: Nullable(StringEnum(['s', 'ms', 'rfc3339'])),
  tolerance_direction: Nullable(StringEnum(['both', 'past_only']), {
    description: '`both`: too old and too new are rejected; `past_only`: only too old (Stripe, Paddle, Twitch).',
  }),
  uses_id: Type.Boolean(),
  id_header: Nullable(Type.String()),
  uses_url: Type.Boolean(),
  algorithm: Type.String({ description: "The HMAC's hash, or `token` when the header carries the secret itself (GitLab)." }),
  encoding: StringEnum(['hex', 'base64', 'text'], { description: '`text`: a token compared as is, not a MAC.' }),
  secret_format: StringEnum(['text', 'whsec_base64', 'base64', 'custom', 'key_pair'], {
    description:
      "`text`: the secret's UTF-8 bytes are the key; `whsec_base64`: `whsec_` + base64 of the key; `base64`: plain base64 of the key; `key_pair`: the public key verifies, the private key signs.",
  }),
  signed_content: Type.String({ description: 'The signed content as a template, e.g. `{timestamp}.{body}`.' }),
  has_snippets: Type.Boolean({ description: 'Whether GET /api/snippets?scheme=<id> has a snippet set.' }),
  docs_url: Type.String(),
  key_kind: StringEnum(['shared_secret', 'key_pair']),
  key_pair: Nullable(Type.Object({ algorithm: KeyAlgorithm, public_key_format: Type.String(), private_key_format: Type.String() }), {
    description: 'The key pair the scheme verifies with; POST /api/signatures/keypair?scheme= generates one in these formats.',
  }),
});
export type SchemeDescriptor = Static<typeof SchemeDescriptor>;

export const listSchemes = defineOperation({
  method: 'GET',
  url: '/api/schemes',
  operationId: 'listSchemes',
  summary: 'the signature schemes (headers, signed content, timestamp rules of each)',
  tags: ['signatures'],
  responses: { 200: Data(Type.Array(SchemeDescriptor)) },
});

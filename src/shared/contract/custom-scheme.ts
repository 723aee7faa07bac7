/** A user-defined HMAC scheme: `scheme: "custom"` on endpoints, the Signature Lab and sends. */
import { Nullable, StringEnum, Type, type Static } from './schema';

/** Seconds a timestamp may be off; at most a year. */
export const TOLERANCE_SECONDS = { minimum: 0, maximum: 31_536_000 } as const;
export const ToleranceSeconds = Type.Integer(TOLERANCE_SECONDS);

export const CustomSchemeConfig = Type.Object(
  {
    signature_header: Type.String({ minLength: 1, maxLength: 200, description: 'Header carrying the signature, e.g. `X-Signature`.' }),
    signature_prefix: Type.Optional(
      Type.String({
        maxLength: 100,
        description: "Text before the encoded MAC in the header value, e.g. `sha256=`; '' (default) for none.",
      }),
    ),
    timestamp_header: Type.Optional(
      Nullable(Type.String({ maxLength: 200 }), {
        description: 'Header carrying the timestamp; absent or null when the sender signs none.',
      }),
    ),
    timestamp_unit: Type.Optional(StringEnum(['s', 'ms'], { description: 'Unix seconds (default) or milliseconds.' })),
    id_header: Type.Optional(Nullable(Type.String({ maxLength: 200 }), { description: 'Header carrying a message id, for `{id}`.' })),
    signed_content: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'What is signed, over `{id}`, `{timestamp}`, `{body}` (the raw bytes) and `{url}`; default `{body}`.',
      }),
    ),
    algorithm: Type.Optional(StringEnum(['sha1', 'sha256', 'sha512'])),
    encoding: Type.Optional(StringEnum(['hex', 'base64'])),
    secret_encoding: Type.Optional(
      StringEnum(['utf8', 'base64', 'hex', 'whsec'], {
        description: 'How the secret text becomes the HMAC key: UTF-8 text (default), base64, hex, or `whsec_` + base64.',
      }),
    ),
    tolerance_seconds: Type.Optional({ ...ToleranceSeconds, description: 'Used when the request gives none; default 300.' }),
  },
  { additionalProperties: false },
);
export type CustomSchemeConfig = Static<typeof CustomSchemeConfig>;

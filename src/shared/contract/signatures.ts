/** The Signature Lab's operations: verify or sign any input, re-verify a capture, key pairs, snippets. */
import { CustomSchemeConfig, ToleranceSeconds } from './custom-scheme';
import { Data, NumericIdParams, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';
import { KeyAlgorithm, Verification } from './verification';

/** Unix seconds (or milliseconds, for schemes that sign them) a caller may give as a clock or timestamp. */
export const UNIX_TIME = { minimum: 0, maximum: 1e13 } as const;

const SchemeId = Type.String({ minLength: 1, maxLength: 50, description: 'A scheme id of GET /api/schemes, or `custom`.' });

const common = {
  scheme: Type.Optional(SchemeId),
  custom: Type.Optional({ ...CustomSchemeConfig, description: 'The configuration of `scheme: "custom"`.' }),
  url: Type.Optional(
    Type.String({ maxLength: 8192, description: 'The full URL the sender addressed (Twilio and `{url}` templates sign it).' }),
  ),
  // Checked by the handler, whose message says what a method looks like.
  method: Type.Optional(Type.String({ maxLength: 32, description: 'The request method (HubSpot signs it); default POST.' })),
};

const now = Type.Optional(Type.Integer({ ...UNIX_TIME, description: 'Unix seconds; replaces the clock.' }));

/** Header pairs or an object, as one `anyOf` (its messages are the ones callers have always had). */
const VerifyHeaders = Type.Unsafe<Array<[string, string]> | Record<string, string>>({
  anyOf: [
    { type: 'array', maxItems: 1000, items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', maxLength: 65536 } } },
    { type: 'object', additionalProperties: { type: 'string', maxLength: 65536 } },
  ],
  description: 'The request headers: a list of [name, value] pairs, or an object.',
});

/** Body of POST /api/signatures/verify. */
export const SignatureVerifyInput = Type.Object(
  {
    ...common,
    secret: Type.String({ maxLength: 4096, description: 'The shared secret, or the public key of a key-pair scheme.' }),
    headers: VerifyHeaders,
    body_base64: Type.String({ description: 'The exact body bytes, base64.' }),
    now,
    tolerance_seconds: Type.Optional(ToleranceSeconds),
  },
  { additionalProperties: false },
);
export type SignatureVerifyInput = Static<typeof SignatureVerifyInput>;

/** Body of POST /api/signatures/sign. */
export const SignatureSignInput = Type.Object(
  {
    ...common,
    secret: Type.String({ minLength: 1, maxLength: 4096, description: 'The shared secret, or the private key of a key-pair scheme.' }),
    body_base64: Type.String({ description: 'The exact body bytes, base64.' }),
    timestamp: Type.Optional(Type.Integer({ ...UNIX_TIME, description: 'Unix seconds; default now.' })),
    id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Message id for schemes that sign one; a random `msg_...` by default.' }),
    ),
  },
  { additionalProperties: false },
);
export type SignatureSignInput = Static<typeof SignatureSignInput>;

export const SignatureSignResult = Type.Object({
  headers: Type.Record(Type.String(), Type.String(), { description: 'The headers that carry the signature (and timestamp, id).' }),
  signed_content_base64: Type.String({ description: 'The exact bytes that were signed, base64.' }),
  body_base64: Type.Optional(Type.String({ description: 'The body to send, when the scheme puts its signature in the body (Mailgun).' })),
});
export type SignatureSignResult = Static<typeof SignatureSignResult>;

/** Answer of POST /api/signatures/keypair?scheme=: a fresh pair in the scheme's formats (nothing stored). */
export const SignatureKeyPair = Type.Object({
  scheme: Type.String(),
  algorithm: KeyAlgorithm,
  public_key: Type.String({ description: "Verifies: the endpoint's or the Lab's secret when verifying." }),
  private_key: Type.String({ description: 'Signs: the secret of POST /api/signatures/sign or of a send.' }),
  public_key_format: Type.String(),
  private_key_format: Type.String(),
});
export type SignatureKeyPair = Static<typeof SignatureKeyPair>;

/** Body of POST /api/requests/:id/verify: every field overrides the stored endpoint's setting. */
export const RequestVerifyInput = Type.Object(
  {
    ...common,
    method: Type.Optional(Type.String({ maxLength: 32, description: "The request method (HubSpot signs it); default the capture's own." })),
    secret: Type.Optional(Type.String({ maxLength: 4096 })),
    tolerance_seconds: Type.Optional(ToleranceSeconds),
    now: Type.Optional(Type.Integer({ ...UNIX_TIME, description: "Unix seconds; default the capture's arrival." })),
  },
  { additionalProperties: false },
);
export type RequestVerifyInput = Static<typeof RequestVerifyInput>;

/** One entry of GET /api/snippets?scheme=<id>. */
export const VerificationSnippet = Type.Object({
  language: StringEnum(['javascript', 'python', 'go', 'java']),
  framework: Type.String(),
  code: Type.String(),
});
export type VerificationSnippet = Static<typeof VerificationSnippet>;

const SchemeQuery = Type.Object({ scheme: SchemeId }, { additionalProperties: false });

const tags = ['signatures'];

export const verifySignature = defineOperation({
  method: 'POST',
  url: '/api/signatures/verify',
  operationId: 'verifySignature',
  summary:
    'verify any input: `{scheme | custom, secret, headers ([[name, value], ...] or an object), body_base64, now?, tolerance_seconds?, url?, method?}` → a verification',
  tags,
  body: SignatureVerifyInput,
  responses: { 200: Data(Verification) },
});

export const signPayload = defineOperation({
  method: 'POST',
  url: '/api/signatures/sign',
  operationId: 'signPayload',
  summary:
    'sign: `{scheme | custom, secret, body_base64, timestamp?, id?, url?, method?}` → `{headers, signed_content_base64, body_base64?}`',
  tags,
  body: SignatureSignInput,
  responses: { 200: Data(SignatureSignResult) },
});

export const generateKeyPair = defineOperation({
  method: 'POST',
  url: '/api/signatures/keypair',
  operationId: 'generateKeyPair',
  summary: "`?scheme=`: a fresh test key pair in the scheme's formats (nothing is stored); 400 for a scheme that uses a shared secret",
  tags,
  querystring: SchemeQuery,
  responses: { 200: Data(SignatureKeyPair) },
});

export const verifyCapture = defineOperation({
  method: 'POST',
  url: '/api/requests/:id/verify',
  operationId: 'verifyCapture',
  summary:
    'a verification of the stored capture with optional overrides `{scheme, custom, secret, tolerance_seconds, now, url, method}`; nothing stored changes',
  tags,
  params: NumericIdParams,
  body: RequestVerifyInput,
  responses: { 200: Data(Verification) },
});

export const listSnippets = defineOperation({
  method: 'GET',
  url: '/api/snippets',
  operationId: 'listSnippets',
  summary:
    '`?scheme=`: verification code for the scheme: Node (Express), Python (Flask), Go and Java (Spring) → `[{language, framework, code}]`',
  tags,
  querystring: SchemeQuery,
  responses: { 200: Data(Type.Array(VerificationSnippet)) },
});

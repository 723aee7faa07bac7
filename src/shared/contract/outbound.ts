/** Compose and send, the Sent history, resend and replay: every outgoing request Hookscope makes on request. */
import { CustomSchemeConfig, TOLERANCE_SECONDS } from './custom-scheme';
import { Data, Deleted, NumericIdParams, Nullable, PageQueryFields, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';
import { OutboundError, OutboundErrorCode } from './outbound-error';

/** How long an outgoing request may take, in ms. The Compose form asks for it in seconds. */
export const SEND_TIMEOUT_MS = { minimum: 1, maximum: 300_000 } as const;
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;
/** How far a signature's timestamp may be shifted from now: a year either way, as far as a tolerance goes. */
export const TIMESTAMP_OFFSET_SECONDS = { minimum: -TOLERANCE_SECONDS.maximum, maximum: TOLERANCE_SECONDS.maximum } as const;
/** A fixed signature timestamp, unix seconds. */
export const SIGN_TIMESTAMP_SECONDS = { minimum: 0, maximum: 99_999_999_999 } as const;

const TimeoutMs = Type.Integer({
  ...SEND_TIMEOUT_MS,
  description: `Default ${DEFAULT_SEND_TIMEOUT_MS}, at most ${SEND_TIMEOUT_MS.maximum}.`,
});
const Method = Type.String({ minLength: 1, maxLength: 32, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" });
const Base64Body = Type.String({ maxLength: 48 * 1024 * 1024, description: 'The exact body bytes, base64.' });
const TargetUrl = Type.String({ minLength: 1, maxLength: 8192 });
const SchemeId = Type.String({ minLength: 1, maxLength: 50, description: 'A scheme id of GET /api/schemes, or `custom`.' });
const Secret = Type.String({ minLength: 1, maxLength: 4096 });

/**
 * How to sign an outgoing request. The timestamp is now by default; `timestamp` fixes it (unix
 * seconds) and `timestamp_offset_seconds` shifts it from now (-600: ten minutes in the past) to
 * test a receiver's tolerance. Give at most one of the two.
 */
export const SendSignInput = Type.Object(
  {
    scheme: SchemeId,
    secret: Secret,
    timestamp: Type.Optional(Type.Integer({ ...SIGN_TIMESTAMP_SECONDS, description: 'A fixed timestamp, unix seconds.' })),
    timestamp_offset_seconds: Type.Optional(
      Type.Integer({ ...TIMESTAMP_OFFSET_SECONDS, description: 'Shifts the timestamp from now: -600 is ten minutes in the past.' }),
    ),
    id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Message id for schemes that sign one (Standard Webhooks); random by default, kept by resends.',
      }),
    ),
    custom: Type.Optional({ ...CustomSchemeConfig, description: 'The configuration for `scheme: "custom"` (as on a custom endpoint).' }),
  },
  { additionalProperties: false },
);
export type SendSignInput = Static<typeof SendSignInput>;

/**
 * Body of POST /api/send. The body is one of: `body` (text, sent as UTF-8), `body_base64`
 * (exact bytes), or `event` + `data` (sent as `JSON.stringify({event, data})`; `event` alone
 * uses the catalog's template).
 */
export const SendInput = Type.Object(
  {
    url: TargetUrl,
    method: Type.Optional({ ...Method, description: 'Default POST.' }),
    // Pairs or an object: the handler checks them and names the offending entry (an `anyOf`
    // would report the other branch's error).
    headers: Type.Optional(
      Type.Unsafe<Array<[string, string]> | Record<string, string>>({
        description:
          "A list of [name, value] pairs or an object; sent in the given order and case. Host defaults to the URL's, Content-Length and Connection are set by the engine, Content-Type defaults to application/json for event payloads, User-Agent to `Hookscope/<version>`.",
      }),
    ),
    body: Type.Optional(Type.String({ maxLength: 32 * 1024 * 1024, description: 'The body as text, sent as UTF-8.' })),
    body_base64: Type.Optional(Base64Body),
    event: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "An event type; without `data`, the catalog's template." }),
    ),
    data: Type.Optional(Type.Unknown({ description: 'The event\'s `data`: the body is `{"event": ..., "data": ...}`.' })),
    sign: Type.Optional(SendSignInput),
    timeout_ms: Type.Optional(TimeoutMs),
  },
  { additionalProperties: false },
);
export type SendInput = Static<typeof SendInput>;

export const SENT_SOURCES = ['send', 'replay', 'resend'] as const;
export const SentSource = StringEnum(SENT_SOURCES);
export type SentSource = Static<typeof SentSource>;

export const REPLAY_MODES = ['as-is', 'resign', 'edited'] as const;
export const ReplayMode = StringEnum(REPLAY_MODES);
export type ReplayMode = Static<typeof ReplayMode>;

const HeaderPairs = Type.Array(Type.Tuple([Type.String(), Type.String()]));

const SentSignature = Nullable(Type.Object({ scheme: Type.String(), timestamp: Type.Integer() }), {
  description: 'How it was signed; null when it went out unsigned (or, for as-is replays, with its old signature).',
});

/** The fields a sent request and its summary share, in the order they are written. */
const sentOrigin = {
  id: Type.Integer(),
  created_at: Type.String(),
  source: SentSource,
  source_request_id: Nullable(Type.Integer(), { description: 'The capture a replay came from.' }),
  source_sent_id: Nullable(Type.Integer(), { description: 'The sent request a resend repeated.' }),
  replay_mode: Nullable(ReplayMode),
};
const SentEvent = Nullable(Type.String(), { description: "The body's `event` field, when it is a JSON event." });

/** One outgoing request and its outcome: the data of /api/send, replay, resend and GET /api/sent/:id. */
export const SentRequest = Type.Object({
  ...sentOrigin,
  event: SentEvent,
  signature: SentSignature,
  request: Type.Object(
    { url: Type.String(), method: Type.String(), headers: HeaderPairs, body_base64: Type.String() },
    { description: 'Exactly what went on the wire: header pairs in order and case (Host, Content-Length, Connection included).' },
  ),
  response: Nullable(
    Type.Object({
      status: Type.Integer(),
      headers: HeaderPairs,
      body_base64: Type.String(),
      truncated: Type.Boolean(),
    }),
    { description: 'What the target answered; null when it could not be reached (`error` says why).' },
  ),
  error: Nullable(OutboundError),
  duration_ms: Type.Number(),
});
export type SentRequest = Static<typeof SentRequest>;

/** One entry of GET /api/sent (no bodies) and of the `sent` live event. */
export const SentSummary = Type.Object({
  ...sentOrigin,
  method: Type.String(),
  url: Type.String(),
  event: SentEvent,
  body_size: Type.Integer(),
  signature: SentSignature,
  status: Nullable(Type.Integer()),
  error_code: Nullable(OutboundErrorCode),
  duration_ms: Type.Number(),
});
export type SentSummary = Static<typeof SentSummary>;

export const SentPage = Type.Object({
  data: Type.Array(SentSummary),
  next_before: Nullable(Type.Integer(), { description: 'The `before` of the next page; null on the last.' }),
});
export type SentPage = Static<typeof SentPage>;

/**
 * Body of POST /api/requests/:id/replay. `url` defaults to the app's own receiver at the
 * capture's path and query. `resign` and `edited` sign with `scheme`/`secret` when given, else
 * with the capture's endpoint's; `edited` requires `body_base64`.
 */
export const ReplayInput = Type.Object(
  {
    url: Type.Optional(TargetUrl),
    mode: ReplayMode,
    body_base64: Type.Optional(Base64Body),
    secret: Type.Optional(Secret),
    scheme: Type.Optional(SchemeId),
    timeout_ms: Type.Optional(TimeoutMs),
  },
  { additionalProperties: false },
);
export type ReplayInput = Static<typeof ReplayInput>;

/** Body of POST /api/sent/:id/resend (all optional). */
export const ResendInput = Type.Object({ timeout_ms: Type.Optional(TimeoutMs) }, { additionalProperties: false });
export type ResendInput = Static<typeof ResendInput>;

const tags = ['outbound'];

export const sendRequest = defineOperation({
  method: 'POST',
  url: '/api/send',
  operationId: 'sendRequest',
  summary: 'compose and send (below); the answer is a sent request',
  tags,
  body: SendInput,
  responses: { 200: Data(SentRequest) },
});

export const listSent = defineOperation({
  method: 'GET',
  url: '/api/sent',
  operationId: 'listSent',
  summary: 'the Sent history (sends, replays, resends), summaries newest first; `?limit=&before=`',
  tags,
  querystring: Type.Object(PageQueryFields, { additionalProperties: false }),
  responses: { 200: SentPage },
});

export const getSent = defineOperation({
  method: 'GET',
  url: '/api/sent/:id',
  operationId: 'getSent',
  summary: 'one sent request: exactly what went on the wire, and the response or the error',
  tags,
  params: NumericIdParams,
  responses: { 200: Data(SentRequest) },
});

export const resendSent = defineOperation({
  method: 'POST',
  url: '/api/sent/:id/resend',
  operationId: 'resendSent',
  summary: 'send it again (a fresh signature when it was signed); `{timeout_ms?}`',
  tags,
  params: NumericIdParams,
  body: ResendInput,
  responses: { 200: Data(SentRequest) },
});

export const deleteSent = defineOperation({
  method: 'DELETE',
  url: '/api/sent/:id',
  operationId: 'deleteSent',
  summary: 'delete one send (its bodies too)',
  tags,
  params: NumericIdParams,
  responses: { 200: Deleted(Type.Integer()) },
});

export const clearSent = defineOperation({
  method: 'DELETE',
  url: '/api/sent',
  operationId: 'clearSent',
  summary: 'delete the whole Sent history (`{"data": {"deleted": n}}`)',
  tags,
  responses: { 200: Data(Type.Object({ deleted: Type.Integer() })) },
});

export const replayCapture = defineOperation({
  method: 'POST',
  url: '/api/requests/:id/replay',
  operationId: 'replayCapture',
  summary:
    'send a capture again: `{mode: "as-is" | "resign" | "edited", url?, body_base64?, secret?, scheme?, timeout_ms?}` → a sent request',
  tags,
  params: NumericIdParams,
  body: ReplayInput,
  responses: { 200: Data(SentRequest) },
});

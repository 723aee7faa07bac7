/** Captures: what the receiver stored of a request, as the history lists it and its detail shows it. */
import { ForwardOutcome } from './outbound-error';
import { HeaderPairSchema, Nullable, Type, type Static, type TSchema } from './schema';
import { Verdict, Verification, VerificationReason } from './verification';

/**
 * Bodies up to this many stored bytes travel inline in GET /api/requests/:id (`body_base64`);
 * larger ones are left out of it and read from GET /api/requests/:id/body (exact bytes, Range).
 */
export const INLINE_BODY_LIMIT_BYTES = 256 * 1024;

/** A capture detail carries at most this much of the signed content: what the inspector shows of it. */
export const SIGNED_CONTENT_PREVIEW_BYTES = 64 * 1024;

/**
 * The event catalog check (RequestDetail.conformance) parses the whole body; past this many bytes
 * it is skipped (null): catalog events are small, and parsing a 20 MB body costs the engine
 * hundreds of MB and the detail half a second.
 */
export const CONFORMANCE_MAX_BODY_BYTES = 4 * 1024 * 1024;

const PUBLIC_URL =
  'The URL the sender called when the request came through a tunnel or proxy: `<X-Forwarded-Proto>://<X-Forwarded-Host><path>?<query>`, or built from a Host header that is not loopback; null when it arrived directly. URL-signing schemes verify against it.';
const ABORTED =
  'The sender closed the connection before the body was complete (or the request timed out): the body holds the bytes that arrived, and no response was sent (`response` is what the endpoint would have answered).';
const DUPLICATE_OF =
  'Id of the earliest capture with the same delivery id header (X-DcisionAI-Delivery, webhook-id, svix-id, X-GitHub-Delivery) that was acknowledged with a 2xx; null when there is none (a retry after a failed attempt is not a duplicate).';
const PINNED = 'Kept by retention and by "Clear all" (PUT /api/requests/:id `{"pinned": true}`).';

export const ForwardedInfo = Type.Object(
  { for: Nullable(Type.String()), proto: Nullable(Type.String()), host: Nullable(Type.String()) },
  { description: 'The X-Forwarded-For, -Proto and -Host headers, when the request came through a proxy.' },
);
export type ForwardedInfo = Static<typeof ForwardedInfo>;

export const RequestSummary = Type.Object({
  id: Type.Integer(),
  received_at: Type.String({ description: 'ISO 8601 with milliseconds.' }),
  method: Type.String(),
  path: Type.String(),
  query: Type.String({ description: "The raw query string without the leading '?', '' when there is none." }),
  body_size: Type.Integer({ description: 'Bytes the sender sent (the stored body is shorter when truncated).' }),
  truncated: Type.Boolean(),
  aborted: Type.Boolean({ description: ABORTED }),
  content_type: Nullable(Type.String()),
  event: Nullable(Type.String({ description: "The event type as the endpoint's scheme names it." })),
  endpoint_id: Nullable(Type.String()),
  response_status: Type.Integer(),
  verification: Type.Object({
    verdict: Verdict,
    reason: VerificationReason,
    scheme: Type.String(),
    diagnosis: Nullable(Type.String(), {
      description:
        'The first diagnosis code of an invalid capture (e.g. `body_reserialized`, `timestamp_milliseconds`), filled in by the background indexer shortly after the capture arrives; null until then, and for valid or unverifiable captures.',
    }),
  }),
  pinned: Type.Boolean({ description: PINNED }),
  duplicate_of: Nullable(Type.Integer(), { description: DUPLICATE_OF }),
  imported: Type.Boolean({ description: 'True for captures that came from a HAR import rather than over the network.' }),
  handshake: Type.Boolean({ description: 'True when the receiver answered the request as a handshake (the detail names it).' }),
  public_url: Nullable(Type.String(), { description: PUBLIC_URL }),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const CapturedResponse = Type.Object({
  status: Type.Integer(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.String(),
  body_base64: Type.Optional(
    Type.String({ description: 'The exact response bytes, when they came from a forwarding target (may not be UTF-8).' }),
  ),
});
export type CapturedResponse = Static<typeof CapturedResponse>;

export const SchemaIssue = Type.Object({ path: Type.String(), message: Type.String() });

export const EventConformance = Type.Object({ event_type_known: Type.Boolean(), issues: Type.Array(SchemaIssue) });
export type EventConformance = Static<typeof EventConformance>;

/** A capture's fields, `body_base64` as given (the whole body, or the detail's inline-or-null one). */
function captureSchema<Body extends TSchema>(bodyBase64: Body, description: string) {
  return Type.Object(
    {
      id: Type.Integer(),
      received_at: Type.String(),
      method: Type.String(),
      path: Type.String(),
      query: Type.String({ description: "The raw query string without the leading '?', '' when there is none." }),
      url: Type.String(),
      public_url: Nullable(Type.String(), { description: PUBLIC_URL }),
      http_version: Type.String(),
      headers: Type.Array(HeaderPairSchema, {
        description: 'Header pairs exactly as received: original order, original case, duplicates kept.',
      }),
      body_base64: bodyBase64,
      body_size: Type.Integer({ description: 'Bytes the sender sent (the stored body is shorter when truncated).' }),
      truncated: Type.Boolean(),
      aborted: Type.Boolean({ description: ABORTED }),
      remote_address: Nullable(Type.String()),
      remote_port: Nullable(Type.Integer()),
      forwarded: ForwardedInfo,
      endpoint_id: Nullable(Type.String()),
      event: Nullable(Type.String()),
      verification: Verification,
      response: CapturedResponse,
      timing: Type.Object({ body_ms: Type.Number(), total_ms: Type.Number() }),
      duplicate_of: Nullable(Type.Integer(), { description: DUPLICATE_OF }),
      forward: Type.Optional(
        Nullable(ForwardOutcome, {
          description: "Set when the endpoint forwarded this capture; `response` then holds the target's answer.",
        }),
      ),
      conformance: Type.Optional(
        Nullable(EventConformance, {
          description:
            'For JSON bodies with an `event` field: how they conform to the event catalog; else null (and for bodies over 4 MiB).',
        }),
      ),
      imported: Type.Optional(Type.Boolean({ description: 'True for captures created by HAR import rather than received.' })),
      pinned: Type.Optional(Type.Boolean({ description: PINNED })),
      response_by_parser: Type.Optional(
        Type.Boolean({
          description:
            "True when `response` is the HTTP parser's (400, 408, 431): the request could not be read to the end (a bad chunk, a connection half-closed mid-body, bytes after the announced length), so that answer went out instead of the endpoint's.",
        }),
      ),
      handshake: Type.Optional(
        Nullable(Type.String(), {
          description:
            'The handshake the receiver answered (e.g. `Zoom endpoint.url_validation`); `response` is that answer. Absent or null for other captures.',
        }),
      ),
    },
    { description },
  );
}

/**
 * A capture with its whole body: what the engine works with (verification, replay, exports) and
 * what a JSON export holds. The detail the API answers is a RequestDetail.
 */
export const CapturedRequest = captureSchema(
  Type.String({ description: 'The stored bytes, base64 (fewer than `body_size` when truncated or aborted).' }),
  'A capture with its whole body (as a JSON export holds it).',
);
export type CapturedRequest = Static<typeof CapturedRequest>;

/** Data of GET /api/requests/:id. */
export const RequestDetail = captureSchema(
  Nullable(Type.String(), {
    description:
      'The stored bytes, base64, when there are at most 256 KiB of them; null for a larger body, whose bytes GET /api/requests/:id/body answers.',
  }),
  'A capture: its summary fields and everything else the receiver recorded.',
);
export type RequestDetail = Static<typeof RequestDetail>;

export const RequestPage = Type.Object({
  data: Type.Array(RequestSummary),
  next_before: Nullable(Type.Integer(), { description: 'The `before` of the next page; null on the last one.' }),
  matching: Type.Integer({ description: 'Captures the query `q` selects (all captures without `q`); exact.' }),
  total: Type.Integer({ description: 'All captures in the history; exact.' }),
});
export type RequestPage = Static<typeof RequestPage>;

/** Body of PUT /api/requests/:id. */
export const RequestUpdate = Type.Object({ pinned: Type.Optional(Type.Boolean({ description: PINNED })) }, { additionalProperties: false });
export type RequestUpdate = Static<typeof RequestUpdate>;

/** Answer of DELETE /api/requests: pinned captures are kept. */
export const ClearResult = Type.Object({ deleted: Type.Integer(), kept_pinned: Type.Integer() });
export type ClearResult = Static<typeof ClearResult>;

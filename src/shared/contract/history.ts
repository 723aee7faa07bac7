/** The history's operations: list and search captures, read one and its body, pin, delete, the live stream. */
import { ClearResult, RequestDetail, RequestPage, RequestSummary, RequestUpdate } from './captures';
import { Data, Deleted, ErrorBody, Nullable, NumericIdParams, PageQueryFields, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';

/** Data of POST /api/requests/:id/sns-confirm: what AWS answered when its SubscribeURL was visited. */
export const SnsConfirmResult = Type.Object({
  subscribe_url: Type.String(),
  status: Type.Integer(),
  body: Type.String({ description: "The answer's body as text, at most 64 kB (AWS answers a small XML document)." }),
  subscription_arn: Nullable(Type.String(), {
    description: 'The SubscriptionArn AWS confirmed, read from its answer; null when it has none.',
  }),
});
export type SnsConfirmResult = Static<typeof SnsConfirmResult>;

export const RequestListQuery = Type.Object(
  {
    ...PageQueryFields,
    q: Type.Optional(Type.String({ maxLength: 2000, description: 'A history search query; paging with `before` keeps it.' })),
  },
  { additionalProperties: false },
);

const tags = ['history'];

export const listRequests = defineOperation({
  method: 'GET',
  url: '/api/requests',
  operationId: 'listRequests',
  summary:
    'summaries newest first, `{"data": [...], "next_before": id | null, "matching": n, "total": n}`; `q` is a [search query](#find-a-capture-search-and-filters) (400 `invalid_query` when it cannot be read), `matching` how many it selects and `total` the whole history (both exact); `before` pages on under the same `q`; `limit` ≤ 1000 (default 100)',
  tags,
  querystring: RequestListQuery,
  responses: { 200: RequestPage },
});

export const getRequest = defineOperation({
  method: 'GET',
  url: '/api/requests/:id',
  operationId: 'getRequest',
  summary: 'the full capture (below); a body over 256 KiB is left out (`body_base64: null`): read it from `/body`',
  tags,
  params: NumericIdParams,
  responses: { 200: Data(RequestDetail) },
});

export const getRequestBody = defineOperation({
  method: 'GET',
  url: '/api/requests/:id/body',
  operationId: 'getRequestBody',
  summary:
    'the exact stored body bytes, with the capture\'s `Content-Type` (`application/octet-stream` when it had none) and `Content-Length`; one `Range: bytes=a-b`, `a-` or `-n` gives 206 with `Content-Range`, a range past the end 416 (`Content-Range: bytes */size`); `?download=1` adds `Content-Disposition: attachment; filename="capture-<id>-body.<ext>"`',
  tags,
  params: NumericIdParams,
  querystring: Type.Object(
    {
      download: Type.Optional(
        StringEnum(['1', '0', 'true', 'false'], { description: '`1` or `true` adds a Content-Disposition (Save body).' }),
      ),
    },
    { additionalProperties: false },
  ),
  responses: {
    200: { raw: ['*/*'], description: "The whole body, with the capture's Content-Type." },
    206: { raw: ['*/*'], description: 'The bytes the Range header selected, with Content-Range.' },
    // Listed (not only as a 4xx) so the handler may answer it.
    416: Type.Object(ErrorBody.properties, {
      description: 'A range that selects none of the body: `range_not_satisfiable`, with `Content-Range: bytes */<size>`.',
    }),
  },
});

export const updateRequest = defineOperation({
  method: 'PUT',
  url: '/api/requests/:id',
  operationId: 'updateRequest',
  summary: '`{"pinned": true | false}` → the summary',
  tags,
  params: NumericIdParams,
  body: RequestUpdate,
  responses: { 200: Data(RequestSummary) },
});

export const confirmSns = defineOperation({
  method: 'POST',
  url: '/api/requests/:id/sns-confirm',
  operationId: 'confirmSns',
  summary:
    'visits the `SubscribeURL` of an SNS `SubscriptionConfirmation` capture (`https://sns.<region>.amazonaws.com` only): `{"data": {subscribe_url, status, body, subscription_arn}}`; 400 naming the problem for another capture or URL, 502 `sns_unreachable`',
  tags,
  params: NumericIdParams,
  responses: { 200: Data(SnsConfirmResult) },
});

export const deleteRequest = defineOperation({
  method: 'DELETE',
  url: '/api/requests/:id',
  operationId: 'deleteRequest',
  summary: 'delete one',
  tags,
  params: NumericIdParams,
  responses: { 200: Deleted(Type.Integer()) },
});

export const clearRequests = defineOperation({
  method: 'DELETE',
  url: '/api/requests',
  operationId: 'clearRequests',
  summary: 'delete every unpinned capture: `{"data": {"deleted": n, "kept_pinned": n}}`',
  tags,
  responses: { 200: Data(ClearResult) },
});

export const streamEvents = defineOperation({
  method: 'GET',
  url: '/api/stream',
  operationId: 'streamEvents',
  summary: 'the live event stream (server-sent events)',
  description: 'Each message\'s `data:` is one JSON object `{"type", "data"}` (a LiveEvent); bodies are never pushed.',
  tags,
  responses: { 200: { raw: ['text/event-stream'], description: 'Server-sent events, one JSON LiveEvent per message.' } },
});

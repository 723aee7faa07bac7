/** Endpoints: where captures land, how they are verified and answered. */
import { CustomSchemeConfig, ToleranceSeconds } from './custom-scheme';
import { Data, Deleted, IdParams, Nullable, Type, type Static } from './schema';
import { defineOperation } from './operation';

export const DEFAULT_FORWARD_TIMEOUT_MS = 30_000;
export const MAX_FORWARD_TIMEOUT_MS = 300_000;

/** Limits the engine validates and the endpoint form checks before a round trip. */
export const HTTP_STATUS = { minimum: 100, maximum: 599 } as const;
export const DELAY_MS = { minimum: 0, maximum: 120_000 } as const;

/** An HTTP status an endpoint may answer with. */
export const HttpStatus = Type.Integer(HTTP_STATUS);

const HeaderName = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

export const EndpointResponseConfig = Type.Object({
  status: HttpStatus,
  headers: Type.Unsafe<Record<string, string>>({
    type: 'object',
    propertyNames: { pattern: HeaderName },
    additionalProperties: { type: 'string', maxLength: 8192 },
  }),
  body: Type.String({ maxLength: 1_048_576 }),
  delay_ms: Type.Integer(DELAY_MS),
});
export type EndpointResponseConfig = Static<typeof EndpointResponseConfig>;

const endpointFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  path: Type.String({
    minLength: 1,
    maxLength: 300,
    description: "Path prefix, starting with '/'. The longest matching prefix (on a segment boundary) wins.",
  }),
  scheme: Type.String({ minLength: 1, maxLength: 50, description: 'A scheme id of GET /api/schemes, or `custom`.' }),
  secret: Type.String({ maxLength: 4096, description: 'The shared secret, or the public key of a key-pair scheme.' }),
  tolerance_seconds: ToleranceSeconds,
  enforce: Type.Boolean({ description: 'Answer 401 to requests that fail verification.' }),
  forward_to: Nullable(Type.String({ maxLength: 2048 }), {
    description:
      "When set (an http(s) URL), every capture is forwarded there: same method, the path below the endpoint's prefix appended, query and raw body unchanged; the sender gets the target's answer.",
  }),
  forward_timeout_ms: Type.Integer({
    minimum: 1,
    maximum: MAX_FORWARD_TIMEOUT_MS,
    description: 'How long the forward_to target may take before the sender gets a 502 `timeout` (default 30000).',
  }),
  custom: Nullable(CustomSchemeConfig, { description: "The user-defined scheme's configuration when `scheme` is `custom`." }),
  answer_handshakes: Type.Boolean({
    description:
      "Whether the receiver answers its scheme's handshake (Slack, Zoom, Meta, X CRC, Dropbox, Asana, Discord PING, CloudEvents OPTIONS) itself. Default true.",
  }),
  verify_token: Nullable(Type.String({ maxLength: 512 }), {
    description: "Meta's `hub.verify_token`: a subscribe request is answered only when it matches; null answers any.",
  }),
};

export const Endpoint = Type.Object({
  id: Type.String(),
  ...endpointFields,
  response: EndpointResponseConfig,
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type Endpoint = Static<typeof Endpoint>;

const inputFields = Type.Partial(
  Type.Object({ ...endpointFields, response: Type.Partial(EndpointResponseConfig, { additionalProperties: false }) }),
).properties;

/** Body of PUT /api/endpoints/:id: any fields; the others are kept. */
export const EndpointInput = Type.Object(inputFields, { additionalProperties: false });
export type EndpointInput = Static<typeof EndpointInput>;

/** Body of POST /api/endpoints: `path` is required. */
export const EndpointCreateInput = Type.Object({ ...inputFields, path: endpointFields.path }, { additionalProperties: false });
export type EndpointCreateInput = Static<typeof EndpointCreateInput>;

/** The catch-all endpoint always exists; it can be edited but neither deleted nor moved. */
export const CATCH_ALL_ENDPOINT_ID = 'ep_default';

const tags = ['endpoints'];

export const listEndpoints = defineOperation({
  method: 'GET',
  url: '/api/endpoints',
  operationId: 'listEndpoints',
  summary: 'all endpoints, longest path first',
  tags,
  responses: { 200: Data(Type.Array(Endpoint)) },
});

export const createEndpoint = defineOperation({
  method: 'POST',
  url: '/api/endpoints',
  operationId: 'createEndpoint',
  summary:
    'create: `{name?, path, scheme?, custom?, secret?, tolerance_seconds?, enforce?, response?, forward_to?, forward_timeout_ms?, answer_handshakes?, verify_token?}` → 201',
  tags,
  body: EndpointCreateInput,
  responses: { 201: Data(Endpoint) },
});

export const getEndpoint = defineOperation({
  method: 'GET',
  url: '/api/endpoints/:id',
  operationId: 'getEndpoint',
  summary: 'one endpoint',
  tags,
  params: IdParams,
  responses: { 200: Data(Endpoint) },
});

export const updateEndpoint = defineOperation({
  method: 'PUT',
  url: '/api/endpoints/:id',
  operationId: 'updateEndpoint',
  summary:
    'change any fields (others are kept); re-verifies stored requests when the secret, scheme, custom configuration or tolerance changes',
  tags,
  params: IdParams,
  body: EndpointInput,
  responses: { 200: Data(Endpoint) },
});

export const deleteEndpoint = defineOperation({
  method: 'DELETE',
  url: '/api/endpoints/:id',
  operationId: 'deleteEndpoint',
  summary: 'delete (the catch-all `ep_default` cannot be deleted or moved)',
  tags,
  params: IdParams,
  responses: { 200: Deleted(Type.String()) },
});

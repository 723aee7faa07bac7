/** JSON schemas for control API bodies and queries: one per operation, checked at the boundary. */
import { MAX_FORWARD_TIMEOUT_MS } from '../../../shared/api';

const responseConfig = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'integer', minimum: 100, maximum: 599 },
    headers: {
      type: 'object',
      propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
      additionalProperties: { type: 'string', maxLength: 8192 },
    },
    body: { type: 'string', maxLength: 1048576 },
    delay_ms: { type: 'integer', minimum: 0, maximum: 120000 },
  },
} as const;

/** A user-defined signature scheme (the Signature Lab and `custom` endpoints). */
export const customSchemeConfig = {
  type: 'object',
  additionalProperties: false,
  required: ['signature_header'],
  properties: {
    signature_header: { type: 'string', minLength: 1, maxLength: 200 },
    signature_prefix: { type: 'string', maxLength: 100 },
    timestamp_header: { type: ['string', 'null'], maxLength: 200 },
    timestamp_unit: { type: 'string', enum: ['s', 'ms'] },
    id_header: { type: ['string', 'null'], maxLength: 200 },
    signed_content: { type: 'string', maxLength: 1000 },
    algorithm: { type: 'string', enum: ['sha1', 'sha256', 'sha512'] },
    encoding: { type: 'string', enum: ['hex', 'base64'] },
    secret_encoding: { type: 'string', enum: ['utf8', 'base64', 'hex', 'whsec'] },
    tolerance_seconds: { type: 'integer', minimum: 0, maximum: 31536000 },
  },
} as const;

const endpointProperties = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  path: { type: 'string', minLength: 1, maxLength: 300 },
  scheme: { type: 'string', minLength: 1, maxLength: 50 },
  secret: { type: 'string', maxLength: 4096 },
  tolerance_seconds: { type: 'integer', minimum: 0, maximum: 31536000 },
  enforce: { type: 'boolean' },
  response: responseConfig,
  forward_to: { type: 'string', nullable: true, maxLength: 2048 },
  forward_timeout_ms: { type: 'integer', minimum: 1, maximum: MAX_FORWARD_TIMEOUT_MS },
  custom: { anyOf: [customSchemeConfig, { type: 'null' }] },
  answer_handshakes: { type: 'boolean' },
  verify_token: { type: 'string', nullable: true, maxLength: 512 },
} as const;

export const endpointCreateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: endpointProperties,
} as const;

export const endpointUpdateBody = {
  type: 'object',
  additionalProperties: false,
  properties: endpointProperties,
} as const;

export const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const numericIdParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$' } },
} as const;

export const requestListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
    before: { type: 'string', pattern: '^[0-9]{1,15}$' },
    q: { type: 'string', maxLength: 2000 },
  },
} as const;

export const requestUpdateBody = {
  type: 'object',
  additionalProperties: false,
  properties: { pinned: { type: 'boolean' } },
} as const;

/** A limit of PUT /api/settings/retention: a positive whole number, or null for none. */
const limit = (maximum: number) => ({ type: ['integer', 'null'], minimum: 1, maximum }) as const;

export const retentionBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    max_captures: limit(100_000_000),
    max_age_days: limit(36_500),
    max_disk_mb: limit(10_000_000),
  },
} as const;

/** GET /api/requests/:id/body: `download=1` adds a Content-Disposition (Save body). */
export const bodyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { download: { type: 'string', enum: ['1', '0', 'true', 'false'] } },
} as const;

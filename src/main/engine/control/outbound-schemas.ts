/**
 * JSON schemas of the outbound routes (send, sent history, replay). Headers are
 * checked by the handlers instead (they accept a list of pairs or an object, and a schema
 * `anyOf` would report the wrong branch's error).
 */

import { customSchemeConfig } from './schemas';

const method = { type: 'string', minLength: 1, maxLength: 32, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" } as const;
const timeoutMs = { type: 'integer', minimum: 1, maximum: 300000 } as const;
const base64 = { type: 'string', maxLength: 48 * 1024 * 1024 } as const;

export const sendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 8192 },
    method,
    // Pairs or an object: checked by the handler, which names the offending entry.
    headers: {},
    body: { type: 'string', maxLength: 32 * 1024 * 1024 },
    body_base64: base64,
    event: { type: 'string', minLength: 1, maxLength: 200 },
    data: {},
    sign: {
      type: 'object',
      additionalProperties: false,
      required: ['scheme', 'secret'],
      properties: {
        scheme: { type: 'string', minLength: 1, maxLength: 50 },
        secret: { type: 'string', minLength: 1, maxLength: 4096 },
        timestamp: { type: 'integer', minimum: 0, maximum: 99999999999 },
        timestamp_offset_seconds: { type: 'integer', minimum: -31536000, maximum: 31536000 },
        id: { type: 'string', minLength: 1, maxLength: 200 },
        custom: customSchemeConfig,
      },
    },
    timeout_ms: timeoutMs,
  },
} as const;

export const replayBody = {
  type: 'object',
  additionalProperties: false,
  required: ['mode'],
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 8192 },
    mode: { type: 'string', enum: ['as-is', 'resign', 'edited'] },
    body_base64: base64,
    secret: { type: 'string', minLength: 1, maxLength: 4096 },
    scheme: { type: 'string', minLength: 1, maxLength: 50 },
    timeout_ms: timeoutMs,
  },
} as const;

/**
 * JSON schemas of the outbound routes (send, sent history, replay, export, import). Headers are
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

export const curlQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { url: { type: 'string', minLength: 1, maxLength: 8192 } },
} as const;

export const exportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: { ids: { type: 'string', pattern: '^[0-9]{1,15}(,[0-9]{1,15}){0,999}$' } },
} as const;

export const exportBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'integer', minimum: 1 } },
    format: { type: 'string', enum: ['har', 'json'] },
  },
} as const;

const harNameValue = {
  type: 'object',
  required: ['name', 'value'],
  properties: { name: { type: 'string' }, value: { type: 'string' } },
} as const;

/** Enough of HAR 1.2 to rebuild a capture; everything else in the document is ignored. */
export const harImportBody = {
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['entries'],
      properties: {
        entries: {
          type: 'array',
          maxItems: 10000,
          items: {
            type: 'object',
            required: ['request'],
            properties: {
              startedDateTime: { type: 'string' },
              time: { type: 'number' },
              request: {
                type: 'object',
                required: ['method', 'url'],
                properties: {
                  method,
                  url: { type: 'string', minLength: 1 },
                  httpVersion: { type: 'string' },
                  headers: { type: 'array', items: harNameValue },
                  postData: {
                    type: 'object',
                    properties: { mimeType: { type: 'string' }, text: { type: 'string' }, encoding: { type: 'string' } },
                  },
                },
              },
              response: {
                type: 'object',
                properties: {
                  status: { type: 'integer' },
                  headers: { type: 'array', items: harNameValue },
                  content: {
                    type: 'object',
                    properties: { text: { type: 'string' }, encoding: { type: 'string' }, mimeType: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

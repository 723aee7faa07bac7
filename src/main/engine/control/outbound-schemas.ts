/** JSON schemas of the export and import routes (send, resend and replay are in the contract: shared/contract/outbound.ts). */

const method = { type: 'string', minLength: 1, maxLength: 32, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" } as const;

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

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_TOLERANCE_SECONDS,
  type CustomSchemeConfig,
  type RequestVerifyInput,
  type SignatureSignInput,
  type SignatureSignResult,
  type SignatureVerifyInput,
  type Verification,
} from '../../../../shared/api';
import type { EngineContext } from '../../context';
import { ApiError, invalid, notFound } from '../errors';
import { customSchemeConfig, numericIdParam } from '../schemas';
import { resolveScheme, verifyMessage, type OtherSecret } from '../../signatures/verify';
import type { SignatureScheme } from '../../signatures/types';
import { snippetsFor, snippetSchemeIds } from '../../snippets/snippets';
import { otherEndpointSecrets } from '../../services/endpoint-verification';
import { CUSTOM_SCHEME_ID } from '../../signatures/schemes/custom';

/**
 * The Signature Lab's engine API: verify or sign arbitrary inputs, re-verify a capture with other
 * settings ("what if") without touching what is stored, and fetch verification snippets.
 */


const common = {
  scheme: { type: 'string', minLength: 1, maxLength: 50 },
  custom: customSchemeConfig,
  url: { type: 'string', maxLength: 8192 },
} as const;

const verifyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['secret', 'headers', 'body_base64'],
  properties: {
    ...common,
    secret: { type: 'string', maxLength: 4096 },
    headers: {
      anyOf: [
        { type: 'array', maxItems: 1000, items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', maxLength: 65536 } } },
        { type: 'object', additionalProperties: { type: 'string', maxLength: 65536 } },
      ],
    },
    body_base64: { type: 'string' },
    now: { type: 'integer', minimum: 0, maximum: 1e13 },
    tolerance_seconds: { type: 'integer', minimum: 0, maximum: 31536000 },
  },
} as const;

const signBody = {
  type: 'object',
  additionalProperties: false,
  required: ['secret', 'body_base64'],
  properties: {
    ...common,
    secret: { type: 'string', minLength: 1, maxLength: 4096 },
    body_base64: { type: 'string' },
    timestamp: { type: 'integer', minimum: 0, maximum: 1e13 },
    id: { type: 'string', minLength: 1, maxLength: 500 },
  },
} as const;

const requestVerifyBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...common,
    secret: { type: 'string', maxLength: 4096 },
    tolerance_seconds: { type: 'integer', minimum: 0, maximum: 31536000 },
    now: { type: 'integer', minimum: 0, maximum: 1e13 },
  },
} as const;

const snippetsQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['scheme'],
  properties: { scheme: { type: 'string', minLength: 1, maxLength: 50 } },
} as const;

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function decodeBody(text: string): Buffer {
  if (!BASE64.test(text)) throw invalid('body.body_base64 must be standard base64 (A-Z, a-z, 0-9, +, /, = padding).');
  return Buffer.from(text, 'base64');
}

function schemeOf(scheme: string | undefined, custom: CustomSchemeConfig | undefined): SignatureScheme {
  const resolved = resolveScheme(scheme, custom);
  if (!resolved.ok) throw invalid(resolved.field === 'scheme' ? `body.scheme: ${resolved.message}` : `body.${resolved.field}: ${resolved.message}`);
  return resolved.scheme;
}

const headerPairs = (headers: SignatureVerifyInput['headers']): Array<[string, string]> =>
  Array.isArray(headers) ? headers.map(([name, value]) => [name, value] as [string, string]) : Object.entries(headers);

export function registerSignatureRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const otherSecrets = (excludeEndpointId: string | null) => (): OtherSecret[] =>
    otherEndpointSecrets(ctx.endpoints.list(), excludeEndpointId);

  app.post<{ Body: SignatureVerifyInput }>('/api/signatures/verify', { schema: { body: verifyBody } }, async (request) => {
    const input = request.body;
    const scheme = schemeOf(input.scheme, input.custom);
    const data: Verification = verifyMessage(
      { headers: headerPairs(input.headers), body: decodeBody(input.body_base64), url: input.url, exactUrl: input.url !== undefined },
      {
        scheme: scheme.id,
        custom: input.custom,
        secret: input.secret,
        toleranceSeconds: input.tolerance_seconds ?? input.custom?.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS,
        nowSeconds: input.now,
        otherSecrets: otherSecrets(null),
      },
    );
    return { data };
  });

  app.post<{ Body: SignatureSignInput }>('/api/signatures/sign', { schema: { body: signBody } }, async (request) => {
    const input = request.body;
    const scheme = schemeOf(input.scheme, input.custom);
    if (scheme.descriptor.uses_url && input.url === undefined) throw invalid(`body.url is required: the ${scheme.label} scheme signs the full URL.`);
    const signed = scheme.sign({
      secret: input.secret,
      body: decodeBody(input.body_base64),
      timestampSeconds: input.timestamp ?? Math.floor(Date.now() / 1000),
      id: input.id ?? (scheme.descriptor.uses_id ? `msg_${randomBytes(16).toString('hex')}` : undefined),
      url: input.url,
    });
    const data: SignatureSignResult = { headers: signed.headers, signed_content_base64: signed.signedContent.toString('base64') };
    return { data };
  });

  app.post<{ Params: { id: string }; Body: RequestVerifyInput | undefined }>(
    '/api/requests/:id/verify',
    {
      schema: { params: numericIdParam, body: requestVerifyBody },
      // Every override is optional, so a POST without a body means "re-verify as stored".
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const detail = ctx.requests.get(Number(request.params.id));
      if (!detail) throw notFound('request', request.params.id);
      const input = request.body ?? {};
      const endpoint = detail.endpoint_id ? ctx.endpoints.get(detail.endpoint_id) : null;
      // The endpoint's own custom configuration applies unless the caller overrides the scheme.
      const custom = input.custom ?? (input.scheme === undefined && endpoint?.scheme === CUSTOM_SCHEME_ID ? endpoint.custom ?? undefined : undefined);
      const scheme = schemeOf(input.scheme ?? endpoint?.scheme ?? detail.verification.scheme, custom);
      const data = verifyMessage(
        {
          headers: detail.headers,
          body: Buffer.from(detail.body_base64, 'base64'),
          url: input.url ?? detail.url,
          exactUrl: input.url !== undefined,
        },
        {
          scheme: scheme.id,
          custom,
          secret: input.secret ?? endpoint?.secret ?? '',
          toleranceSeconds: input.tolerance_seconds ?? custom?.tolerance_seconds ?? endpoint?.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS,
          // The clock of the capture, so a "what if" on an old request is not simply "expired".
          nowSeconds: input.now ?? Math.floor(Date.parse(detail.received_at) / 1000),
          otherSecrets: otherSecrets(endpoint?.id ?? null),
        },
      );
      if (detail.truncated && data.verdict === 'invalid') {
        data.diagnosis.push({ code: 'body_truncated', message: 'Only the first part of this body was stored (it exceeded the body limit), so its signature cannot match; raise the body limit to verify such requests.' });
      }
      return { data };
    },
  );

  app.get<{ Querystring: { scheme: string } }>('/api/snippets', { schema: { querystring: snippetsQuery } }, async (request) => {
    const snippets = snippetsFor(request.query.scheme);
    if (!snippets) {
      throw new ApiError(404, 'not_found', `No verification snippets for scheme "${request.query.scheme}"; they exist for: ${snippetSchemeIds().join(', ')}.`);
    }
    return { data: snippets };
  });
}

import { DEFAULT_TOLERANCE_SECONDS, type CustomSchemeConfig, type SignatureVerifyInput } from '../../../../shared/api';
import { listSnippets, signPayload, verifyCapture, verifySignature } from '../../../../shared/contract/signatures';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import type { EngineContext } from '../../context';
import { ApiError, invalid, notFound } from '../errors';
import { resolveScheme, verifyMessage, type OtherSecret } from '../../signatures/verify';
import type { SignatureScheme } from '../../signatures/types';
import { snippetsFor, snippetSchemeIds } from '../../snippets/snippets';
import { endpointVerificationSettings, otherEndpointSecrets, withOverrides } from '../../services/endpoint-verification';
import { explainPartialBody } from '../../services/capture-verification';
import { storedSignedUrl } from '../../tunnels/public-url';
import { newMessageId } from '../../signatures/message-id';
import { decodeBase64Field } from '../base64';

/**
 * The Signature Lab's engine API: verify or sign arbitrary inputs, re-verify a capture with other
 * settings ("what if") without touching what is stored, and fetch verification snippets.
 */

const decodeBody = (text: string): Buffer => decodeBase64Field(text, 'body.body_base64');

function schemeOf(scheme: string | undefined, custom: CustomSchemeConfig | undefined): SignatureScheme {
  const resolved = resolveScheme(scheme, custom);
  if (!resolved.ok)
    throw invalid(resolved.field === 'scheme' ? `body.scheme: ${resolved.message}` : `body.${resolved.field}: ${resolved.message}`);
  return resolved.scheme;
}

const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The request method a scheme may sign (HubSpot), as given; POST, as webhooks are sent, when absent. */
function methodOf(method: string | undefined): string {
  if (method === undefined) return 'POST';
  if (!METHOD.test(method)) throw invalid(`body.method must be an HTTP method such as POST or GET; got ${JSON.stringify(method)}.`);
  return method;
}

const headerPairs = (headers: SignatureVerifyInput['headers']): Array<[string, string]> =>
  Array.isArray(headers) ? headers.map(([name, value]) => [name, value] as [string, string]) : Object.entries(headers);

export function registerSignatureRoutes(app: ControlApp, ctx: EngineContext): void {
  const otherSecrets = (excludeEndpointId: string | null) => (): OtherSecret[] =>
    otherEndpointSecrets(ctx.endpoints.list(), excludeEndpointId);

  app.route({
    ...routeOf(verifySignature),
    handler: async (request) => {
      const input = request.body;
      const scheme = schemeOf(input.scheme, input.custom);
      const data = verifyMessage(
        {
          headers: headerPairs(input.headers),
          body: decodeBody(input.body_base64),
          url: input.url,
          exactUrl: input.url !== undefined,
          method: methodOf(input.method),
        },
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
    },
  });

  app.route({
    ...routeOf(signPayload),
    handler: async (request) => {
      const input = request.body;
      const scheme = schemeOf(input.scheme, input.custom);
      if (scheme.descriptor.uses_url && input.url === undefined)
        throw invalid(`body.url is required: the ${scheme.label} scheme signs the full URL.`);
      const signed = scheme.sign({
        secret: input.secret,
        body: decodeBody(input.body_base64),
        timestampSeconds: input.timestamp ?? Math.floor(Date.now() / 1000),
        id: input.id ?? (scheme.descriptor.uses_id ? newMessageId() : undefined),
        url: input.url,
        method: methodOf(input.method),
      });
      const data = {
        headers: signed.headers,
        signed_content_base64: signed.signedContent.toString('base64'),
        // Mailgun signs inside the body: the body to send is then another one.
        ...(signed.body ? { body_base64: signed.body.toString('base64') } : {}),
      };
      return { data };
    },
  });

  app.route({
    ...routeOf(verifyCapture),
    // Every override is optional, so a POST without a body means "re-verify as stored".
    preValidation: async (request) => {
      request.body ??= {};
    },
    handler: async (request) => {
      const detail = ctx.requests.load(Number(request.params.id));
      if (!detail) throw notFound('request', request.params.id);
      const input = request.body;
      const endpoint = detail.endpoint_id ? ctx.endpoints.get(detail.endpoint_id) : null;
      // A scheme the caller names must exist (a 400 naming the field); the endpoint's own
      // settings are judged exactly as the receiver judged them, whatever they are.
      if (input.scheme !== undefined || input.custom !== undefined) schemeOf(input.scheme, input.custom);
      // Exactly the receiver's settings, on the capture's clock (so a "what if" on an old request
      // is not simply "expired"), with the caller's overrides on top.
      const settings = withOverrides(
        endpointVerificationSettings(endpoint, () => ctx.endpoints.list(), Math.floor(Date.parse(detail.received_at) / 1000)),
        input,
      );
      const data = verifyMessage(
        {
          headers: detail.headers,
          body: detail.body,
          // The URL the caller gives, else the one the sender called (a tunnel's public URL).
          ...(input.url === undefined ? storedSignedUrl(detail) : { url: input.url, exactUrl: true }),
          method: input.method === undefined ? detail.method : methodOf(input.method),
        },
        settings,
      );
      explainPartialBody(detail, data);
      return { data };
    },
  });

  app.route({
    ...routeOf(listSnippets),
    handler: async (request) => {
      const snippets = snippetsFor(request.query.scheme);
      if (!snippets) {
        throw new ApiError(
          404,
          'not_found',
          `No verification snippets for scheme "${request.query.scheme}"; they exist for: ${snippetSchemeIds().join(', ')}.`,
        );
      }
      return { data: snippets };
    },
  });
}

import type { ReplayInput, CapturedRequest, SentRequest } from '../../../shared/api';
import type { EngineContext } from '../context';
import { ApiError, invalid, notFound } from '../control/errors';
import { decodeBase64Field } from '../control/base64';
import { endpointVerificationSettings } from '../services/endpoint-verification';
import { findHeader } from '../signatures/headers';
import { CUSTOM_SCHEME_ID } from '../signatures/schemes/custom';
import type { SendRecipe, StoredSign } from '../store/sent-repo';
import { withoutHeaders, withoutHopByHop } from '../../../shared/http-headers';
import { withTargetHost } from './framing';
import { checkHttpUrl } from './send-input';
import { DEFAULT_SEND_TIMEOUT_MS, executeSend, messageIdFor, signingScheme } from './send-service';

/** The app's own receiver at the capture's path and query: a replay there shows up as a new capture. */
export function ownReceiverUrl(ctx: EngineContext, capture: Pick<CapturedRequest, 'path' | 'query'>): string {
  return `${ctx.receiverUrl}${capture.path}${capture.query === '' ? '' : `?${capture.query}`}`;
}

/**
 * Signing settings for resign/edited: the request's scheme and secret, else the endpoint's, from
 * the same settings the receiver verifies with (so a custom endpoint signs with its custom config).
 */
function resignSettings(ctx: EngineContext, capture: CapturedRequest, input: ReplayInput): StoredSign {
  const endpoint = capture.endpoint_id ? ctx.endpoints.get(capture.endpoint_id) : null;
  const defaults = endpoint ? endpointVerificationSettings(endpoint, () => ctx.endpoints.list()) : null;
  const schemeId = input.scheme ?? defaults?.scheme ?? capture.verification.scheme;
  // The endpoint's custom config applies to its own scheme; naming another scheme drops it.
  const custom = schemeId === CUSTOM_SCHEME_ID ? defaults?.custom : undefined;
  if (schemeId === CUSTOM_SCHEME_ID && !custom) {
    throw invalid(
      'body.scheme "custom" needs the configuration of a custom endpoint, and this capture\'s endpoint has none; name a built-in scheme.',
    );
  }
  const scheme = signingScheme({ scheme: schemeId, custom }, 'body');
  const secret = input.secret ?? defaults?.secret ?? '';
  if (secret === '') {
    const owner = endpoint ? `endpoint "${endpoint.name}" (${endpoint.id}) has no secret` : 'the capture has no endpoint';
    throw invalid(`body.secret is required for mode "${input.mode}": ${owner}; pass the secret to sign with.`);
  }
  // Keep the original message id (a re-signed replay is the same message, newly signed); a
  // capture without one gets a fresh id rather than an empty one.
  const idHeader = scheme.descriptor.id_header;
  const id = messageIdFor(scheme, idHeader ? (findHeader(capture.headers, idHeader) ?? undefined) : undefined);
  return { scheme: scheme.id, secret, timestamp: { offset: 0 }, id, ...(custom ? { custom } : {}), replaceHeaders: scheme.headerNames };
}

/**
 * Replays a capture. as-is: the original bytes and headers, old signature included (tests
 * replay protection). resign: the same bytes with a fresh timestamp and signature. edited: the
 * given bytes, signed. Hop-by-hop headers are dropped; Host and Content-Length are recomputed.
 */
export async function replayCapture(ctx: EngineContext, id: number, input: ReplayInput): Promise<SentRequest> {
  const capture = ctx.requests.get(id);
  if (!capture) throw notFound('request', id);
  const url = input.url ?? ownReceiverUrl(ctx, capture);
  const target = checkHttpUrl(url, 'body.url');
  if (input.mode !== 'edited' && input.body_base64 !== undefined) {
    throw invalid(`body.body_base64 is only used with mode "edited"; got mode "${input.mode}".`);
  }
  if (input.mode === 'edited' && input.body_base64 === undefined) {
    throw invalid('body.body_base64 is required for mode "edited": the edited body, base64-encoded.');
  }
  if (input.mode === 'as-is' && (input.secret !== undefined || input.scheme !== undefined)) {
    throw invalid('body.secret and body.scheme are only used with modes "resign" and "edited"; "as-is" keeps the original signature.');
  }
  if (capture.aborted && input.mode !== 'edited') {
    throw new ApiError(
      409,
      'body_incomplete',
      `Request ${id} was an aborted upload (the sender closed the connection after ${capture.body_size} bytes), so its original bytes cannot be replayed; use mode "edited" with a body.`,
    );
  }
  if (capture.truncated && input.mode !== 'edited') {
    throw new ApiError(
      409,
      'body_truncated',
      `Request ${id} was truncated at capture (${capture.body_size} bytes sent, ${Buffer.from(capture.body_base64, 'base64').length} kept), so its original bytes cannot be replayed; use mode "edited" with a body.`,
    );
  }
  const body =
    input.mode === 'edited' ? decodeBase64Field(input.body_base64 ?? '', 'body.body_base64') : Buffer.from(capture.body_base64, 'base64');
  const sign = input.mode === 'as-is' ? null : resignSettings(ctx, capture, input);
  const base = withTargetHost(withoutHeaders(withoutHopByHop(capture.headers), ['content-length']), target.host);
  const recipe: SendRecipe = {
    url,
    method: capture.method,
    headers: sign ? withoutHeaders(base, sign.replaceHeaders) : base,
    sign,
    timeoutMs: input.timeout_ms ?? DEFAULT_SEND_TIMEOUT_MS,
  };
  return executeSend(ctx, recipe, body, { source: 'replay', sourceRequestId: id, replayMode: input.mode });
}

import type { ReplayInput, RequestDetail, SentRequest } from '../../../shared/api';
import type { EngineContext } from '../context';
import { ApiError, invalid, notFound } from '../control/errors';
import { getScheme } from '../signatures/registry';
import { findHeader } from '../signatures/headers';
import type { SendRecipe, StoredSign } from '../store/sent-repo';
import { withoutHeaders, withoutHopByHop, withTargetHost } from './framing';
import { checkHttpUrl, decodeBase64 } from './send-input';
import { DEFAULT_SEND_TIMEOUT_MS, executeSend } from './send-service';

/** The app's own receiver at the capture's path and query: a replay there shows up as a new capture. */
export function ownReceiverUrl(ctx: EngineContext, capture: Pick<RequestDetail, 'path' | 'query'>): string {
  return `${ctx.receiverUrl}${capture.path}${capture.query === '' ? '' : `?${capture.query}`}`;
}

/** Signing settings for resign/edited: the request's scheme and secret, else the endpoint's. */
function resignSettings(ctx: EngineContext, capture: RequestDetail, input: ReplayInput): StoredSign {
  const endpoint = capture.endpoint_id ? ctx.endpoints.get(capture.endpoint_id) : null;
  const schemeId = input.scheme ?? endpoint?.scheme ?? capture.verification.scheme;
  const scheme = getScheme(schemeId);
  if (!scheme) throw invalid(`body.scheme "${schemeId}" is not supported; GET /api/schemes lists the supported ones.`);
  const secret = input.secret ?? endpoint?.secret ?? '';
  if (secret === '') {
    const owner = endpoint ? `endpoint "${endpoint.name}" (${endpoint.id}) has no secret` : 'the capture has no endpoint';
    throw invalid(`body.secret is required for mode "${input.mode}": ${owner}; pass the secret to sign with.`);
  }
  // Keep the original message id (a re-signed replay is the same message, newly signed).
  const idHeader = scheme.descriptor.id_header;
  const id = idHeader ? (findHeader(capture.headers, idHeader) ?? undefined) : undefined;
  return { scheme: scheme.id, secret, timestamp: { offset: 0 }, id, replaceHeaders: scheme.headerNames };
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
  if (capture.truncated && input.mode !== 'edited') {
    throw new ApiError(409, 'body_truncated', `Request ${id} was truncated at capture (${capture.body_size} bytes sent, ${Buffer.from(capture.body_base64, 'base64').length} kept), so its original bytes cannot be replayed; use mode "edited" with a body.`);
  }
  const body = input.mode === 'edited' ? decodeBase64(input.body_base64 ?? '', 'body.body_base64') : Buffer.from(capture.body_base64, 'base64');
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

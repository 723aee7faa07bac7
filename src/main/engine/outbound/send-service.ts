import type { ReplayMode, SentRequest, SentSource } from '../../../shared/api';
import type { EngineContext } from '../context';
import { invalid } from '../control/errors';
import { eventOf } from '../receiver/capture-metadata';
import { getScheme } from '../signatures/registry';
import type { SendRecipe, StoredSign } from '../store/sent-repo';
import { frameRequest, withoutHeaders, type HeaderPairs } from './framing';
import { sendOutbound } from './http-sender';

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** Where a send came from, for the history. */
export interface SendOrigin {
  source: SentSource;
  sourceRequestId?: number | null;
  sourceSentId?: number | null;
  replayMode?: ReplayMode | null;
}

export function timestampOf(sign: StoredSign, nowSeconds = Math.floor(Date.now() / 1000)): number {
  return 'fixed' in sign.timestamp ? sign.timestamp.fixed : nowSeconds + sign.timestamp.offset;
}

/**
 * Signs `body` (the exact bytes that go out) and puts the scheme's headers in place of any
 * same-named ones, so a request never carries an old and a new signature side by side.
 */
export function signHeaders(headers: HeaderPairs, body: Buffer, sign: StoredSign, url: string): { headers: HeaderPairs; timestamp: number } {
  const scheme = getScheme(sign.scheme);
  if (!scheme) throw invalid(`sign.scheme "${sign.scheme}" is not supported; GET /api/schemes lists the supported ones.`);
  const timestamp = timestampOf(sign);
  const signed = scheme.sign({ secret: sign.secret, body, timestampSeconds: timestamp, id: sign.id, url });
  const added = Object.entries(signed.headers);
  const base = withoutHeaders(headers, [...sign.replaceHeaders, ...added.map(([name]) => name)]);
  return { headers: [...base, ...added], timestamp };
}

/**
 * Executes a recipe: sign (when asked) over exactly the body bytes, frame, send, store in the
 * Sent history and announce it on the live stream. Network failures are results, not errors.
 */
export async function executeSend(ctx: EngineContext, recipe: SendRecipe, body: Buffer, origin: SendOrigin): Promise<SentRequest> {
  let url: URL;
  try {
    url = new URL(recipe.url);
  } catch {
    throw invalid(`url must be an absolute http:// or https:// URL; got ${JSON.stringify(recipe.url)}.`);
  }
  const signed = recipe.sign ? signHeaders(recipe.headers, body, recipe.sign, recipe.url) : null;
  const headers = frameRequest(signed?.headers ?? recipe.headers, url, recipe.method, body);
  const createdAt = Date.now();
  const result = await sendOutbound({ url: recipe.url, method: recipe.method, headers, body, timeoutMs: recipe.timeoutMs });
  const summary = ctx.sent.insert({
    createdAt,
    source: origin.source,
    sourceRequestId: origin.sourceRequestId ?? null,
    sourceSentId: origin.sourceSentId ?? null,
    replayMode: origin.replayMode ?? null,
    event: eventOf(body, null),
    url: recipe.url,
    method: recipe.method,
    headers,
    body,
    signature: recipe.sign && signed ? { scheme: recipe.sign.scheme, timestamp: signed.timestamp } : null,
    recipe,
    response: result.response,
    error: result.error,
    durationMs: result.durationMs,
  });
  ctx.live.publish({ type: 'sent', data: summary });
  return ctx.sent.get(summary.id) as SentRequest;
}

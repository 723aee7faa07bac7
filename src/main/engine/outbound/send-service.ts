import type { ReplayMode, SentRequest, SentSource } from '../../../shared/api';
import type { EngineContext } from '../context';
import { invalid } from '../control/errors';
import { eventOf } from '../receiver/capture-metadata';
import { newMessageId } from '../signatures/message-id';
import { CUSTOM_SCHEME_ID } from '../signatures/schemes/custom';
import type { SignatureScheme } from '../signatures/types';
import { resolveScheme } from '../signatures/verify';
import type { SendRecipe, StoredSign } from '../store/sent-repo';
import { withoutHeaders, type HeaderPairs } from '../../../shared/http-headers';
import { frameRequest } from './framing';
import { sendOutbound, type OutboundResult } from './http-sender';

// The contract's default, re-exported for the engine's and the CLI's senders.
export { DEFAULT_SEND_TIMEOUT_MS } from '../../../shared/contract/outbound';

/** Where a send came from, for the history. */
export interface SendOrigin {
  source: SentSource;
  sourceRequestId?: number | null;
  sourceSentId?: number | null;
  replayMode?: ReplayMode | null;
}

/**
 * The scheme of stored or requested signing settings: a built-in one, or `custom` built from its
 * config (the registry never holds `custom`), else a 400 naming the field under `field`.
 */
export function signingScheme(sign: Pick<StoredSign, 'scheme' | 'custom'>, field: string): SignatureScheme {
  if (sign.custom && sign.scheme !== CUSTOM_SCHEME_ID) {
    throw invalid(`${field}.custom is only used with scheme "custom"; got scheme "${sign.scheme}".`);
  }
  const resolved = resolveScheme(sign.scheme, sign.custom);
  if (resolved.ok) return resolved.scheme;
  if (resolved.code === 'unknown_scheme')
    throw invalid(`${field}.scheme "${sign.scheme}" is not supported; GET /api/schemes lists the supported ones.`);
  throw invalid(`${field}.${resolved.field}: ${resolved.message}`);
}

/** The id to sign with: the given one, else a fresh one when the scheme signs an id (never ''). */
export function messageIdFor(scheme: SignatureScheme, given: string | undefined): string | undefined {
  return given ?? (scheme.descriptor.uses_id ? newMessageId() : undefined);
}

export function timestampOf(sign: StoredSign, nowSeconds = Math.floor(Date.now() / 1000)): number {
  return 'fixed' in sign.timestamp ? sign.timestamp.fixed : nowSeconds + sign.timestamp.offset;
}

/**
 * Signs `body` and puts the scheme's headers in place of any same-named ones, so a request never
 * carries an old and a new signature side by side. A scheme that signs inside the body (Mailgun)
 * returns the body to send instead.
 */
export function signHeaders(
  headers: HeaderPairs,
  body: Buffer,
  sign: StoredSign,
  url: string,
  method?: string,
): { headers: HeaderPairs; timestamp: number; body: Buffer } {
  const scheme = signingScheme(sign, 'sign');
  const timestamp = timestampOf(sign);
  // The method too: HubSpot signs it.
  const signed = scheme.sign({ secret: sign.secret, body, timestampSeconds: timestamp, id: sign.id, url, ...(method ? { method } : {}) });
  const added = Object.entries(signed.headers);
  const base = withoutHeaders(headers, [...sign.replaceHeaders, ...added.map(([name]) => name)]);
  return { headers: [...base, ...added], timestamp, body: signed.body ?? body };
}

/** What one send put on the wire and got back. */
export interface SendOutcome {
  headers: HeaderPairs;
  /** The bytes sent: the recipe's body, or the signed one when the scheme signs inside it. */
  body: Buffer;
  /** The signature's timestamp; null when the request went out unsigned. */
  timestamp: number | null;
  result: OutboundResult;
}

/**
 * Signs (when asked) over exactly the body bytes, frames and sends one recipe, storing nothing:
 * the command line's `trigger` sends this way, the engine's sends through executeSend.
 */
export async function sendRecipe(recipe: SendRecipe, body: Buffer): Promise<SendOutcome> {
  let url: URL;
  try {
    url = new URL(recipe.url);
  } catch {
    throw invalid(`url must be an absolute http:// or https:// URL; got ${JSON.stringify(recipe.url)}.`);
  }
  const signed = recipe.sign ? signHeaders(recipe.headers, body, recipe.sign, recipe.url, recipe.method) : null;
  const sentBody = signed?.body ?? body;
  const headers = frameRequest(signed?.headers ?? recipe.headers, url, recipe.method, sentBody);
  const result = await sendOutbound({ url: recipe.url, method: recipe.method, headers, body: sentBody, timeoutMs: recipe.timeoutMs });
  return { headers, body: sentBody, timestamp: signed?.timestamp ?? null, result };
}

/**
 * Executes a recipe: sign (when asked) over exactly the body bytes, frame, send, store in the
 * Sent history and announce it on the live stream. Network failures are results, not errors.
 */
export async function executeSend(ctx: EngineContext, recipe: SendRecipe, body: Buffer, origin: SendOrigin): Promise<SentRequest> {
  // A recipe stored before ids were generated may lack one: fix it now and store it that way,
  // so this send's resends repeat the id too instead of each inventing its own.
  if (recipe.sign && recipe.sign.id === undefined) {
    const id = messageIdFor(signingScheme(recipe.sign, 'sign'), undefined);
    if (id !== undefined) recipe = { ...recipe, sign: { ...recipe.sign, id } };
  }
  const createdAt = Date.now();
  const { headers, body: sentBody, timestamp, result } = await sendRecipe(recipe, body);
  const summary = ctx.sent.insert({
    createdAt,
    source: origin.source,
    sourceRequestId: origin.sourceRequestId ?? null,
    sourceSentId: origin.sourceSentId ?? null,
    replayMode: origin.replayMode ?? null,
    event: eventOf(sentBody, null),
    url: recipe.url,
    method: recipe.method,
    headers,
    body: sentBody,
    signature: recipe.sign && timestamp !== null ? { scheme: recipe.sign.scheme, timestamp } : null,
    recipe,
    response: result.response,
    error: result.error,
    durationMs: result.durationMs,
  });
  ctx.live.publish({ type: 'sent', data: summary });
  return ctx.sent.get(summary.id) as SentRequest;
}

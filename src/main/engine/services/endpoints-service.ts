import {
  CATCH_ALL_ENDPOINT_ID,
  DEFAULT_FORWARD_TIMEOUT_MS,
  DEFAULT_TOLERANCE_SECONDS,
  type Endpoint,
  type EndpointInput,
} from '../../../shared/api';
import type { EngineContext } from '../context';
import { ApiError, invalid, notFound } from '../control/errors';
import { resolveScheme, verifyMessage } from '../signatures/verify';
import { findHeader } from '../signatures/headers';
import { eventTypeOf } from '../receiver/event-type';
import { CUSTOM_SCHEME_ID } from '../signatures/schemes/custom';
import { endpointVerificationSettings } from './endpoint-verification';
import { DEFAULT_RESPONSE, type EndpointFields } from '../store/endpoints-repo';
import { checkForwardTarget } from './forward-target';
import { KeyFormatError } from '../signatures/key-formats';
import type { SignatureScheme } from '../signatures/types';
import { usesKeyPair } from '../signatures/schemes/standard-webhooks';

/** Captures re-verified per transaction: about 10 ms of work, the longest the receiver waits. */
const REVERIFY_BATCH = 250;

/** Normalizes a path prefix: leading '/', no trailing '/', no query or fragment. */
export function normalizePrefix(path: string): string {
  if (!path.startsWith('/')) throw invalid(`path must start with "/"; got ${JSON.stringify(path)}.`);
  if (/[?#\s]/.test(path)) throw invalid('path must be a plain path prefix without "?", "#" or spaces.');
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function merge(current: EndpointFields, input: EndpointInput): EndpointFields {
  return {
    name: input.name ?? current.name,
    path: input.path === undefined ? current.path : normalizePrefix(input.path),
    scheme: input.scheme ?? current.scheme,
    secret: input.secret ?? current.secret,
    tolerance_seconds: input.tolerance_seconds ?? current.tolerance_seconds,
    enforce: input.enforce ?? current.enforce,
    response: { ...current.response, ...input.response },
    forward_to: input.forward_to === undefined ? current.forward_to : input.forward_to,
    forward_timeout_ms: input.forward_timeout_ms ?? current.forward_timeout_ms,
    custom: input.custom === undefined ? current.custom : input.custom,
    answer_handshakes: input.answer_handshakes ?? current.answer_handshakes,
    // An empty token is no token: Meta's subscribe request is then answered whatever it sends.
    verify_token: input.verify_token === undefined ? current.verify_token : input.verify_token || null,
  };
}

/**
 * An endpoint of a key-pair scheme (or Standard Webhooks given a whpk_/whsk_ key) verifies with
 * a public key: one in the wrong format, or a private key pasted by mistake, would make every
 * capture fail, so it is refused on save with the key format's own message.
 */
function checkPublicKey(scheme: SignatureScheme, secret: string): void {
  if (!scheme.keyPair || secret.trim() === '') return;
  if (scheme.descriptor.key_kind !== 'key_pair' && !usesKeyPair(secret)) return;
  try {
    scheme.keyPair.parsePublic(secret);
  } catch (error) {
    if (error instanceof KeyFormatError) throw invalid(`secret: ${error.message}`);
    throw error;
  }
}

/**
 * Endpoint rules beyond the schema (unique prefixes, the fixed catch-all, known schemes) and
 * their side effects: a change to what verification depends on re-verifies stored requests.
 */
export class EndpointsService {
  /** Cached list, longest path first: the receiver reads it on every request. */
  private cache: Endpoint[];
  /** The latest re-verification pass started per endpoint; an older pass stops at its next batch. */
  private readonly reverifyPasses = new Map<string, number>();

  constructor(private readonly ctx: EngineContext) {
    this.cache = ctx.endpoints.list();
  }

  list(): readonly Endpoint[] {
    return this.cache;
  }

  get(id: string): Endpoint {
    const endpoint = this.ctx.endpoints.get(id);
    if (!endpoint) throw notFound('endpoint', id);
    return endpoint;
  }

  create(input: EndpointInput): Endpoint {
    if (input.path === undefined) throw invalid('body is missing the required field "path".');
    const fields = merge(
      {
        name: input.path,
        path: '/',
        scheme: 'dcisionai',
        secret: '',
        tolerance_seconds: DEFAULT_TOLERANCE_SECONDS,
        enforce: false,
        response: DEFAULT_RESPONSE,
        forward_to: null,
        forward_timeout_ms: DEFAULT_FORWARD_TIMEOUT_MS,
        custom: null,
        answer_handshakes: true,
        verify_token: null,
      },
      input,
    );
    this.check(fields, null);
    const created = this.ctx.endpoints.create(fields);
    this.changed();
    return created;
  }

  async update(id: string, input: EndpointInput): Promise<Endpoint> {
    const current = this.get(id);
    const fields = merge(current, input);
    if (id === CATCH_ALL_ENDPOINT_ID && fields.path !== '/') {
      throw new ApiError(
        409,
        'catch_all_fixed',
        'The catch-all endpoint always has path "/"; create another endpoint for a narrower prefix.',
      );
    }
    this.check(fields, id);
    const updated = this.ctx.endpoints.replace(id, fields);
    this.changed();
    const verificationChanged =
      current.secret !== updated.secret ||
      current.scheme !== updated.scheme ||
      current.tolerance_seconds !== updated.tolerance_seconds ||
      JSON.stringify(current.custom) !== JSON.stringify(updated.custom);
    if (verificationChanged) await this.reverify(updated.id);
    return updated;
  }

  delete(id: string): void {
    if (id === CATCH_ALL_ENDPOINT_ID) {
      throw new ApiError(
        409,
        'catch_all_fixed',
        'The catch-all endpoint cannot be deleted; it receives every request no other endpoint matches.',
      );
    }
    if (!this.ctx.endpoints.delete(id)) throw notFound('endpoint', id);
    this.changed();
  }

  private check(fields: EndpointFields, id: string | null): void {
    if (fields.scheme === CUSTOM_SCHEME_ID && fields.custom === null) {
      throw invalid('scheme "custom" needs its configuration: send `custom` with at least signature_header.');
    }
    const resolved = resolveScheme(fields.scheme, fields.scheme === CUSTOM_SCHEME_ID ? (fields.custom ?? undefined) : undefined);
    if (!resolved.ok) {
      throw invalid(
        resolved.field === 'scheme'
          ? `scheme "${fields.scheme}" is not supported; GET /api/schemes lists the supported ones.`
          : resolved.message,
      );
    }
    checkPublicKey(resolved.scheme, fields.secret);
    if (fields.forward_to !== null) checkForwardTarget(fields.forward_to, this.ctx.receiverUrl);
    const clash = this.cache.find((endpoint) => endpoint.path === fields.path && endpoint.id !== id);
    if (clash) {
      throw new ApiError(
        409,
        'path_taken',
        `The path "${fields.path}" already belongs to endpoint "${clash.name}" (${clash.id}); choose another prefix.`,
      );
    }
  }

  /**
   * Verdicts follow the secret the user holds now, not the one they held at capture time. The
   * clock is the capture's arrival, so an old capture is not suddenly called expired. The history
   * is walked in batches with a turn of the event loop between them: the receiver keeps answering
   * senders during a re-verification of a long history. A newer change to the same endpoint
   * supersedes a pass still running; the newer pass re-verifies everything itself.
   */
  private async reverify(endpointId: string): Promise<void> {
    const pass = (this.reverifyPasses.get(endpointId) ?? 0) + 1;
    this.reverifyPasses.set(endpointId, pass);
    // Captures verified with the old settings but still waiting for their group commit are
    // written first, so this pass re-verifies them too. (Captures arriving from now on are
    // verified with the new settings, which the cache already holds.)
    this.ctx.flushPendingCaptures();
    let count = 0;
    let afterId = 0;
    for (;;) {
      const endpoint = this.cache.find((candidate) => candidate.id === endpointId);
      if (!endpoint || this.reverifyPasses.get(endpointId) !== pass) return;
      const batch = this.ctx.requests.reverifyBatch(
        endpointId,
        afterId,
        REVERIFY_BATCH,
        (headers, body, target, receivedAt) => ({
          verification: verifyMessage(
            { headers, body, ...target },
            // Strict verdicts only: the diagnosis is rebuilt when a capture is read.
            { ...endpointVerificationSettings(endpoint, () => this.cache, Math.floor(receivedAt / 1000)), diagnose: false },
          ),
          event: eventTypeOf(endpoint.scheme, headers, body, findHeader(headers, 'content-type')),
        }),
        (id, update) => this.ctx.indexer.replace(id, update),
      );
      count += batch.count;
      if (batch.lastId === null) break;
      afterId = batch.lastId;
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.reverifyPasses.delete(endpointId);
    this.ctx.live.publish({ type: 'requests-reverified', data: { endpoint_id: endpointId, count } });
  }

  private changed(): void {
    this.cache = this.ctx.endpoints.list();
    this.ctx.live.publish({ type: 'endpoints-changed', data: {} });
  }
}

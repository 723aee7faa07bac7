import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header that marks the engine's own request through a tunnel (listener self-check). */
export const SELF_CHECK_HEADER = 'x-hookscope-self-check';

/** A self-check takes seconds through a tunnel; a nonce older than this is refused. */
const NONCE_TTL_MS = 10_000;

/**
 * One-time marks for the engine's own requests through a tunnel. Each check gets a fresh nonce
 * that the receiver accepts once, within NONCE_TTL_MS, answering without capturing; anything
 * else in the header (a guess, a replay, a nonce seen on the way) is captured like any request.
 * The answer carries an HMAC of the nonce under a secret that never leaves the engine, so a
 * check that reached another server (or another Hookscope) is told apart from this receiver.
 */
export class SelfCheckMark {
  private readonly secret = randomBytes(32);
  /** Nonce → when it expires. */
  private readonly issued = new Map<string, number>();

  issue(now = Date.now()): string {
    for (const [nonce, expires] of this.issued) if (expires <= now) this.issued.delete(nonce);
    const nonce = randomBytes(18).toString('base64url');
    this.issued.set(nonce, now + NONCE_TTL_MS);
    return nonce;
  }

  /** The check is over (answered or not): its nonce is no longer accepted. */
  revoke(nonce: string): void {
    this.issued.delete(nonce);
  }

  proofOf(nonce: string): string {
    return createHmac('sha256', this.secret).update(nonce).digest('base64url');
  }

  /** Answers the request when it carries a nonce this engine issued and has not seen yet; true when it did. */
  answer(raw: IncomingMessage, res: ServerResponse): boolean {
    const nonce = raw.headers[SELF_CHECK_HEADER];
    if (typeof nonce !== 'string') return false;
    const expires = this.issued.get(nonce);
    if (expires === undefined) return false;
    this.issued.delete(nonce);
    if (expires <= Date.now()) return false;
    const body = '{"hookscope":"self-check"}';
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      [SELF_CHECK_HEADER]: this.proofOf(nonce),
      'cache-control': 'no-store',
    });
    res.end(body);
    return true;
  }
}

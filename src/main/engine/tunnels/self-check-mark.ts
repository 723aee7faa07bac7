import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header that marks the engine's own request through a tunnel (listener self-check). */
export const SELF_CHECK_HEADER = 'x-hookscope-self-check';

/**
 * A per-engine random mark: the receiver answers a request carrying it without capturing it, and
 * answers with a proof only this engine can give (a hash of the mark), so a check that reached
 * another server, or another Hookscope, is told apart from one that reached this receiver.
 */
export class SelfCheckMark {
  readonly value = randomBytes(18).toString('base64url');
  readonly proof = createHash('sha256').update(this.value).digest('hex').slice(0, 32);

  /** Answers the request when it is the engine's own self-check; true when it did. */
  answer(raw: IncomingMessage, res: ServerResponse): boolean {
    if (raw.headers[SELF_CHECK_HEADER] !== this.value) return false;
    const body = '{"hookscope":"self-check"}';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [SELF_CHECK_HEADER]: this.proof, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
}

import type { CapturedRequest, Verification } from '../../../shared/api';
import type { StoredCapture } from '../store/capture-detail';
import type { EngineContext } from '../context';
import { findHeader } from '../signatures/headers';
import { verifyMessage } from '../signatures/verify';
import { endpointVerificationSettings } from './endpoint-verification';
import { storedSignedUrl } from '../tunnels/public-url';

/**
 * The full verification of a stored capture, as the detail view needs it: the receiver stores
 * only the strict verdict (no diagnosis search, no copy of the signed bytes), so both are rebuilt
 * here, with the endpoint's current settings and the capture's arrival as the clock — the same
 * inputs re-verification uses, so the verdict matches the stored one.
 */
export function completeVerification(ctx: EngineContext, detail: StoredCapture, signedContentPreviewBytes?: number): Verification {
  const endpoint = detail.endpoint_id === null ? null : ctx.endpoints.get(detail.endpoint_id);
  // URL-signing schemes verify against the URL the sender called (a tunnel's), as the receiver did.
  const message = { headers: detail.headers, body: detail.body, ...storedSignedUrl(detail), method: detail.method };
  const settings = {
    ...endpointVerificationSettings(endpoint, () => ctx.endpoints.list(), Math.floor(Date.parse(detail.received_at) / 1000)),
    signedContentPreviewBytes,
  };
  if (detail.endpoint_id !== null && endpoint === null) {
    // The endpoint was deleted, and its secret with it: the verdict it got then is kept, and what
    // the request itself says (the signature and timestamp it carried) is read again.
    // (Verification stops at "no secret" before reading anything, so it runs with a stand-in
    // secret, and what the secret decides, the expected signature, is dropped.)
    const { verdict, reason, diagnosis } = detail.verification;
    const read = verifyMessage(message, { ...settings, scheme: detail.verification.scheme, secret: 'deleted endpoint', diagnose: false });
    return { ...read, verdict, reason, diagnosis, signature: { received: read.signature.received, expected: null } };
  }
  const verification = verifyMessage(message, settings);
  explainPartialBody(detail, verification);
  return verification;
}

/**
 * A body that is not whole (cut short by the sender, or cut at the body limit) explains a
 * mismatch before any guess about the secret: the diagnosis says so, first for a cut upload.
 */
export function explainPartialBody(
  detail: Pick<CapturedRequest, 'aborted' | 'truncated' | 'body_size' | 'headers'>,
  verification: Verification,
): void {
  if (verification.verdict !== 'invalid') return;
  if (detail.aborted) {
    verification.diagnosis.unshift({
      code: 'body_incomplete',
      message: `The sender closed the connection after ${detail.body_size} bytes of the body${announcedLength(detail)}, so the signature cannot match the bytes it signed. Look at the sender's or the tunnel's timeouts and connection errors.`,
    });
  }
  if (detail.truncated) {
    verification.diagnosis.push({
      code: 'body_truncated',
      message:
        'Only the first part of this body was stored (it exceeded the body limit), so its signature cannot match; raise the body limit (--body-limit-mb) to verify such requests.',
    });
  }
}

/** ", of the N its Content-Length announced", when the request had one. */
function announcedLength(detail: Pick<CapturedRequest, 'headers'>): string {
  const announced = findHeader(detail.headers, 'content-length');
  return announced === null ? '' : `, of the ${announced} its Content-Length announced`;
}

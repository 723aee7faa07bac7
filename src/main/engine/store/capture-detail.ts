/** One capture read back whole: every field of the detail view, and the stored bytes. */
import type { CapturedRequest, CapturedResponse, Verification, VerificationReason } from '../../../shared/api';
import { LISTEN_ENDPOINT_ID } from '../listen-session';
import { forwardedInfo } from '../receiver/capture-metadata';
import { findHeader } from '../signatures/headers';
import { publicUrlOf } from '../tunnels/public-url';
import { DEFAULT_RESPONSE, FLAG, decodeHead, receiverUrl, verdictOf, type CaptureExtra } from './capture-row';
import type { SummaryRow } from './capture-summary';

/** A capture as the engine works with it: every field of the detail, and the stored bytes. */
export type StoredCapture = Omit<CapturedRequest, 'body_base64'> & { body: Buffer };

/** A summary row with the rest of `capture_data`, the body included. */
export interface DetailRow extends SummaryRow {
  remote_address: string | null;
  remote_port: number | null;
  body_us: number;
  total_us: number;
  body: Buffer;
}

/**
 * The verification kept for a capture whose endpoint was deleted (the detail view rebuilds it
 * from the endpoint otherwise): the verdict it got, without details nobody can recompute.
 */
function storedVerification(row: SummaryRow): Verification {
  return {
    scheme: row.scheme,
    verdict: verdictOf(row.verdict),
    reason: row.reason as VerificationReason,
    signature: { received: null, expected: null },
    timestamp: { value: null, age_seconds: null },
    tolerance_seconds: 0,
    signed_content_base64: null,
    diagnosis: [
      {
        code: 'endpoint_deleted',
        // `hookscope listen` captures have an endpoint of their run only, never stored.
        message:
          row.endpoint_id === LISTEN_ENDPOINT_ID
            ? 'This request arrived through hookscope listen, whose secret is not stored: the verdict it got then is kept, but its details cannot be rebuilt; check it in the Signature Lab with the secret.'
            : 'The endpoint this request arrived on was deleted: the verdict it got then is kept, but its details cannot be rebuilt without the endpoint’s secret.',
      },
    ],
  };
}

/** The detail of a stored capture; the URL, public URL and X-Forwarded-* summary are read back from its raw headers. */
export function storedCaptureOf(row: DetailRow): StoredCapture {
  const headers = decodeHead(row.head);
  const extra = (row.extra === null ? {} : JSON.parse(row.extra)) as CaptureExtra;
  const response: CapturedResponse = extra.response ?? DEFAULT_RESPONSE;
  return {
    id: row.id,
    received_at: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    query: row.query,
    url: extra.url ?? receiverUrl(findHeader(headers, 'host'), row.path, row.query),
    public_url: publicUrlOf(headers, row.path, row.query),
    http_version: extra.http ?? '1.1',
    headers,
    body: row.body,
    body_size: row.body_size,
    truncated: (row.flags & FLAG.truncated) !== 0,
    aborted: (row.flags & FLAG.aborted) !== 0,
    remote_address: row.remote_address,
    remote_port: row.remote_port,
    forwarded: forwardedInfo(headers),
    endpoint_id: row.endpoint_id,
    event: row.event,
    verification: storedVerification(row),
    response: { ...response, headers: { ...response.headers } },
    timing: { body_ms: row.body_us / 1000, total_ms: row.total_us / 1000 },
    duplicate_of: row.duplicate_of,
    forward: extra.forward ?? null,
    imported: (row.flags & FLAG.imported) !== 0,
    pinned: (row.flags & FLAG.pinned) !== 0,
    response_by_parser: extra.parser === true,
    handshake: extra.hs ?? null,
  };
}

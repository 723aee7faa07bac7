/**
 * Capture summaries, the list's rows: read from the columns of `captures` and the header block (no
 * body), or made from a capture that was just stored.
 */
import type { RequestSummary, VerificationReason } from '../../../shared/api';
import { primaryDiagnosis } from '../../../shared/diagnosis';
import { publicUrlOf } from '../tunnels/public-url';
import type { NewCapture } from './capture';
import { FLAG, contentTypeOf, decodeHead, verdictOf } from './capture-row';

/** A `captures` row with its raw header block (the summary's Content-Type is read from it). */
export interface SummaryRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  query: string;
  response_status: number;
  verdict: number;
  reason: string;
  scheme: string;
  endpoint_id: string | null;
  event: string | null;
  body_size: number;
  flags: number;
  duplicate_of: number | null;
  diagnosis: string | null;
  head: string;
  extra: string | null;
}

/** The columns of a summary; never the body (listing stays cheap however large bodies are). */
export const SUMMARY_COLUMNS = `c.id, c.received_at, c.method, c.path, c.query, c.response_status, c.verdict, c.reason,
  p.scheme, p.endpoint_id, p.event, c.body_size, c.flags, c.duplicate_of, c.diagnosis, d.head, d.extra`;
/** The profile (endpoint, scheme, event) of `captures c`, as `p`. */
export const PROFILE_JOIN = 'JOIN capture_profiles p ON p.id = c.profile';
export const SUMMARY_SELECT = `SELECT ${SUMMARY_COLUMNS} FROM captures c ${PROFILE_JOIN} JOIN capture_data d ON d.id = c.id`;

export function toSummary(row: SummaryRow): RequestSummary {
  const headers = decodeHead(row.head);
  return {
    id: row.id,
    received_at: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    query: row.query,
    body_size: row.body_size,
    truncated: (row.flags & FLAG.truncated) !== 0,
    aborted: (row.flags & FLAG.aborted) !== 0,
    content_type: contentTypeOf(row, headers),
    event: row.event,
    endpoint_id: row.endpoint_id,
    response_status: row.response_status,
    verification: {
      verdict: verdictOf(row.verdict),
      reason: row.reason as VerificationReason,
      scheme: row.scheme,
      // `captures.diagnosis` holds every code, space-separated (the search indexer writes them).
      diagnosis: row.diagnosis === null ? null : primaryDiagnosis(row.diagnosis.split(' '), row.reason),
    },
    pinned: (row.flags & FLAG.pinned) !== 0,
    duplicate_of: row.duplicate_of,
    imported: (row.flags & FLAG.imported) !== 0,
    handshake: (row.flags & FLAG.handshake) !== 0,
    public_url: publicUrlOf(headers, row.path, row.query),
  };
}

export function summaryOfCapture(id: number, capture: NewCapture): RequestSummary {
  return {
    id,
    received_at: new Date(capture.receivedAt).toISOString(),
    method: capture.method,
    path: capture.path,
    query: capture.query,
    body_size: capture.bodySize,
    truncated: capture.truncated,
    aborted: capture.aborted ?? false,
    content_type: capture.contentType,
    event: capture.event,
    endpoint_id: capture.endpointId,
    response_status: capture.response.status,
    verification: {
      verdict: capture.verification.verdict,
      reason: capture.verification.reason,
      scheme: capture.verification.scheme,
      diagnosis: null,
    },
    pinned: false,
    duplicate_of: capture.duplicateOf ?? null,
    imported: capture.imported ?? false,
    handshake: Boolean(capture.handshake),
    public_url: publicUrlOf(capture.headers, capture.path, capture.query),
  };
}

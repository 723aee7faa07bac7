import type { RequestSummary } from '../../src/shared/api';

/** A capture summary for tests of the list: a valid POST with the given id, and any fields overridden. */
export function summary(id: number, patch: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id,
    received_at: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    path: `/hooks/${id}`,
    query: '',
    body_size: 10,
    truncated: false,
    aborted: false,
    content_type: 'application/json',
    event: 'project.created',
    endpoint_id: 'ep_default',
    response_status: 200,
    verification: { verdict: 'valid', reason: 'ok', scheme: 'dcisionai', diagnosis: null },
    pinned: false,
    duplicate_of: null,
    imported: false,
    handshake: false,
    public_url: null,
    ...patch,
  };
}

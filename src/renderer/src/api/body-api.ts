import type { RequestDetail } from '../../../shared/api';
import { getRequestBody } from '../../../shared/contract/history';
import { authHeaders } from './credential';
import { api } from './http';
import { EngineUnreachableError, readApiError } from './errors';

/**
 * A capture's body bytes: inline in the detail when small (`body_base64`), else from
 * GET /api/requests/:id/body, which answers the exact stored bytes (ranges too).
 */
export function bodyUrl(id: number, options: { download?: boolean } = {}): string {
  return api.url(getRequestBody, { params: { id: String(id) }, query: options.download ? { download: '1' } : {} });
}

/** Where the body worker fetches from: an absolute URL (a worker resolves relative ones against its own script). */
export function bodySourceOf(
  detail: Pick<RequestDetail, 'id' | 'body_base64'>,
): { kind: 'inline'; base64: string } | { kind: 'url'; url: string; headers: Record<string, string> } {
  if (detail.body_base64 !== null) return { kind: 'inline', base64: detail.body_base64 };
  return { kind: 'url', url: new URL(bodyUrl(detail.id), window.location.href).href, headers: authHeaders() };
}

/** The stored bytes of a capture's body, as a Blob (kept out of the JS heap). */
export async function fetchBody(id: number): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(bodyUrl(id), { credentials: 'omit', headers: authHeaders() });
  } catch (cause) {
    throw new EngineUnreachableError(cause);
  }
  if (!response.ok) throw await readApiError(response);
  return response.blob();
}

/** Base64 of a Blob, encoded by the browser off the main thread (a data: URL minus its prefix). */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the body.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The whole body as base64, whatever its size: what replay, compare and the Signature Lab work on.
 * Inline bodies cost nothing; large ones are fetched.
 */
export async function captureBodyBase64(detail: Pick<RequestDetail, 'id' | 'body_base64'>): Promise<string> {
  if (detail.body_base64 !== null) return detail.body_base64;
  return blobToBase64(await fetchBody(detail.id));
}

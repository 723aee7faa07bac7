import { authHeaders } from '../api/credential';
import { readApiError } from '../api/errors';

/**
 * Downloads a same-origin URL as a file. Fetched first (not a plain link) so an error answer is
 * reported instead of being saved as the file, then handed to the browser from a blob URL.
 */
export async function downloadFrom(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { credentials: 'omit', headers: authHeaders() });
  if (!response.ok) throw await readApiError(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

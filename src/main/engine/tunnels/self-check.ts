import type { ListenerHealth } from '../../../shared/api';
import { describeFetchError } from './fetch-json';
import { SELF_CHECK_HEADER, type SelfCheckMark } from './self-check-mark';

/** Tunnels add seconds of their own; a check that takes longer than this counts as unreachable. */
const SELF_CHECK_TIMEOUT_MS = 8000;

/**
 * One request through the tunnel's public URL, marked with a one-time nonce so this receiver
 * answers it without capturing it: `ok` when this receiver's proof comes back, else `unreachable`
 * with why (the tunnel's error page, another server, a timeout).
 */
export async function selfCheck(
  publicUrl: string,
  mark: SelfCheckMark,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = SELF_CHECK_TIMEOUT_MS,
): Promise<ListenerHealth> {
  const checkedAt = new Date().toISOString();
  const nonce = mark.issue();
  try {
    const response = await fetchImpl(`${publicUrl.replace(/\/+$/, '')}/`, {
      headers: { [SELF_CHECK_HEADER]: nonce, 'user-agent': 'Hookscope self-check' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.headers.get(SELF_CHECK_HEADER) === mark.proofOf(nonce)) return { status: 'ok', error: null, checked_at: checkedAt };
    return {
      status: 'unreachable',
      error: `The public URL answered ${response.status}, but not from this receiver (the tunnel forwards elsewhere, or shows its own error page).`,
      checked_at: checkedAt,
    };
  } catch (error) {
    return { status: 'unreachable', error: `The public URL could not be reached: ${describeFetchError(error)}.`, checked_at: checkedAt };
  } finally {
    mark.revoke(nonce);
  }
}

/**
 * Headers in which senders put an id that stays the same when they retry or redeliver:
 * Hookscope's simulator and DcisionAI-style senders, Standard Webhooks, Svix, GitHub.
 */
const DELIVERY_ID_HEADERS = new Set(['x-dcisionai-delivery', 'webhook-id', 'svix-id', 'x-github-delivery']);

/** The first delivery id header's value (trimmed, at most 200 chars); null when there is none. One pass, no allocation per header. */
export function deliveryIdOf(headers: ReadonlyArray<readonly [string, string]>): string | null {
  for (const [name, value] of headers) {
    if (name.length >= 7 && name.length <= 20 && DELIVERY_ID_HEADERS.has(name.toLowerCase())) {
      const id = value.trim();
      if (id !== '') return id.slice(0, 200);
    }
  }
  return null;
}

import { listSchemes } from '../signatures/registry';
import type { HeaderPairs } from '../../../shared/http-headers';

/**
 * Headers in which senders put an id that stays the same when they retry or redeliver: every
 * scheme definition's delivery-id header (the simulator's X-DcisionAI-Delivery, webhook-id,
 * X-GitHub-Delivery...). Whatever the endpoint's scheme: a capture arriving at the catch-all is
 * still recognised as a retry.
 */
const DELIVERY_ID_HEADERS = new Set(
  listSchemes().flatMap((scheme) => (scheme.deliveryIdHeader ? [scheme.deliveryIdHeader.toLowerCase()] : [])),
);
const lengths = [...DELIVERY_ID_HEADERS].map((name) => name.length);
const [SHORTEST, LONGEST] = [Math.min(...lengths), Math.max(...lengths)];

/** The first delivery id header's value (trimmed, at most 200 chars); null when there is none. One pass, no allocation per header. */
export function deliveryIdOf(headers: HeaderPairs): string | null {
  for (const [name, value] of headers) {
    if (name.length >= SHORTEST && name.length <= LONGEST && DELIVERY_ID_HEADERS.has(name.toLowerCase())) {
      const id = value.trim();
      if (id !== '') return id.slice(0, 200);
    }
  }
  return null;
}

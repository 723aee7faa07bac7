import { getScheme } from '../signatures/registry';
import type { HeaderPairs } from '../../../shared/http-headers';
import { eventOf } from './capture-metadata';

/**
 * The event type of a capture as its endpoint's scheme names it (each scheme definition says
 * where: Stripe's `type`, GitHub's X-GitHub-Event with the body's action, Shopify's topic
 * header...), and the JSON body's `event` field (DcisionAI) for every other scheme and as the
 * fallback when the scheme's own place is empty.
 */
export function eventTypeOf(
  scheme: string | null | undefined,
  headers: HeaderPairs,
  body: Buffer,
  contentType: string | null,
): string | null {
  const source = scheme === null || scheme === undefined ? null : (getScheme(scheme)?.eventType ?? null);
  return (source ? source(headers, body, contentType) : null) ?? eventOf(body, contentType);
}

import { CONFORMANCE_MAX_BODY_BYTES, type EventConformance } from '../../../shared/api';
import type { StoredCapture } from '../store/capture-detail';
import { checkEventPayload } from '../../../shared/event-catalog';

/**
 * The catalog check of a capture, computed when the detail is read (cheap, and always against
 * the current catalog). Only JSON objects with an `event` field are checked: anything else is not
 * a DcisionAI event and gets null, even when its scheme names an event type elsewhere (Stripe's
 * `type`, GitHub's header), as those are not the catalog's events. So does a body larger than
 * CONFORMANCE_MAX_BODY_BYTES: parsing it would cost more than the check is worth.
 */
export function conformanceOf(detail: Pick<StoredCapture, 'event' | 'body'>): EventConformance | null {
  if (detail.event === null || detail.body.length > CONFORMANCE_MAX_BODY_BYTES) return null;
  let bytes = detail.body;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // UTF-8 BOM
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  // Slack's and Twitch's bodies have an `event` object: a DcisionAI event names its type as a string.
  const isDcisionAIEvent =
    payload !== null &&
    typeof payload === 'object' &&
    !Array.isArray(payload) &&
    typeof (payload as Record<string, unknown>).event === 'string';
  return isDcisionAIEvent ? checkEventPayload(payload) : null;
}

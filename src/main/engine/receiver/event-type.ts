import { findHeader } from '../signatures/headers';
import { eventOf, eventText, jsonObjectOf } from './capture-metadata';

type Headers = ReadonlyArray<readonly [string, string]>;
type EventSource = (headers: Headers, body: Buffer, contentType: string | null) => string | null;

/** A top-level string field of a JSON object body. */
const bodyField = (field: string): EventSource => (_headers, body, contentType) =>
  eventText(jsonObjectOf(body, contentType)?.[field]);

/** A header's value. */
const headerValue = (name: string): EventSource => (headers) => eventText(findHeader(headers, name));

/** `<name>.<action>` when the body has a string `action` (GitHub's `issues.opened`, as Octokit names them). */
function withAction(name: string | null, body: Buffer, contentType: string | null): string | null {
  if (name === null) return null;
  const action = eventText(jsonObjectOf(body, contentType)?.action);
  return eventText(action === null ? name : `${name}.${action}`);
}

/**
 * Where each scheme's senders name the event type. Schemes not listed (DcisionAI, custom, Twilio,
 * whose form posts carry none) use the JSON body's `event` field.
 */
const SOURCES: Record<string, EventSource> = {
  stripe: bodyField('type'),
  'standard-webhooks': bodyField('type'),
  svix: bodyField('type'),
  paddle: bodyField('event_type'),
  shopify: headerValue('X-Shopify-Topic'),
  twitch: headerValue('Twitch-Eventsub-Subscription-Type'),
  github: (headers, body, contentType) => withAction(findHeader(headers, 'X-GitHub-Event'), body, contentType),
  linear: (headers, body, contentType) => withAction(findHeader(headers, 'Linear-Event') ?? eventText(jsonObjectOf(body, contentType)?.type), body, contentType),
  // Events API callbacks nest the type (`event.type`); other payloads (url_verification) have it on top.
  slack: (_headers, body, contentType) => {
    const parsed = jsonObjectOf(body, contentType);
    const inner = parsed?.event;
    return eventText(inner && typeof inner === 'object' ? (inner as Record<string, unknown>).type : undefined) ?? eventText(parsed?.type);
  },
};

/**
 * The event type of a capture as its endpoint's scheme names it: Stripe's `type`, GitHub's
 * X-GitHub-Event (with the body's action), Shopify's topic header... and the body's `event` field
 * (DcisionAI) for every other scheme, and as the fallback when the scheme's own place is empty.
 */
export function eventTypeOf(scheme: string | null | undefined, headers: Headers, body: Buffer, contentType: string | null): string | null {
  const source = scheme === null || scheme === undefined ? undefined : SOURCES[scheme];
  return (source ? source(headers, body, contentType) : null) ?? eventOf(body, contentType);
}

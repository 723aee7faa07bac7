import { EVENT_TYPE_NAMES, isEventType } from '../../../shared/event-types';
import type { WebhookCreateInput, WebhookSubscription, WebhookUpdateInput } from '../../../shared/platform-api';
import { invalid } from '../control/errors';
import { newSecret } from './ids';
import type { SubscriptionFields } from './subscriptions-repo';

/** Checks what the route schema cannot: the URL's scheme and host, known event types, a non-empty list. */
export function checkSubscription(fields: SubscriptionFields): void {
  let url: URL | null = null;
  try {
    url = new URL(fields.url);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw invalid(`url must be an absolute http:// or https:// URL; got ${JSON.stringify(fields.url)}.`);
  }
  if (fields.events.length === 0) {
    throw invalid('events must list at least one event type, e.g. ["project.created"].');
  }
  const unknown = fields.events.filter((event) => !isEventType(event));
  if (unknown.length > 0) {
    throw invalid(
      `events lists unknown event type${unknown.length > 1 ? 's' : ''} ${unknown.map((e) => JSON.stringify(e)).join(', ')}; the known types are ${EVENT_TYPE_NAMES.join(', ')}.`,
    );
  }
}

export function fieldsForCreate(input: WebhookCreateInput): SubscriptionFields {
  return {
    name: input.name,
    description: input.description ?? '',
    url: input.url,
    events: input.events,
    secret: input.secret ?? newSecret(),
    status: input.status ?? 'active',
  };
}

/** A PUT changes only the fields it names; an omitted secret is kept, as the guide's update example implies. */
export function fieldsForUpdate(current: WebhookSubscription, input: WebhookUpdateInput): SubscriptionFields {
  return {
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    url: input.url ?? current.url,
    events: input.events ?? current.events,
    secret: input.secret ?? current.secret,
    status: input.status ?? current.status,
  };
}

import {
  SUBSCRIPTION_LIMITS,
  type SubscriptionStatus,
  type WebhookCreateInput,
  type WebhookSubscription,
  type WebhookUpdateInput,
} from '../../../shared/contract/platform-subscriptions';

// The limits are the contract's (the engine validates with the same schemas).
const NAME_MAX = SUBSCRIPTION_LIMITS.name.maxLength;
const URL_MAX = SUBSCRIPTION_LIMITS.url.maxLength;

/** The subscription form's editable copy: text as typed, events as a list of type names. */
export interface SubscriptionDraft {
  name: string;
  description: string;
  url: string;
  events: string[];
  secret: string;
  status: SubscriptionStatus;
}

export type SubscriptionDraftErrors = Partial<Record<'name' | 'url' | 'events', string>>;

export function draftFromSubscription(subscription: WebhookSubscription | null, defaultUrl: string): SubscriptionDraft {
  return {
    name: subscription?.name ?? '',
    description: subscription?.description ?? '',
    url: subscription?.url ?? defaultUrl,
    events: subscription ? [...subscription.events] : [],
    secret: subscription?.secret ?? '',
    status: subscription?.status ?? 'active',
  };
}

function urlError(text: string): string | undefined {
  if (text.trim() === '') return 'Give the URL deliveries are POSTed to.';
  if (text.trim().length > URL_MAX) return `The URL is at most ${URL_MAX.toLocaleString('en')} characters.`;
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The URL must be http(s); got “${url.protocol}”.`;
    return undefined;
  } catch {
    return 'That is not a URL; e.g. http://localhost:3000/webhooks/dcisionai.';
  }
}

/**
 * Checks what the browser can check before a round trip (the engine validates again and its
 * message is shown too). Creating with an empty secret lets the engine generate one; editing
 * sends the secret only when it changed, so a PUT never rewrites it by accident.
 */
export function draftToInput(
  draft: SubscriptionDraft,
  original: WebhookSubscription | null,
): { input: WebhookCreateInput | WebhookUpdateInput | null; errors: SubscriptionDraftErrors } {
  const errors: SubscriptionDraftErrors = {};
  if (draft.name.trim() === '') errors.name = 'Give the subscription a name.';
  else if (draft.name.trim().length > NAME_MAX) errors.name = `The name is at most ${NAME_MAX} characters.`;
  const badUrl = urlError(draft.url);
  if (badUrl) errors.url = badUrl;
  if (draft.events.length === 0) errors.events = 'Pick at least one event type.';
  if (Object.keys(errors).length > 0) return { input: null, errors };

  const input: WebhookCreateInput = {
    name: draft.name.trim(),
    description: draft.description,
    url: draft.url.trim(),
    events: [...draft.events],
    status: draft.status,
  };
  const secretChanged = original ? draft.secret !== original.secret : draft.secret !== '';
  if (secretChanged && draft.secret !== '') input.secret = draft.secret;
  return { input, errors };
}

/** Adds or removes event types, keeping the catalog's order. */
export function toggleEvents(selected: readonly string[], types: readonly string[], on: boolean, catalog: readonly string[]): string[] {
  const next = new Set(selected);
  for (const type of types) {
    if (on) next.add(type);
    else next.delete(type);
  }
  return catalog.filter((type) => next.has(type)).concat([...next].filter((type) => !catalog.includes(type)));
}

import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { WebhookCreateInput } from '../../../src/shared/contract/platform-subscriptions';
import { EVENT_TYPE_NAMES } from '../../../src/shared/event-types';
import type { WebhookSubscription } from '../../../src/shared/platform-api';
import { draftFromSubscription, draftToInput, toggleEvents } from '../../../src/renderer/src/lib/subscription-draft';

const stored: WebhookSubscription = {
  id: 'wh_0123456789abcdef',
  name: 'Orders',
  description: 'prod',
  url: 'https://example.com/hooks',
  events: ['project.created'],
  secret: 'webhook_secret_abc',
  created_at: '2024-01-01T00:00:00.000Z',
  last_delivery_at: null,
  status: 'active',
};

describe('subscription draft', () => {
  it('starts a new subscription at the default URL with nothing selected', () => {
    expect(draftFromSubscription(null, 'http://127.0.0.1:4700/webhooks/platform')).toEqual({
      name: '',
      description: '',
      url: 'http://127.0.0.1:4700/webhooks/platform',
      events: [],
      secret: '',
      status: 'active',
    });
  });

  it('names every missing or invalid field', () => {
    const { input, errors } = draftToInput({ ...draftFromSubscription(null, ''), name: '  ' }, null);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['events', 'name', 'url']);
    expect(draftToInput({ ...draftFromSubscription(stored, ''), url: 'ftp://example.com' }, stored).errors.url).toContain('http(s)');
    expect(draftToInput({ ...draftFromSubscription(stored, ''), url: 'example.com/hooks' }, stored).errors.url).toContain('not a URL');
  });

  it('omits an empty secret on create so the engine generates one', () => {
    const { input } = draftToInput({ ...draftFromSubscription(null, 'http://x.test/h'), name: ' A ', events: ['model.trained'] }, null);
    expect(input).toEqual({ name: 'A', description: '', url: 'http://x.test/h', events: ['model.trained'], status: 'active' });
  });

  it('sends the secret on edit only when it changed, so a PUT keeps it', () => {
    expect(draftToInput(draftFromSubscription(stored, ''), stored).input).not.toHaveProperty('secret');
    expect(draftToInput({ ...draftFromSubscription(stored, ''), secret: 'new' }, stored).input).toMatchObject({ secret: 'new' });
  });

  it('toggles event types in catalog order', () => {
    expect(toggleEvents(['model.trained'], ['project.created'], true, EVENT_TYPE_NAMES)).toEqual(['project.created', 'model.trained']);
    expect(toggleEvents(['project.created', 'model.trained'], ['project.created'], false, EVENT_TYPE_NAMES)).toEqual(['model.trained']);
    expect(toggleEvents([], ['custom.thing', 'project.created'], true, EVENT_TYPE_NAMES)).toEqual(['project.created', 'custom.thing']);
  });
});

describe('limits of the subscription draft are the contract’s', () => {
  const base = { ...draftFromSubscription(null, ''), events: ['model.trained'] };
  const longUrl = (length: number) => `https://example.com/${'a'.repeat(length - 'https://example.com/'.length)}`;

  it('accepts the longest name and URL the engine accepts, and what it produces passes the engine’s schema', () => {
    const { input, errors } = draftToInput({ ...base, name: 'n'.repeat(200), url: longUrl(2048) }, null);
    expect(errors).toEqual({});
    expect(Value.Check(WebhookCreateInput, input), JSON.stringify([...Value.Errors(WebhookCreateInput, input)])).toBe(true);
  });

  it('names the field and its bound one past each limit, before a round trip', () => {
    const { input, errors } = draftToInput({ ...base, name: 'n'.repeat(201), url: longUrl(2049) }, null);
    expect(input).toBeNull();
    expect(errors).toEqual({ name: 'The name is at most 200 characters.', url: 'The URL is at most 2,048 characters.' });
  });
});

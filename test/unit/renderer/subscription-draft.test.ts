import { describe, expect, it } from 'vitest';
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

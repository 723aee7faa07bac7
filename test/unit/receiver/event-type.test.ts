import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../src/main/engine/receiver/event-type';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const JSON_TYPE = 'application/json';

describe('eventTypeOf', () => {
  it("reads the type where each scheme's senders put it", () => {
    expect(eventTypeOf('stripe', [], json({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' }), JSON_TYPE)).toBe(
      'payment_intent.succeeded',
    );
    expect(
      eventTypeOf('standard-webhooks', [], json({ type: 'invoice.paid', timestamp: '2024-01-01T00:00:00Z', data: {} }), JSON_TYPE),
    ).toBe('invoice.paid');
    expect(eventTypeOf('svix', [], json({ type: 'user.created', data: {} }), JSON_TYPE)).toBe('user.created');
    expect(eventTypeOf('paddle', [], json({ event_id: 'evt_1', event_type: 'subscription.created', data: {} }), JSON_TYPE)).toBe(
      'subscription.created',
    );
    expect(eventTypeOf('shopify', [['X-Shopify-Topic', 'orders/create']], json({ id: 1 }), JSON_TYPE)).toBe('orders/create');
    expect(eventTypeOf('twitch', [['Twitch-Eventsub-Subscription-Type', 'channel.follow']], json({ subscription: {} }), JSON_TYPE)).toBe(
      'channel.follow',
    );
    expect(eventTypeOf('slack', [], json({ type: 'event_callback', event: { type: 'app_mention' } }), JSON_TYPE)).toBe('app_mention');
    expect(eventTypeOf('slack', [], json({ type: 'url_verification', challenge: 'x' }), JSON_TYPE)).toBe('url_verification');
  });

  it("joins GitHub's and Linear's action to the event name, as Octokit names them", () => {
    expect(eventTypeOf('github', [['x-github-event', 'issues']], json({ action: 'opened', issue: {} }), JSON_TYPE)).toBe('issues.opened');
    expect(eventTypeOf('github', [['X-GitHub-Event', 'push']], json({ ref: 'refs/heads/main' }), JSON_TYPE)).toBe('push');
    // Form-encoded GitHub deliveries: the header alone still names the event.
    expect(eventTypeOf('github', [['X-GitHub-Event', 'ping']], Buffer.from('payload=%7B%7D'), 'application/x-www-form-urlencoded')).toBe(
      'ping',
    );
    expect(eventTypeOf('linear', [['Linear-Event', 'Issue']], json({ action: 'create', type: 'Issue', data: {} }), JSON_TYPE)).toBe(
      'Issue.create',
    );
    expect(eventTypeOf('linear', [], json({ action: 'update', type: 'Comment' }), JSON_TYPE)).toBe('Comment.update');
  });

  it("uses the body's `event` for DcisionAI, custom and unknown schemes, and as every scheme's fallback", () => {
    const dcisionai = json({ event: 'model.trained', type: 'not-this' });
    expect(eventTypeOf('dcisionai', [], dcisionai, JSON_TYPE)).toBe('model.trained');
    expect(eventTypeOf('custom', [['X-GitHub-Event', 'push']], dcisionai, JSON_TYPE)).toBe('model.trained');
    expect(eventTypeOf(null, [], dcisionai, JSON_TYPE)).toBe('model.trained');
    expect(eventTypeOf('stripe', [], json({ event: 'fallback.event' }), JSON_TYPE)).toBe('fallback.event');
    // A generic `type` field is not an event type unless the scheme says so.
    expect(eventTypeOf('dcisionai', [], json({ type: 'user' }), JSON_TYPE)).toBeNull();
  });

  it('gives no event type for what is not a string, not JSON or empty', () => {
    expect(eventTypeOf('stripe', [], json({ type: 42 }), JSON_TYPE)).toBeNull();
    expect(eventTypeOf('stripe', [], json({ type: '' }), JSON_TYPE)).toBeNull();
    expect(eventTypeOf('stripe', [], Buffer.from('type=x'), 'application/x-www-form-urlencoded')).toBeNull();
    expect(eventTypeOf('paddle', [], json([{ event_type: 'x' }]), JSON_TYPE)).toBeNull();
    expect(eventTypeOf('twilio', [], Buffer.from('SmsStatus=sent'), 'application/x-www-form-urlencoded')).toBeNull();
    expect(eventTypeOf('stripe', [], json({ type: 'x'.repeat(500) }), JSON_TYPE)).toHaveLength(200);
  });
});

import { describe, expect, it } from 'vitest';
import { listSchemes } from '../../../src/main/engine/signatures/registry';
import { buildSendInput, initialComposeDraft, type ComposeDraft } from '../../../src/renderer/src/lib/compose-request';
import { sampleByName, sampleDraft, sampleGroups, secretFits } from '../../../src/renderer/src/lib/compose-sample';
import { PROVIDER_SAMPLES, sampleName } from '../../../src/shared/provider-samples';

// The engine's own descriptors, as GET /api/schemes serves them.
const descriptors = listSchemes().map((scheme) => scheme.descriptor);
const descriptor = (id: string) => descriptors.find((item) => item.id === id);

const draft = (patch: Partial<ComposeDraft> = {}): ComposeDraft => ({
  ...initialComposeDraft(),
  url: 'http://127.0.0.1:4700/webhooks/dcisionai',
  ...patch,
});

const sample = (name: string) => {
  const found = sampleByName(name);
  if (!found) throw new Error(`no sample ${name}`);
  return found;
};

describe('sampleGroups', () => {
  it('groups every sample under its provider, in the catalog order', () => {
    const groups = sampleGroups();
    expect(groups.map((group) => group.label)).toEqual(['Stripe', 'GitHub', 'Shopify', 'Slack', 'Discord', 'Twilio', 'Standard Webhooks']);
    expect(groups.flatMap((group) => group.samples)).toHaveLength(PROVIDER_SAMPLES.length);
    expect(groups.find((group) => group.label === 'GitHub')?.samples.map((item) => item.event)).toEqual([
      'push',
      'pull_request.opened',
      'ping',
    ]);
  });

  it('finds a sample by its provider:event name only', () => {
    expect(sampleByName('stripe:payment_intent.succeeded')?.scheme).toBe('stripe');
    expect(sampleByName('stripe:nope')).toBeUndefined();
    expect(sampleByName('payment_intent.succeeded')).toBeUndefined();
  });
});

describe('sampleDraft', () => {
  it('fills body, method, headers and scheme from the Stripe sample, keeping URL, timeout and timestamp', () => {
    const before = draft({
      method: 'PUT',
      scheme: 'dcisionai',
      secret: 'whsec_typed',
      timeoutSeconds: '7',
      timestampMode: 'past',
      timestampValue: '30',
    });
    const stripe = sample('stripe:payment_intent.succeeded');
    const next = { ...before, ...sampleDraft(stripe, before, descriptors) };
    expect(next.bodyMode).toBe('sample');
    expect(next.sample).toBe('stripe:payment_intent.succeeded');
    expect(next.body).toBe(stripe.body);
    expect(next.method).toBe('POST');
    expect(next.scheme).toBe('stripe');
    expect(next.secret).toBe('whsec_typed');
    expect(next.headersText).toBe(
      'Content-Type: application/json; charset=utf-8\nUser-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    );
    expect([next.url, next.timeoutSeconds, next.timestampMode, next.timestampValue]).toEqual([before.url, '7', 'past', '30']);
  });

  it('sends exactly the sample: same bytes, its headers in order with a fresh delivery id, signed as the provider', () => {
    for (const item of PROVIDER_SAMPLES) {
      const next = { ...draft({ secret: 'whsec_c2VjcmV0' }), ...sampleDraft(item, draft({ secret: 'whsec_c2VjcmV0' }), descriptors) };
      const built = buildSendInput({ ...next, secret: next.secret || 'private-key' });
      expect(built.error, sampleName(item)).toBeNull();
      expect(built.input?.body).toBe(item.body);
      expect(built.input?.sign?.scheme).toBe(item.scheme);
      const sent = built.input?.headers;
      // Compose sends headers as ordered pairs, never as an object.
      if (!Array.isArray(sent)) throw new Error('headers are not pairs');
      const headers = sent;
      expect(headers[0]).toEqual(['Content-Type', item.contentType]);
      expect(headers.slice(1).map(([name]) => name)).toEqual(item.headers.map(([name]) => name));
      for (const [index, [name, value]] of item.headers.entries()) {
        if (name === item.deliveryIdHeader) expect(headers[index + 1]?.[1]).not.toBe(value);
        else expect(headers[index + 1]?.[1]).toBe(value);
      }
    }
  });

  it('names the event the way the sample does (X-GitHub-Event, X-Shopify-Topic)', () => {
    const github = sampleDraft(sample('github:pull_request.opened'), draft(), descriptors);
    expect(github.headersText).toContain('X-GitHub-Event: pull_request');
    expect(github.headersText).toMatch(/X-GitHub-Delivery: [0-9a-f-]{36}/);
    expect(sampleDraft(sample('shopify:orders/create'), draft(), descriptors).headersText).toContain('X-Shopify-Topic: orders/create');
  });

  it('gives a fresh delivery id on every choice', () => {
    const delivery = (text: string | undefined) => /X-GitHub-Delivery: (.*)/.exec(text ?? '')?.[1];
    const github = sample('github:push');
    expect(delivery(sampleDraft(github, draft(), descriptors).headersText)).not.toBe(
      delivery(sampleDraft(github, draft(), descriptors).headersText),
    );
  });

  it('drops a secret that cannot sign as the new scheme, and the key pair with it', () => {
    // Discord signs with an Ed25519 private key: an HMAC secret is useless there, and the other way round.
    const discord = sampleDraft(sample('discord:PING'), draft({ scheme: 'stripe', secret: 'whsec_typed' }), descriptors);
    expect([discord.scheme, discord.secret]).toEqual(['discord', '']);
    const backToStripe = sampleDraft(
      sample('stripe:payment_intent.succeeded'),
      draft({ scheme: 'discord', secret: 'a'.repeat(128), publicKey: 'b'.repeat(64) }),
      descriptors,
    );
    expect([backToStripe.secret, backToStripe.publicKey]).toEqual(['', '']);
    // The same scheme keeps its private key and public key: one Discord sample after another.
    const again = sampleDraft(
      sample('discord:APPLICATION_COMMAND'),
      draft({ scheme: 'discord', secret: 'a'.repeat(128), publicKey: 'b'.repeat(64) }),
      descriptors,
    );
    expect([again.secret, again.publicKey]).toEqual(['a'.repeat(128), 'b'.repeat(64)]);
  });

  it('keeps a message id only within one scheme', () => {
    const standard = sample('standard-webhooks:invoice.paid');
    expect(
      sampleDraft(standard, draft({ scheme: 'standard-webhooks', secret: 'whsec_c2VjcmV0', messageId: 'msg_1' }), descriptors).messageId,
    ).toBe('msg_1');
    expect(sampleDraft(standard, draft({ scheme: 'svix', secret: 'whsec_c2VjcmV0', messageId: 'msg_1' }), descriptors).messageId).toBe('');
  });
});

describe('secretFits', () => {
  it('keeps a typed secret for shared-secret schemes and checks formats', () => {
    expect(secretFits('s3cret', 'dcisionai', descriptor('github'), descriptors)).toBe(true);
    expect(secretFits('', 'dcisionai', descriptor('github'), descriptors)).toBe(false);
    expect(secretFits('s3cret', 'dcisionai', descriptor('standard-webhooks'), descriptors)).toBe(false);
    expect(secretFits('whsec_c2VjcmV0', 'dcisionai', descriptor('standard-webhooks'), descriptors)).toBe(true);
    expect(secretFits('s3cret', 'dcisionai', descriptor('discord'), descriptors)).toBe(false);
    expect(secretFits('a'.repeat(128), 'discord', descriptor('discord'), descriptors)).toBe(true);
    expect(secretFits('a'.repeat(128), 'discord', descriptor('slack'), descriptors)).toBe(false);
  });
});

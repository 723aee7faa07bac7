import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../src/main/engine/receiver/event-type';
import { getScheme } from '../../../src/main/engine/signatures/registry';
import { findProviderSample, PROVIDER_SAMPLES, sampleHeaders, sampleName } from '../../../src/shared/provider-samples';
import type { HeaderPairs } from '../../../src/shared/http-headers';

describe('provider samples', () => {
  it('hold the samples the command line documents, each named once', () => {
    const names = PROVIDER_SAMPLES.map(sampleName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'stripe:payment_intent.succeeded',
      'stripe:checkout.session.completed',
      'stripe:customer.subscription.created',
      'github:push',
      'github:pull_request.opened',
      'github:ping',
      'shopify:orders/create',
      'slack:app_mention',
      'slack:url_verification',
      'discord:PING',
      'discord:APPLICATION_COMMAND',
      'twilio:incoming-sms',
      'standard-webhooks:invoice.paid',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('name their event type as the receiver reads it from the bytes and headers they carry', () => {
    for (const sample of PROVIDER_SAMPLES.filter((entry) =>
      ['stripe', 'github', 'shopify', 'slack', 'standard-webhooks'].includes(entry.scheme),
    )) {
      const headers = sampleHeaders(sample);
      expect(eventTypeOf(sample.scheme, headers, Buffer.from(sample.body), sample.contentType), sampleName(sample)).toBe(sample.event);
    }
  });

  it('sign with a scheme the registry has, except the ones still to come', () => {
    const missing = PROVIDER_SAMPLES.filter((sample) => getScheme(sample.scheme) === undefined).map((sample) => sample.scheme);
    expect([...new Set(missing)].filter((scheme) => scheme !== 'discord')).toEqual([]);
  });

  it('bodies are what the content type says; a delivery id is fresh on every send', () => {
    for (const sample of PROVIDER_SAMPLES) {
      if (sample.contentType.startsWith('application/json')) expect(() => JSON.parse(sample.body), sampleName(sample)).not.toThrow();
      else expect(new URLSearchParams(sample.body).get('Body')).toBe('Is my webhook up?');
    }
    const push = findProviderSample('github', 'push');
    if (!push) throw new Error('github:push is missing');
    const delivery = (headers: HeaderPairs) => headers.find(([name]) => name === 'X-GitHub-Delivery')?.[1];
    expect(delivery(sampleHeaders(push))).not.toBe(delivery(sampleHeaders(push)));
    expect(sampleHeaders(push)[0]).toEqual(['Content-Type', 'application/json']);
    expect(sampleHeaders(push)).toContainEqual(['X-GitHub-Event', 'push']);
  });
});

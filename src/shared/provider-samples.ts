/**
 * Realistic sample events of the providers Hookscope verifies: what their senders put on the
 * wire (method, content type, body, the extra headers that name the event), minus the signature,
 * which the sender adds with the provider's scheme. Plain data, free of any UI or engine code:
 * `hookscope trigger stripe:payment_intent.succeeded` sends them, and Compose can offer them.
 * Ids and timestamps are fixed examples; `sampleHeaders` gives each send a fresh delivery id.
 */
import type { MutableHeaderPair } from './http-headers';
import { STRIPE_SAMPLES } from './provider-samples/stripe';
import { GITHUB_SAMPLES } from './provider-samples/github';
import { SHOPIFY_SAMPLES } from './provider-samples/shopify';
import { SLACK_SAMPLES } from './provider-samples/slack';
import { DISCORD_SAMPLES } from './provider-samples/discord';
import { TWILIO_SAMPLES } from './provider-samples/twilio';
import { STANDARD_WEBHOOKS_SAMPLES } from './provider-samples/standard-webhooks';
import type { ProviderSample } from './provider-samples/sample';

export const PROVIDER_SAMPLES: readonly ProviderSample[] = [
  ...STRIPE_SAMPLES,
  ...GITHUB_SAMPLES,
  ...SHOPIFY_SAMPLES,
  ...SLACK_SAMPLES,
  ...DISCORD_SAMPLES,
  ...TWILIO_SAMPLES,
  ...STANDARD_WEBHOOKS_SAMPLES,
];

/** The sample `provider:event` names, e.g. `stripe:payment_intent.succeeded`. */
export const sampleName = (sample: Pick<ProviderSample, 'provider' | 'event'>): string => `${sample.provider}:${sample.event}`;

export function findProviderSample(provider: string, event: string): ProviderSample | undefined {
  return PROVIDER_SAMPLES.find((sample) => sample.provider === provider && sample.event === event);
}

/** The sample's headers, Content-Type first, with a fresh delivery id where the provider sends one. */
export function sampleHeaders(sample: ProviderSample): MutableHeaderPair[] {
  const fresh = sample.deliveryIdHeader?.toLowerCase();
  return [
    ['Content-Type', sample.contentType],
    ...sample.headers.map(([name, value]): MutableHeaderPair => [
      name,
      name.toLowerCase() === fresh ? globalThis.crypto.randomUUID() : value,
    ]),
  ];
}

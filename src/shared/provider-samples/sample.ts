/** The shape of a provider sample (see ../provider-samples.ts) and what the provider files share. */
import type { HeaderPairs } from '../http-headers';
import type { SchemeId } from '../scheme-ids';

export interface ProviderSample {
  /** Provider id as typed on the command line (`stripe` in `stripe:payment_intent.succeeded`). */
  provider: string;
  /** The provider's name for people. */
  label: string;
  /** The signature scheme the provider signs with. */
  scheme: SchemeId;
  /** The event type as Hookscope's receiver names it for this scheme. */
  event: string;
  description: string;
  method: 'POST';
  contentType: string;
  /** Exact body text (UTF-8). */
  body: string;
  /** Headers the provider sends besides Content-Type and the signature, in its order. */
  headers: HeaderPairs;
  /** A header carrying a per-delivery id, refreshed on every send so repeats are not duplicates. */
  deliveryIdHeader?: string;
}

export const json = (value: unknown): string => JSON.stringify(value);

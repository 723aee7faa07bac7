import type { SignatureScheme } from './types';
import { dcisionaiScheme } from './schemes/dcisionai';
import { standardWebhooksScheme, svixScheme } from './schemes/standard-webhooks';
import { stripeScheme } from './schemes/stripe';
import { githubScheme } from './schemes/github';
import { slackScheme } from './schemes/slack';
import { shopifyScheme } from './schemes/shopify';
import { twilioScheme } from './schemes/twilio';
import { paddleScheme } from './schemes/paddle';
import { linearScheme } from './schemes/linear';
import { twitchScheme } from './schemes/twitch';

/** The built-in schemes, default first. `custom` is built per request from its config (schemes/custom.ts). */
const schemes = new Map<string, SignatureScheme>(
  [dcisionaiScheme, standardWebhooksScheme, svixScheme, stripeScheme, githubScheme, slackScheme, shopifyScheme, twilioScheme, paddleScheme, linearScheme, twitchScheme]
    .map((scheme) => [scheme.id, scheme]),
);

export function getScheme(id: string): SignatureScheme | undefined {
  return schemes.get(id);
}

export function listSchemes(): SignatureScheme[] {
  return [...schemes.values()];
}

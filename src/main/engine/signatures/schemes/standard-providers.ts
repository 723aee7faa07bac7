/**
 * Providers that sign with the Standard Webhooks / Svix scheme under their own name: the scheme,
 * key decoding and 5-minute window of standard-webhooks.ts, with the headers each one sends.
 */
import { bodyField } from '../event-sources';
import { defineStandardScheme } from './standard-webhooks';

/**
 * Clerk (https://clerk.com/docs/guides/development/webhooks/overview) delivers through Svix:
 * svix-id / svix-timestamp / svix-signature, `whsec_` signing secret. Its own verifier
 * (`verifyWebhook` in @clerk/backend, clerk/javascript packages/backend/src/webhooks.ts) reads the
 * svix-* headers only and hands them to the `standardwebhooks` library. Event: body `type` (`user.created`).
 */
export const clerkScheme = defineStandardScheme({
  id: 'clerk',
  label: 'Clerk (svix-signature)',
  prefixes: ['svix'],
  category: 'Developer tools',
  docsUrl: 'https://clerk.com/docs/guides/development/webhooks/overview',
});

/**
 * Resend (https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests) delivers through
 * Svix: svix-* headers and a `whsec_` secret; the SDK's `resend.webhooks.verify` (resend-node
 * src/webhooks/webhooks.ts) passes them to `standardwebhooks`. Event: body `type` (`email.delivered`).
 */
export const resendScheme = defineStandardScheme({
  id: 'resend',
  label: 'Resend (svix-signature)',
  prefixes: ['svix'],
  category: 'Communication',
  docsUrl: 'https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests',
});

/**
 * Replicate (https://replicate.com/docs/topics/webhooks/verify-webhook): webhook-id /
 * webhook-timestamp / webhook-signature, `whsec_` secret from GET /v1/webhooks/default/secret;
 * `validateWebhook` in replicate-javascript lib/util.js signs `${id}.${timestamp}.${body}` with
 * the base64-decoded key. The body is the prediction, whose `status` (`succeeded`) tells the
 * deliveries apart (it has no `type`).
 */
export const replicateScheme = defineStandardScheme({
  id: 'replicate',
  label: 'Replicate (webhook-signature)',
  prefixes: ['webhook'],
  category: 'Infrastructure',
  docsUrl: 'https://replicate.com/docs/topics/webhooks/verify-webhook',
  eventType: bodyField('status'),
});

/**
 * Brex (https://developer.brex.com/docs/webhooks): Webhook-Id / Webhook-Timestamp /
 * Webhook-Signature over `${id}.${timestamp}.${body}`, keyed with a secret from GET
 * /v1/webhooks/secrets that is plain base64 (no `whsec_` prefix; the decoding here takes either).
 * Several secrets can be active while one rotates; check each in turn. Event: body `event_type`
 * (`REFERRAL_CREATED`).
 */
export const brexScheme = defineStandardScheme({
  id: 'brex',
  label: 'Brex (Webhook-Signature)',
  prefixes: ['webhook'],
  category: 'Payments & billing',
  docsUrl: 'https://developer.brex.com/docs/webhooks',
  eventType: bodyField('event_type'),
  secretFormat: 'base64',
});

/**
 * OpenAI (https://platform.openai.com/docs/guides/webhooks) follows Standard Webhooks: webhook-id /
 * webhook-timestamp / webhook-signature, `whsec_` secret, 300 s tolerance both ways
 * (`verifySignature` in openai-node src/resources/webhooks.ts). Event: body `type` (`response.completed`).
 */
export const openaiScheme = defineStandardScheme({
  id: 'openai',
  label: 'OpenAI (webhook-signature)',
  prefixes: ['webhook'],
  category: 'Developer tools',
  docsUrl: 'https://platform.openai.com/docs/guides/webhooks',
});

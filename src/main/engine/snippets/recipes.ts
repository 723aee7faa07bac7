/**
 * What a verification snippet must do for each scheme, in data: the generators (one per
 * language) turn a recipe into code, so the four languages cannot drift apart and the tests
 * that execute the snippets cover every scheme's recipe with the same cases.
 */

export type PrefixPart = { literal: string } | 'id' | 'timestamp';

export interface SnippetRecipe {
  schemeId: string;
  label: string;
  signatureHeader: string;
  /** How the signature header is laid out. */
  signature:
    | { kind: 'plain'; prefix: string }
    | { kind: 'versioned-list'; version: string }
    | { kind: 'keyed'; separator: string; timestampKey: string; signatureKey: string };
  /** Header carrying the timestamp; null when it is inside the signature header (keyed) or absent. */
  timestampHeader: string | null;
  idHeader: string | null;
  /** The signed content is these parts followed by the raw body bytes. */
  prefix: PrefixPart[];
  algorithm: 'sha256' | 'sha1';
  encoding: 'hex' | 'base64';
  /** `whsec`: base64-decode the secret after its `whsec_` prefix. */
  key: 'text' | 'whsec';
  tolerance: { seconds: number; direction: 'both' | 'past-only' } | null;
}

const FIVE_MINUTES = 300;

export const RECIPES: SnippetRecipe[] = [
  {
    schemeId: 'dcisionai',
    label: 'DcisionAI',
    signatureHeader: 'X-DcisionAI-Signature',
    signature: { kind: 'plain', prefix: '' },
    timestampHeader: 'X-DcisionAI-Timestamp',
    idHeader: null,
    prefix: ['timestamp', { literal: '.' }],
    algorithm: 'sha256',
    encoding: 'hex',
    key: 'text',
    tolerance: { seconds: FIVE_MINUTES, direction: 'both' },
  },
  {
    schemeId: 'standard-webhooks',
    label: 'Standard Webhooks',
    signatureHeader: 'webhook-signature',
    signature: { kind: 'versioned-list', version: 'v1' },
    timestampHeader: 'webhook-timestamp',
    idHeader: 'webhook-id',
    prefix: ['id', { literal: '.' }, 'timestamp', { literal: '.' }],
    algorithm: 'sha256',
    encoding: 'base64',
    key: 'whsec',
    tolerance: { seconds: FIVE_MINUTES, direction: 'both' },
  },
  {
    schemeId: 'svix',
    label: 'Svix',
    signatureHeader: 'svix-signature',
    signature: { kind: 'versioned-list', version: 'v1' },
    timestampHeader: 'svix-timestamp',
    idHeader: 'svix-id',
    prefix: ['id', { literal: '.' }, 'timestamp', { literal: '.' }],
    algorithm: 'sha256',
    encoding: 'base64',
    key: 'whsec',
    tolerance: { seconds: FIVE_MINUTES, direction: 'both' },
  },
  {
    schemeId: 'stripe',
    label: 'Stripe',
    signatureHeader: 'Stripe-Signature',
    signature: { kind: 'keyed', separator: ',', timestampKey: 't', signatureKey: 'v1' },
    timestampHeader: null,
    idHeader: null,
    prefix: ['timestamp', { literal: '.' }],
    algorithm: 'sha256',
    encoding: 'hex',
    key: 'text',
    tolerance: { seconds: FIVE_MINUTES, direction: 'past-only' },
  },
  {
    schemeId: 'github',
    label: 'GitHub',
    signatureHeader: 'X-Hub-Signature-256',
    signature: { kind: 'plain', prefix: 'sha256=' },
    timestampHeader: null,
    idHeader: null,
    prefix: [],
    algorithm: 'sha256',
    encoding: 'hex',
    key: 'text',
    tolerance: null,
  },
  {
    schemeId: 'slack',
    label: 'Slack',
    signatureHeader: 'X-Slack-Signature',
    signature: { kind: 'plain', prefix: 'v0=' },
    timestampHeader: 'X-Slack-Request-Timestamp',
    idHeader: null,
    prefix: [{ literal: 'v0:' }, 'timestamp', { literal: ':' }],
    algorithm: 'sha256',
    encoding: 'hex',
    key: 'text',
    tolerance: { seconds: FIVE_MINUTES, direction: 'both' },
  },
  {
    schemeId: 'shopify',
    label: 'Shopify',
    signatureHeader: 'X-Shopify-Hmac-Sha256',
    signature: { kind: 'plain', prefix: '' },
    timestampHeader: null,
    idHeader: null,
    prefix: [],
    algorithm: 'sha256',
    encoding: 'base64',
    key: 'text',
    tolerance: null,
  },
];

export const usesTimestamp = (recipe: SnippetRecipe) => recipe.tolerance !== null;

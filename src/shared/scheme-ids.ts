/**
 * The ids of the built-in signature schemes, one per line so parallel additions merge cleanly.
 * The engine's registry must hold exactly these (a compile error names the missing or extra one),
 * so a misspelled id anywhere in the code fails to compile.
 */
export const SCHEME_IDS = [
  'dcisionai',
  'standard-webhooks',
  'svix',
  'stripe',
  'github',
  'slack',
  'shopify',
  'twilio',
  'paddle',
  'linear',
  'twitch',
  'zoom',
  'meta',
  'x',
  'dropbox',
  'asana',
  'discord',
  'sendgrid',
  'lemonsqueezy',
  'circleci',
  'docusign',
  'hookdeck',
  'launchdarkly',
  'clickup',
  'notion',
  'trello',
  'segment',
  'clerk',
  'resend',
  'replicate',
  'brex',
  'openai',
  'box',
  'airtable',
  'pusher',
  'microsoft-teams',
  'tiktok',
  'coinbase-commerce',
  'sonatype-nexus',
  'aftership',
  'worldline',
  'castle',
  'autodesk',
  'square',
  'hubspot',
  'gitlab',
  'intercom',
  'mailgun',
  'typeform',
  'woocommerce',
  'zendesk',
  'calendly',
  'mux',
  'sentry',
  'vercel',
  'bitbucket',
  'pagerduty',
  'heroku',
  'terraform',
  'xero',
  'webex',
  'buildkite',
  'frameio',
  'workos',
  'chargify',
] as const;

export type SchemeId = (typeof SCHEME_IDS)[number];

/** The user-defined HMAC scheme, built per request from its configuration. */
export const CUSTOM_SCHEME_ID = 'custom';

/** What an endpoint or a request may name: a built-in scheme or `custom`. */
export type SchemeSetting = SchemeId | typeof CUSTOM_SCHEME_ID;

const KNOWN = new Set<string>(SCHEME_IDS);
export const isSchemeId = (value: string): value is SchemeId => KNOWN.has(value);

/** Where a provider sits in the scheme picker. */
export const SCHEME_CATEGORIES = [
  'Standards',
  'Payments & billing',
  'Commerce',
  'Developer tools',
  'Communication',
  'Productivity',
  'Marketing & CRM',
  'Infrastructure',
  'Custom',
] as const;

export type SchemeCategory = (typeof SCHEME_CATEGORIES)[number];

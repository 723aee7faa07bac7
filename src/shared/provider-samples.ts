/**
 * Realistic sample events of the providers Hookscope verifies: what their senders put on the
 * wire (method, content type, body, the extra headers that name the event), minus the signature,
 * which the sender adds with the provider's scheme. Plain data, free of any UI or engine code:
 * `hookscope trigger stripe:payment_intent.succeeded` sends them, and Compose can offer them.
 * Ids and timestamps are fixed examples; `sampleHeaders` gives each send a fresh delivery id.
 */
import type { SchemeId } from './scheme-ids';
import type { HeaderPairs, MutableHeaderPair } from './http-headers';

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

const json = (value: unknown): string => JSON.stringify(value);

const STRIPE_HEADERS: HeaderPairs = [['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)']];
const stripeEvent = (type: string, object: Record<string, unknown>) =>
  json({
    id: 'evt_3PqLr2Kb8sYfGh1Z0xV4nT9a',
    object: 'event',
    api_version: '2024-06-20',
    created: 1717171717,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: 'req_Hk7fQw2LmN3pZx', idempotency_key: '6b1f3c2e-8d4a-4f7b-9c1e-2a5d7e9f0b13' },
    type,
  });

const GITHUB_REPOSITORY = {
  id: 812345678,
  node_id: 'R_kgDOMGt1Tg',
  name: 'webhook-demo',
  full_name: 'octo-org/webhook-demo',
  private: false,
  owner: { login: 'octo-org', id: 98765432, type: 'Organization' },
  html_url: 'https://github.com/octo-org/webhook-demo',
  default_branch: 'main',
};
const GITHUB_SENDER = { login: 'octocat', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User' };
const githubHeaders = (event: string): HeaderPairs => [
  ['User-Agent', 'GitHub-Hookshot/7a3c1d9'],
  ['X-GitHub-Event', event],
  ['X-GitHub-Delivery', '5f2c8e60-2a1b-11ef-9a3e-6c1f0d2b4e7a'],
  ['X-GitHub-Hook-ID', '483920117'],
  ['X-GitHub-Hook-Installation-Target-ID', '812345678'],
  ['X-GitHub-Hook-Installation-Target-Type', 'repository'],
];

const SLACK_HEADERS: HeaderPairs = [['User-Agent', 'Slackbot 1.0 (+https://api.slack.com/robots)']];
const DISCORD_HEADERS: HeaderPairs = [['User-Agent', 'Discord-Interactions/1.0 (+https://discord.com)']];

export const PROVIDER_SAMPLES: readonly ProviderSample[] = [
  {
    provider: 'stripe',
    label: 'Stripe',
    scheme: 'stripe',
    event: 'payment_intent.succeeded',
    description: 'A PaymentIntent was paid.',
    method: 'POST',
    contentType: 'application/json; charset=utf-8',
    headers: STRIPE_HEADERS,
    body: stripeEvent('payment_intent.succeeded', {
      id: 'pi_3PqLr2Kb8sYfGh1Z0a1B2c3D',
      object: 'payment_intent',
      amount: 2000,
      amount_received: 2000,
      currency: 'usd',
      customer: 'cus_QhX8a2Lk9mB3nV',
      description: 'Order #1042',
      latest_charge: 'ch_3PqLr2Kb8sYfGh1Z0e4F5g6H',
      metadata: { order_id: '1042' },
      payment_method: 'pm_1PqLr1Kb8sYfGh1ZkL0mN2pQ',
      payment_method_types: ['card'],
      status: 'succeeded',
      created: 1717171700,
      livemode: false,
    }),
  },
  {
    provider: 'stripe',
    label: 'Stripe',
    scheme: 'stripe',
    event: 'checkout.session.completed',
    description: 'A Checkout Session was completed.',
    method: 'POST',
    contentType: 'application/json; charset=utf-8',
    headers: STRIPE_HEADERS,
    body: stripeEvent('checkout.session.completed', {
      id: 'cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuV',
      object: 'checkout.session',
      amount_subtotal: 4900,
      amount_total: 4900,
      currency: 'usd',
      customer: 'cus_QhX8a2Lk9mB3nV',
      customer_details: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen' },
      mode: 'subscription',
      payment_status: 'paid',
      status: 'complete',
      subscription: 'sub_1PqLs0Kb8sYfGh1ZaBcDeFgH',
      success_url: 'https://example.com/success',
      livemode: false,
    }),
  },
  {
    provider: 'stripe',
    label: 'Stripe',
    scheme: 'stripe',
    event: 'customer.subscription.created',
    description: 'A customer started a subscription.',
    method: 'POST',
    contentType: 'application/json; charset=utf-8',
    headers: STRIPE_HEADERS,
    body: stripeEvent('customer.subscription.created', {
      id: 'sub_1PqLs0Kb8sYfGh1ZaBcDeFgH',
      object: 'subscription',
      customer: 'cus_QhX8a2Lk9mB3nV',
      status: 'active',
      currency: 'usd',
      current_period_start: 1717171717,
      current_period_end: 1719763717,
      cancel_at_period_end: false,
      items: {
        object: 'list',
        data: [
          {
            id: 'si_QhX9bCdEfGhIjK',
            price: { id: 'price_1PqKzzKb8sYfGh1Z', unit_amount: 4900, currency: 'usd', recurring: { interval: 'month' } },
            quantity: 1,
          },
        ],
      },
      livemode: false,
    }),
  },
  {
    provider: 'github',
    label: 'GitHub',
    scheme: 'github',
    event: 'push',
    description: 'Commits were pushed to a branch.',
    method: 'POST',
    contentType: 'application/json',
    headers: githubHeaders('push'),
    deliveryIdHeader: 'X-GitHub-Delivery',
    body: json({
      ref: 'refs/heads/main',
      before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      after: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      created: false,
      deleted: false,
      forced: false,
      compare: 'https://github.com/octo-org/webhook-demo/compare/6113728f27ae...0d1a26e67d8f',
      commits: [
        {
          id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
          message: 'Verify webhook signatures',
          timestamp: '2024-06-12T10:15:42+02:00',
          author: { name: 'Mona Lisa', email: 'mona@example.com', username: 'octocat' },
          added: [],
          removed: [],
          modified: ['src/webhooks.ts'],
        },
      ],
      head_commit: {
        id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
        message: 'Verify webhook signatures',
        timestamp: '2024-06-12T10:15:42+02:00',
      },
      repository: GITHUB_REPOSITORY,
      pusher: { name: 'octocat', email: 'mona@example.com' },
      sender: GITHUB_SENDER,
    }),
  },
  {
    provider: 'github',
    label: 'GitHub',
    scheme: 'github',
    event: 'pull_request.opened',
    description: 'A pull request was opened.',
    method: 'POST',
    contentType: 'application/json',
    headers: githubHeaders('pull_request'),
    deliveryIdHeader: 'X-GitHub-Delivery',
    body: json({
      action: 'opened',
      number: 42,
      pull_request: {
        id: 1923456789,
        number: 42,
        state: 'open',
        title: 'Check signatures before parsing',
        user: GITHUB_SENDER,
        body: 'Verifies the raw body before JSON.parse.',
        html_url: 'https://github.com/octo-org/webhook-demo/pull/42',
        draft: false,
        merged: false,
        head: { ref: 'verify-raw-body', sha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c' },
        base: { ref: 'main', sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246' },
        created_at: '2024-06-12T08:16:01Z',
        updated_at: '2024-06-12T08:16:01Z',
      },
      repository: GITHUB_REPOSITORY,
      sender: GITHUB_SENDER,
    }),
  },
  {
    provider: 'github',
    label: 'GitHub',
    scheme: 'github',
    event: 'ping',
    description: 'The webhook was just created.',
    method: 'POST',
    contentType: 'application/json',
    headers: githubHeaders('ping'),
    deliveryIdHeader: 'X-GitHub-Delivery',
    body: json({
      zen: 'Design for failure.',
      hook_id: 483920117,
      hook: {
        type: 'Repository',
        id: 483920117,
        name: 'web',
        active: true,
        events: ['push', 'pull_request'],
        config: { content_type: 'json', insecure_ssl: '0', url: 'https://example.com/webhooks/github' },
      },
      repository: GITHUB_REPOSITORY,
      sender: GITHUB_SENDER,
    }),
  },
  {
    provider: 'shopify',
    label: 'Shopify',
    scheme: 'shopify',
    event: 'orders/create',
    description: 'An order was placed.',
    method: 'POST',
    contentType: 'application/json',
    deliveryIdHeader: 'X-Shopify-Webhook-Id',
    headers: [
      ['User-Agent', 'Shopify-Captain-Hook'],
      ['X-Shopify-Topic', 'orders/create'],
      ['X-Shopify-Shop-Domain', 'demo-shop.myshopify.com'],
      ['X-Shopify-API-Version', '2024-04'],
      ['X-Shopify-Webhook-Id', 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'],
      ['X-Shopify-Triggered-At', '2024-06-12T08:20:11.000Z'],
      ['X-Shopify-Event-Id', '98880550-7158-44d4-b7cd-2c97c8a091b5'],
    ],
    body: json({
      id: 5678901234567,
      admin_graphql_api_id: 'gid://shopify/Order/5678901234567',
      name: '#1042',
      order_number: 1042,
      email: 'jenny.rosen@example.com',
      created_at: '2024-06-12T10:20:09+02:00',
      currency: 'EUR',
      financial_status: 'paid',
      fulfillment_status: null,
      subtotal_price: '39.00',
      total_tax: '7.41',
      total_price: '46.41',
      line_items: [
        { id: 13579246801357, title: 'Webhook T-shirt', quantity: 1, price: '39.00', sku: 'WH-TS-01', variant_id: 44556677889900 },
      ],
      customer: { id: 7654321098765, email: 'jenny.rosen@example.com', first_name: 'Jenny', last_name: 'Rosen' },
    }),
  },
  {
    provider: 'slack',
    label: 'Slack',
    scheme: 'slack',
    event: 'app_mention',
    description: 'An Events API callback: the app was mentioned.',
    method: 'POST',
    contentType: 'application/json',
    headers: SLACK_HEADERS,
    body: json({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      team_id: 'T061EG9R6',
      api_app_id: 'A0PNCHHK2',
      type: 'event_callback',
      event_id: 'Ev0PV52K25',
      event_time: 1717171717,
      event: {
        type: 'app_mention',
        user: 'U061F7AUR',
        text: '<@U0LAN0Z89> is the webhook verified?',
        ts: '1717171717.000200',
        channel: 'C0LAE2HKL',
        event_ts: '1717171717.000200',
      },
      authorizations: [{ team_id: 'T061EG9R6', user_id: 'U0LAN0Z89', is_bot: true }],
    }),
  },
  {
    provider: 'slack',
    label: 'Slack',
    scheme: 'slack',
    event: 'url_verification',
    description: 'Slack checks the Request URL when it is saved.',
    method: 'POST',
    contentType: 'application/json',
    headers: SLACK_HEADERS,
    body: json({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    }),
  },
  {
    provider: 'discord',
    label: 'Discord',
    scheme: 'discord',
    event: 'PING',
    description: 'Discord checks the Interactions Endpoint URL (type 1); answer {"type":1}.',
    method: 'POST',
    contentType: 'application/json',
    headers: DISCORD_HEADERS,
    body: json({
      id: '1250366114402025472',
      application_id: '1249857362829172817',
      type: 1,
      token: 'aW50ZXJhY3Rpb246MTI1MDM2NjExNDQwMjAyNTQ3Mg',
      version: 1,
    }),
  },
  {
    provider: 'discord',
    label: 'Discord',
    scheme: 'discord',
    event: 'APPLICATION_COMMAND',
    description: 'A user ran a slash command (type 2).',
    method: 'POST',
    contentType: 'application/json',
    headers: DISCORD_HEADERS,
    body: json({
      id: '1250366987654321098',
      application_id: '1249857362829172817',
      type: 2,
      token: 'aW50ZXJhY3Rpb246MTI1MDM2Njk4NzY1NDMyMTA5OA',
      version: 1,
      guild_id: '1101234567890123456',
      channel_id: '1101234567890123999',
      locale: 'en-US',
      member: { user: { id: '80351110224678912', username: 'nelly', global_name: 'Nelly' }, roles: [], permissions: '2147483647' },
      data: { id: '1249860012345678901', name: 'status', type: 1, options: [{ name: 'service', type: 3, value: 'webhooks' }] },
    }),
  },
  {
    provider: 'twilio',
    label: 'Twilio',
    scheme: 'twilio',
    event: 'incoming-sms',
    description: 'An SMS arrived at a Twilio number (a form post; the signature covers the URL).',
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    deliveryIdHeader: 'I-Twilio-Idempotency-Token',
    headers: [
      ['User-Agent', 'TwilioProxy/1.1'],
      ['I-Twilio-Idempotency-Token', 'f4b1c7a2-9e3d-4c8b-a5f6-2d7e8b9c0a1f'],
    ],
    body: new URLSearchParams({
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      NumMedia: '0',
      ToCity: 'SAN FRANCISCO',
      FromZip: '94105',
      SmsSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      FromState: 'CA',
      SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO',
      Body: 'Is my webhook up?',
      FromCountry: 'US',
      To: '+15017122661',
      ToZip: '94105',
      NumSegments: '1',
      MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
      AccountSid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      From: '+15558675310',
      ApiVersion: '2010-04-01',
    }).toString(),
  },
  {
    provider: 'standard-webhooks',
    label: 'Standard Webhooks',
    scheme: 'standard-webhooks',
    event: 'invoice.paid',
    description: 'A generic Standard Webhooks event ({type, timestamp, data}).',
    method: 'POST',
    contentType: 'application/json',
    headers: [],
    body: json({
      type: 'invoice.paid',
      timestamp: '2024-06-12T08:30:00.000Z',
      data: {
        id: 'inv_2hR8kL0pQ3',
        customer_id: 'cust_7Xb2Mn4Vz9',
        amount_paid: 12900,
        currency: 'EUR',
        paid_at: '2024-06-12T08:29:58.000Z',
      },
    }),
  },
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

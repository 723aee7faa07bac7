/** Stripe: payment, checkout and subscription events. */
import type { HeaderPairs } from '../http-headers';
import { json, type ProviderSample } from './sample';

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

export const STRIPE_SAMPLES: readonly ProviderSample[] = [
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
];

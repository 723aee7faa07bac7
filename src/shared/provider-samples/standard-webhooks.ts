/** Standard Webhooks: a generic {type, timestamp, data} event. */
import { json, type ProviderSample } from './sample';

export const STANDARD_WEBHOOKS_SAMPLES: readonly ProviderSample[] = [
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

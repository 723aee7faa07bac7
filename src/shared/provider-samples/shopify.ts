/** Shopify: store events, named by X-Shopify-Topic. */
import { json, type ProviderSample } from './sample';

export const SHOPIFY_SAMPLES: readonly ProviderSample[] = [
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
];

import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Coinbase Commerce (https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security, the
 * path's spelling is Coinbase's): `X-CC-Webhook-Signature` = "the SHA256 HMAC signature of the raw
 * request payload, computed using your webhook shared secret as the key", hex as in Coinbase's
 * reference implementations (coinbase-commerce-node `Webhook.verifySigHeader`:
 * `createHmac('sha256', secret).update(payload).digest('hex')`). No timestamp. The event is nested:
 * `{"event": {"type": "charge:confirmed", ...}}`. No vector is published; the tests compute one.
 */
export const coinbaseCommerceScheme = defineHmacScheme({
  id: 'coinbase-commerce',
  label: 'Coinbase Commerce (X-CC-Webhook-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-CC-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 hex HMAC-SHA256>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event.type'),
});

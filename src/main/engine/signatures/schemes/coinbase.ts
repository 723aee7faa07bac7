import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';

/**
 * Coinbase Commerce (https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security):
 * `X-CC-Webhook-Signature` = hex HMAC-SHA256(the shared webhook secret, raw body). No timestamp
 * is signed. The body's `event.type` names the event (`charge:confirmed`).
 */
export const coinbaseScheme = defineHmacScheme({
  id: 'coinbase',
  label: 'Coinbase Commerce (X-CC-Webhook-Signature)',
  category: 'Payments & billing',
  docsUrl: 'https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: 'X-CC-Webhook-Signature',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<64 lowercase hex>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('event.type'),
});

import { BODY } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';
import { decodeWhsecSecret } from './standard-webhooks';

/**
 * Microsoft Teams outgoing webhooks
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook):
 * `Authorization: HMAC <base64>`, HMAC-SHA256 of the UTF-8 body keyed with the base64-DECODED
 * security token Teams shows once when the webhook is created (OfficeDev's samples:
 * `Buffer(sharedSecret, "base64")`, msteams-samples-outgoing-webhook-nodejs app.js). No timestamp.
 * The body is a Bot Framework activity; its `type` (`message`) names the event.
 */
export const microsoftTeamsScheme = defineHmacScheme({
  id: 'microsoft-teams',
  label: 'Microsoft Teams outgoing webhook (Authorization: HMAC)',
  category: 'Communication',
  docsUrl: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook',
  algorithm: 'sha256',
  encoding: 'base64',
  signatureHeader: 'Authorization',
  signature: { kind: 'plain', prefix: 'HMAC ' },
  signatureFormat: 'HMAC <base64>',
  timestamp: null,
  idHeader: null,
  template: [BODY],
  // The security token is base64 without a prefix; the whsec_ decoding takes it as is.
  secretFormat: 'base64',
  keyOf: decodeWhsecSecret,
  order: 'signature-first',
  eventType: bodyField('type'),
});

import { BODY, URL_PART, type ContentFields } from '../content';
import { bodyField } from '../event-sources';
import { defineHmacScheme } from '../hmac-scheme';
import { publicUrl } from './twilio';

/**
 * Trello's docs say the signed payload is handled as a Node "binary" string, not UTF-8: every
 * UTF-16 unit of body + callback URL is cut to its low 8 bits (an en dash U+2013 becomes 0x13).
 * Latin-1 encoding of the decoded text is exactly that cut.
 */
function binaryString(fields: ContentFields): Buffer {
  return Buffer.from(fields.body.toString('utf8') + (fields.url ?? ''), 'latin1');
}

/** The callback URL as registered often differs from the one received by a slash or the scheme. */
function urlVariants(fields: ContentFields): Array<{ message: string; content: Buffer }> {
  const url = fields.url ?? '';
  const [path = '', query] = url.split('?', 2) as [string, string | undefined];
  const toggled = `${path.endsWith('/') ? path.slice(0, -1) : `${path}/`}${query === undefined ? '' : `?${query}`}`;
  const swapped = url.startsWith('https:') ? `http:${url.slice(6)}` : url.startsWith('http:') ? `https:${url.slice(5)}` : null;
  return [toggled, swapped]
    .filter((variant): variant is string => variant !== null)
    .map((variant) => ({
      message: `Trello signed the callback URL ${variant}, not ${url}: verify against the callbackURL exactly as it was registered with the webhook.`,
      content: Buffer.concat([fields.body, Buffer.from(variant, 'utf8')]),
    }));
}

/**
 * Trello (https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures):
 * `X-Trello-Webhook` = base64 HMAC-SHA1 over the full request body followed by the callbackURL
 * "exactly as it was provided during webhook creation", keyed with the application's OAuth secret
 * (text). The URL is rebuilt as for Twilio (forwarding headers behind a tunnel; a URL typed by the
 * user is used as is). The same docs warn that the payload is hashed as a "binary" string (see
 * binaryString); whether Trello still does so for non-ASCII bodies could not be confirmed, so both
 * the UTF-8 and the binary forms are accepted and signing uses UTF-8 (identical for ASCII bodies).
 * No timestamp; the HEAD request Trello sends to check the callback URL is not signed. The event
 * is the body's `action.type` (`updateCard`). No vector is published; the tests compute one.
 */
export const trelloScheme = defineHmacScheme({
  id: 'trello',
  label: 'Trello (X-Trello-Webhook)',
  category: 'Productivity',
  docsUrl: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/',
  algorithm: 'sha1',
  encoding: 'base64',
  signatureHeader: 'X-Trello-Webhook',
  signature: { kind: 'plain', prefix: '' },
  signatureFormat: '<base64 HMAC-SHA1>',
  timestamp: null,
  idHeader: null,
  template: [BODY, URL_PART],
  secretFormat: 'text',
  order: 'signature-first',
  eventType: bodyField('action.type'),
  readUrl: publicUrl,
  alternativeContents: (fields) => [binaryString(fields)],
  contentVariants: urlVariants,
});

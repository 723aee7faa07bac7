import { createHmac } from 'node:crypto';
import { BODY, literal, TIMESTAMP } from '../content';
import { defineHmacScheme } from '../hmac-scheme';
import { jsonAnswer, jsonBodyWith, refusal, type Handshake } from '../handshake';

const SIGNATURE_HEADER = 'x-zm-signature';
const TIMESTAMP_HEADER = 'x-zm-request-timestamp';

/**
 * Zoom's URL validation (https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint):
 * a POST whose `event` is `endpoint.url_validation` carries `payload.plainToken`; the endpoint
 * answers 200 with JSON `{"plainToken": <it>, "encryptedToken": hex HMAC-SHA256(secret token, plainToken)}`
 * within 3 s. Zoom repeats it every 72 hours. The request is signed like any event, and it is
 * answered only when it verifies (as Zoom's sample does, github.com/zoom/webhook-sample index.js):
 * the answer is an HMAC of a caller-chosen text with the secret token, so answering unsigned
 * requests would sign any forged event for whoever asks.
 */
const urlValidation: Handshake = {
  name: 'Zoom endpoint.url_validation',
  matches: (request) =>
    request.method === 'POST' && jsonBodyWith(request.body, 'endpoint.url_validation')?.event === 'endpoint.url_validation',
  answer(request, { secret, verified }) {
    if (!verified) return refusal(401, "The validation request does not verify with this endpoint's secret token: nothing was signed.");
    const payload = jsonBodyWith(request.body, 'plainToken')?.payload as { plainToken?: unknown } | undefined;
    if (typeof payload?.plainToken !== 'string') return null;
    const encryptedToken = createHmac('sha256', secret).update(payload.plainToken).digest('hex');
    return jsonAnswer({ plainToken: payload.plainToken, encryptedToken });
  },
};

/**
 * Zoom (https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events): `x-zm-signature:
 * v0=<hex>` = HMAC-SHA256(secret token, `v0:${x-zm-request-timestamp}:${body}`), the timestamp in
 * unix seconds. Zoom's docs publish no tolerance and their sample checks none: the endpoint's
 * tolerance applies both ways (a replay or a skewed clock), which is Hookscope's choice, not Zoom's.
 * The event type is the body's `event` (e.g. `meeting.started`).
 */
export const zoomScheme = defineHmacScheme({
  id: 'zoom',
  label: 'Zoom (x-zm-signature)',
  category: 'Communication',
  docsUrl: 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events',
  algorithm: 'sha256',
  encoding: 'hex',
  signatureHeader: SIGNATURE_HEADER,
  signature: { kind: 'plain', prefix: 'v0=' },
  signatureFormat: 'v0=<64 lowercase hex>',
  timestamp: { source: 'header', name: TIMESTAMP_HEADER, unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [literal('v0:'), TIMESTAMP, literal(':'), BODY],
  secretFormat: 'text',
  order: 'signature-first',
  handshake: urlValidation,
});

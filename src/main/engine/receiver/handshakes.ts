/**
 * The receiver's side of handshakes: a request matching the endpoint's scheme's handshake (or
 * CloudEvents' validation, whatever the scheme) is answered as the provider expects, when the
 * endpoint's `answer_handshakes` switch is on. The capture records the answer and the handshake.
 */
import type { CapturedResponse, Endpoint } from '../../../shared/api';
import { getScheme } from '../signatures/registry';
import { findHeader } from '../signatures/headers';
import type { Handshake, HandshakeRequest } from '../signatures/handshake';

export interface AnsweredHandshake {
  name: string;
  response: CapturedResponse;
}

/**
 * CloudEvents' webhook validation (HTTP 1.1 Web Hooks for Event Delivery, section 4:
 * https://github.com/cloudevents/spec/blob/main/cloudevents/http-webhook.md#4-abuse-protection),
 * as Azure Event Grid sends it: `OPTIONS` with `WebHook-Request-Origin`. Permission is granted in
 * the answer (4.2): the origin is echoed in `WebHook-Allowed-Origin`, and `WebHook-Allowed-Rate`
 * is `*` (no limit) whether a rate was asked or not (4.2.2: MUST when asked, SHOULD otherwise),
 * because the receiver never throttles: granting only the asked rate would promise a 429 that
 * never comes. `Allow: POST` as 4.2 recommends. A `WebHook-Request-Callback` is not visited: the
 * synchronous answer already grants permission, and the capture shows the callback URL.
 */
export const cloudEventsHandshake: Handshake = {
  name: 'CloudEvents webhook validation',
  matches: (request) => request.method === 'OPTIONS' && findHeader(request.headers, 'webhook-request-origin') !== null,
  answer: (request) => ({
    status: 200,
    headers: {
      allow: 'POST',
      'webhook-allowed-origin': findHeader(request.headers, 'webhook-request-origin') ?? '*',
      'webhook-allowed-rate': '*',
    },
    body: '',
  }),
};

/**
 * The handshake answer for this request, or null when it is not one (or the endpoint's switch is
 * off, or the handshake declines, e.g. an unverified Discord PING). `verified` is the request's
 * verification verdict, computed before (Discord answers only a verified PING).
 */
export function answerHandshake(endpoint: Endpoint | null, request: HandshakeRequest, verified: boolean): AnsweredHandshake | null {
  if (endpoint === null || !endpoint.answer_handshakes) return null;
  const handshake = cloudEventsHandshake.matches(request) ? cloudEventsHandshake : (getScheme(endpoint.scheme)?.handshake ?? null);
  if (handshake === null || !handshake.matches(request)) return null;
  const answer = handshake.answer(request, { secret: endpoint.secret, verifyToken: endpoint.verify_token, verified });
  return answer === null ? null : { name: handshake.name, response: { status: answer.status, headers: answer.headers, body: answer.body } };
}

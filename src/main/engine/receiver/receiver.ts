import { type IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { CapturedResponse, Endpoint } from '../../../shared/api';
import type { NewCapture } from '../store/capture';
import { verifyMessage } from '../signatures/verify';
import { endpointVerificationSettings } from '../services/endpoint-verification';
import { matchEndpoint } from '../../../shared/endpoint-match';
import { readRawBody, type RawBody } from './raw-body';
import { captureUrl, forwardedInfo, pairRawHeaders, splitTarget, withoutControlToken } from './capture-metadata';
import { eventTypeOf } from './event-type';
import { findHeader } from '../signatures/headers';
import { deliveryIdOf } from './delivery-id';
import { answerHandshake } from './handshakes';
import { forwardCapture, forwardUrl, type ForwardedCapture } from '../outbound/forward';
import { signedUrlOf } from '../tunnels/public-url';
import type { SelfCheckMark } from '../tunnels/self-check-mark';
import type { Logger } from '../logging/engine-log';
import { logErrors } from '../logging/request-log';

export interface ReceiverDeps {
  bodyLimitBytes: number;
  /** Current endpoints, longest path first. Called per request, so it must be cheap. */
  endpoints: () => readonly Endpoint[];
  /** Resolves once the capture is committed; only then does the sender get its answer. */
  commit: (capture: NewCapture) => Promise<number>;
  /** The control API's token: taken out of any header a sender puts it in. */
  controlToken: string;
  /** The HTTP parser answered a stored capture's connection instead of the endpoint: record it. */
  parserAnswered: (id: number, response: CapturedResponse) => void;
  /** The engine's own requests through a tunnel (listener self-check): answered, never captured. */
  selfCheck?: SelfCheckMark;
  /** The engine's log (`warn` and up unless asked for more); nothing is logged without it. */
  log?: Logger;
  /** Whether a request of this event type is forwarded (`hookscope listen --events`); absent: all are. */
  forwards?: (event: string | null) => boolean;
}

/**
 * The answer Node's HTTP parser gives a request it cannot read (as Fastify's default handler
 * would), written by hand so the capture can record it: it is what went on the wire.
 */
function parserAnswer(error: { code?: string }): CapturedResponse {
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify({ error: STATUS_CODES[status], code: error.code ?? null });
  return { status, headers: { 'content-type': 'application/json', connection: 'close' }, body };
}

const SIGNATURE_REASONS = new Set(['missing_header', 'malformed_header', 'signature_mismatch']);

/** The answer an endpoint gives: the guide's 401 bodies when enforcing, else the configured one. */
function chooseResponse(
  endpoint: Endpoint | null,
  capture: Pick<NewCapture, 'verification' | 'truncated'>,
  limit: number,
): CapturedResponse {
  if (capture.truncated) {
    return {
      status: 413,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'Payload too large', limit_bytes: limit }),
    };
  }
  if (endpoint?.enforce && capture.verification.verdict === 'invalid') {
    const error = SIGNATURE_REASONS.has(capture.verification.reason) ? 'Invalid signature' : 'Invalid timestamp';
    return { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error }) };
  }
  const configured = endpoint?.response;
  return {
    status: configured?.status ?? 200,
    headers: configured?.headers ?? { 'content-type': 'application/json' },
    body: configured?.body ?? '{"received": true}',
  };
}

/**
 * A 413 or an enforced 401 is the endpoint's own answer: such requests are not forwarded. Nor is
 * an upload cut short: the target would get a body its sender never finished.
 */
function notForwarded(endpoint: Endpoint, capture: Pick<NewCapture, 'verification' | 'truncated' | 'aborted'>): boolean {
  return capture.truncated || capture.aborted === true || (endpoint.enforce && capture.verification.verdict === 'invalid');
}

/**
 * Writes the endpoint's answer straight to the socket. An explicit writeHead leaves the framing to
 * us (without a length Node would answer chunked); a configured Content-Length or
 * Transfer-Encoding is the user's choice and is kept. 204 and 304 carry neither a body nor a length.
 */
function writeResponse(res: ServerResponse, response: CapturedResponse): void {
  if (response.status === 204 || response.status === 304) {
    res.writeHead(response.status, response.headers);
    res.end();
    return;
  }
  let framed = false;
  for (const name in response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding') framed = true;
  }
  res.writeHead(
    response.status,
    framed ? response.headers : { ...response.headers, 'content-length': String(Buffer.byteLength(response.body)) },
  );
  res.end(response.body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the receiver without listening. Every request, whatever its method, path or
 * Content-Type, is captured in an onRequest hook that reads the raw stream itself: Fastify's
 * body parsing would reject unknown media types (415) and skip bodies of GET requests, and
 * a capture tool must record exactly those oddities.
 */
export function buildReceiver(deps: ReceiverDeps): FastifyInstance {
  const perRequestLog = deps.log?.isLevelEnabled('debug') === true;
  const app = Fastify({
    // Fastify's logger costs every request (a child logger, response listeners) even when it
    // writes nothing: it is wired only when per-request lines are asked for (debug). Otherwise the
    // error handler below logs what fails.
    ...(perRequestLog ? { loggerInstance: deps.log as FastifyBaseLogger } : { logger: false }),
    bodyLimit: deps.bodyLimitBytes,
    // Senders and tunnels keep connections alive (65 s outlasts common proxy idle timeouts), and
    // a request must arrive whole within 5 minutes, time enough for 25 MB over a slow tunnel,
    // so a stalled upload cannot hold its socket forever.
    connectionTimeout: 0,
    keepAliveTimeout: 65_000,
    requestTimeout: 300_000,
    return503OnClosing: true,
    clientErrorHandler: (error, socket) => {
      const code = (error as { code?: string }).code;
      // A reset connection has nobody left to answer.
      if (code === 'ECONNRESET' || socket.destroyed) return;
      // The sender closed its side mid-body: it sends no more and usually reads no more either;
      // the capture is an aborted upload that got no answer, as documented.
      if (code !== 'HPE_INVALID_EOF_STATE' && socket.writable) {
        const answer = parserAnswer(error as { code?: string });
        socket.write(
          `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(answer.body)}\r\nconnection: close\r\n\r\n${answer.body}`,
        );
        parserAnswers.set(socket, answer);
      }
      socket.destroy();
    },
  });
  if (deps.log && !perRequestLog) logErrors(app, deps.log);
  /** What the parser answered on a connection, for the capture of the request it was reading. */
  const parserAnswers = new WeakMap<object, CapturedResponse>();

  /**
   * Captures one request and answers it. `raw` is the request; `out` is where the answer goes
   * (`hijack` takes it away from Fastify); `readBody` reads the body (CONNECT has none).
   */
  async function capture(
    raw: IncomingMessage,
    out: { res: ServerResponse; hijack: () => void },
    readBody: () => Promise<RawBody>,
  ): Promise<void> {
    const startedAt = performance.now();
    const receivedAt = Date.now();
    const headers = withoutControlToken(pairRawHeaders(raw.rawHeaders), deps.controlToken);
    const target = raw.url ?? '/';
    const { path, query } = splitTarget(target);
    // Read before the body: once a sender aborts, its socket is destroyed and no longer knows them.
    const remoteAddress = raw.socket.remoteAddress ?? null;
    const remotePort = raw.socket.remotePort ?? null;
    const body = await readBody();
    // Matched once the body is in, so an endpoint change made while it uploaded applies to it.
    const endpoint = matchEndpoint(deps.endpoints(), path);
    const contentType = findHeader(headers, 'content-type');
    const host = findHeader(headers, 'host') ?? 'localhost';
    const url = captureUrl(host, target);
    const verification = verifyMessage(
      { headers, body: body.body, ...signedUrlOf(headers, url, path, query), method: raw.method ?? 'GET' },
      { ...endpointVerificationSettings(endpoint, deps.endpoints), diagnose: false },
    );
    const partial = { verification, truncated: body.truncated, aborted: body.aborted };
    // A provider's handshake is answered here, before enforcement (Meta's and X's checks are
    // unsigned GETs) and instead of forwarding: the provider waits for this exact answer.
    const handshake =
      body.truncated || body.aborted
        ? null
        : answerHandshake(
            endpoint,
            { method: raw.method ?? 'GET', url: target, query, headers, body: body.body },
            verification.verdict === 'valid',
          );
    // For an aborted upload this is what the endpoint would have answered; nothing is sent.
    let response = handshake?.response ?? chooseResponse(endpoint, partial, deps.bodyLimitBytes);
    let forwarded: ForwardedCapture | null = null;
    // CONNECT asks for a tunnel: Hookscope answers it as the endpoint says and never opens one,
    // nor forwards it.
    const forwardsEvent = () => deps.forwards?.(eventTypeOf(endpoint?.scheme, headers, body.body, contentType)) ?? true;
    if (endpoint?.forward_to && !handshake && raw.method !== 'CONNECT' && !notForwarded(endpoint, partial) && forwardsEvent()) {
      const forwardTarget = forwardUrl(endpoint.forward_to, endpoint.path, path, query);
      forwarded = await forwardCapture(
        { method: raw.method ?? 'GET', headers, body: body.body, url: forwardTarget },
        { maxResponseBytes: deps.bodyLimitBytes, timeoutMs: endpoint.forward_timeout_ms },
      );
      response = forwarded.response;
    }
    // The parser gave up on this request's body (a bad chunk, a half-close) and answered already.
    const answeredEarly = parserAnswers.get(raw.socket);
    if (answeredEarly) response = answeredEarly;
    const id = await deps.commit({
      receivedAt,
      method: raw.method ?? 'GET',
      path,
      query,
      url,
      httpVersion: raw.httpVersion,
      headers,
      contentType,
      body: body.body,
      bodySize: body.size,
      truncated: body.truncated,
      aborted: body.aborted,
      remoteAddress,
      remotePort,
      forwarded: forwardedInfo(headers),
      endpointId: endpoint?.id ?? null,
      event: eventTypeOf(endpoint?.scheme, headers, body.body, contentType),
      verification,
      response,
      timing: { body_ms: round(body.readMs), total_ms: round(performance.now() - startedAt) },
      deliveryId: deliveryIdOf(headers),
      forward: forwarded?.outcome ?? null,
      responseByParser: answeredEarly !== undefined,
      handshake: answeredEarly ? null : (handshake?.name ?? null),
    });
    // Bytes after the announced length can make the parser answer while this capture is being
    // committed (or delayed): the endpoint's answer can then no longer go out, the parser's did.
    const answeredMeanwhile = (): boolean => {
      const late = answeredEarly ? undefined : parserAnswers.get(raw.socket);
      if (late) deps.parserAnswered(id, late);
      return late !== undefined;
    };
    // Written straight to the socket: the sender gets exactly what the capture records (plus the
    // framing, Date and Connection), and the receiver skips Fastify's send pipeline.
    out.hijack();
    // The sender is gone: there is no one to answer, and the socket is already destroyed.
    if (body.aborted || answeredMeanwhile()) return;
    if (forwarded) {
      // The target's headers in their order and case (duplicates too), not Fastify's object.
      out.res.writeHead(forwarded.reply.status, forwarded.reply.headers.flat());
      out.res.end(forwarded.reply.body);
      return;
    }
    // The configured delay simulates a slow receiver; it applies to every answer of the endpoint
    // but a handshake's (Slack and Zoom give up after 3 s, which would defeat the switch).
    const delay = handshake ? 0 : (endpoint?.response.delay_ms ?? 0);
    if (delay > 0) await sleep(delay);
    if (delay > 0 && answeredMeanwhile()) return;
    writeResponse(out.res, response);
  }

  app.addHook('onRequest', async (request, reply) => {
    if (deps.selfCheck?.answer(request.raw, reply.raw)) {
      reply.hijack();
      return reply;
    }
    await capture(request.raw, { res: reply.raw, hijack: () => reply.hijack() }, () =>
      readRawBody(request.raw, deps.bodyLimitBytes, announcedLength(request.raw.headers['content-length'])),
    );
    return reply;
  });
  // Node hands CONNECT to the server's 'connect' event, past Fastify. It is captured like any
  // request (it has no body: what follows the head would be the tunnel's bytes), answered, and the
  // connection is closed after the answer.
  app.server.on('connect', (raw: IncomingMessage, socket: Socket) => {
    const res = new ServerResponse(raw);
    res.shouldKeepAlive = false;
    res.assignSocket(socket);
    res.on('finish', () => socket.end());
    const noBody = (): Promise<RawBody> => Promise.resolve({ body: Buffer.alloc(0), size: 0, truncated: false, aborted: false, readMs: 0 });
    // A capture that could not be stored gets a 500 here too, never a false 2xx.
    capture(raw, { res, hijack: () => {} }, noBody).catch((error: unknown) => {
      deps.log?.error({ err: error, req: raw }, 'CONNECT request not captured');
      if (res.headersSent) socket.destroy();
      else writeResponse(res, { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"capture not stored"}' });
    });
  });
  // Never reached (onRequest answers first) but a route must exist for every method and path.
  app.all('/*', async () => undefined);
  app.setNotFoundHandler(async () => undefined);
  return app;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The Content-Length a request announced, when it is one plain number (Node rejects conflicting ones). */
function announcedLength(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

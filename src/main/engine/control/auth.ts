import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../signatures/hmac';

/** Host header values that name the loopback address and port the control API serves. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? (match[1] as string) : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request is refused as cross-site, or null when it is fine. The token is
 * no cookie a page on another local port could make the browser send along, but a second line
 * costs nothing: browsers say where a request comes from (Origin, Sec-Fetch-Site); scripts send
 * neither.
 */
export function crossSiteReason(headers: FastifyRequest['headers'], port: number): string | null {
  const fetchSite = headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `a ${fetchSite} page may not change anything here`;
  }
  const origin = headers.origin;
  if (typeof origin === 'string' && !allowedHosts(port).has(origin.replace(/^http:\/\//, '').toLowerCase())) {
    return `origin ${origin} is not the Hookscope UI`;
  }
  return null;
}

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

/**
 * Where a credential may not be needed: the UI's own files (HTML, scripts, styles), which hold no
 * secret. Everything under /api/ needs the token.
 */
const isPublicAsset = (method: string, pathname: string): boolean =>
  (method === 'GET' || method === 'HEAD') && !pathname.startsWith('/api/');

/**
 * Guards every control API request. The Host check defeats DNS rebinding (a hostile page whose
 * domain resolves to 127.0.0.1 still sends its own Host). The per-launch token is sent as a Bearer
 * header, by scripts and by the UI alike, never as a cookie: cookies ignore ports, so a cookie
 * would reach every other server on this machine (the receiver included, which would then store
 * it in a capture). The UI keeps the token in its tab's sessionStorage, which is per origin (port
 * included). Only the live stream, which a browser's EventSource opens without headers, may carry
 * it as `?token=`. State-changing requests from other origins are refused before the token is
 * even looked at.
 */
export function installAuth(app: FastifyInstance, token: string, port: () => number): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts(port()).has(host.toLowerCase())) {
      return sendError(
        reply,
        403,
        'forbidden_host',
        `Host "${host}" is not this control API's loopback address; open the UI at http://127.0.0.1:${port()}/.`,
      );
    }
    if (!SAFE_METHODS.has(request.method)) {
      const reason = crossSiteReason(request.headers, port());
      if (reason)
        return sendError(
          reply,
          403,
          'cross_site',
          `Refused: ${reason}. Use the UI at http://127.0.0.1:${port()}/ or call the API from a script.`,
        );
    }
    const url = new URL(request.url, `http://${host}`);
    if (isPublicAsset(request.method, url.pathname)) return;
    const presented =
      bearerToken(request.headers.authorization) ??
      (request.method === 'GET' && url.pathname === '/api/stream' ? url.searchParams.get('token') : null);
    if (presented !== null && constantTimeEqual(presented, token)) return;
    return sendError(
      reply,
      401,
      'unauthorized',
      'Missing or wrong token: send "Authorization: Bearer <token>" (printed at launch), or open the launch URL printed at launch (it ends in ?token=...).',
    );
  });
}

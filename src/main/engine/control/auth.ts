import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../signatures/hmac';

export const TOKEN_COOKIE = 'hookscope_token';

/** Host header values that name the loopback address and port the control API serves. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? (match[1] as string) : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request is refused as cross-site, or null when it is fine. Cookies
 * ignore ports, and SameSite treats every port of 127.0.0.1 as the same site, so a page on
 * another local port (a dev server, the receiver) could otherwise send the UI's cookie along.
 * Browsers say where a request comes from (Origin, Sec-Fetch-Site); scripts send neither.
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
 * Guards every control API request. The Host check defeats DNS rebinding (a hostile page
 * whose domain resolves to 127.0.0.1 still sends its own Host); the per-launch token, as a
 * Bearer header for scripts or an HttpOnly SameSite=Strict cookie for the UI, keeps other
 * local pages and processes out. A browser trades `?token=` for the cookie once, then the
 * token leaves the address bar through a redirect. State-changing requests from other origins
 * (other local ports included) are refused before the token is even looked at.
 */
export function installAuth(app: FastifyInstance, token: string, port: () => number): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts(port()).has(host.toLowerCase())) {
      return sendError(reply, 403, 'forbidden_host', `Host "${host}" is not this control API's loopback address; open the UI at http://127.0.0.1:${port()}/.`);
    }
    if (!SAFE_METHODS.has(request.method)) {
      const reason = crossSiteReason(request.headers, port());
      if (reason) return sendError(reply, 403, 'cross_site', `Refused: ${reason}. Use the UI at http://127.0.0.1:${port()}/ or call the API from a script.`);
    }
    const presented = bearerToken(request.headers.authorization) ?? cookieToken(request.headers.cookie);
    if (presented !== null && constantTimeEqual(presented, token)) return;

    const url = new URL(request.url, `http://${host}`);
    const queryToken = url.searchParams.get('token');
    if (request.method === 'GET' && queryToken !== null && constantTimeEqual(queryToken, token)) {
      url.searchParams.delete('token');
      const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      return reply.code(302).header('set-cookie', cookie).header('location', `${url.pathname}${url.search}`).send();
    }
    return sendError(reply, 401, 'unauthorized', 'Missing or wrong token: send "Authorization: Bearer <token>" (printed at launch), or open the launch URL with ?token=.');
  });
}

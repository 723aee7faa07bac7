import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Serves the built renderer; unknown non-API paths get index.html (client-side pages). */
export function registerStaticUi(app: FastifyInstance, rendererDir: string): void {
  const root = normalize(rendererDir);
  app.get('/*', async (request, reply) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (pathname.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'not_found', message: `No API route ${request.method} ${pathname}.` } });
    }
    const wanted = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    // Refuse anything that escapes the renderer directory (../ tricks, encoded or not).
    const inside = wanted === root || wanted.startsWith(root + sep);
    let file = inside ? wanted : join(root, 'index.html');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      if (extname(pathname) !== '') {
        return reply.code(404).send({ error: { code: 'not_found', message: `No file ${pathname}.` } });
      }
      file = join(root, 'index.html');
      try {
        body = await readFile(file);
      } catch {
        return reply.code(503).type('text/plain').send('The UI is not built: run `npm run build` first.');
      }
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    reply.header('content-type', type);
    if (type.startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('cache-control', 'no-store');
    }
    return reply.send(body);
  });
}

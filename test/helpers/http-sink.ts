import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeaderPair, HeaderPairs } from '../../src/shared/http-headers';

export interface SeenRequest {
  method: string;
  url: string;
  /** Header pairs exactly as received (order and case). */
  headers: HeaderPairs;
  body: Buffer;
}

export interface HttpSink {
  url: string;
  seen: SeenRequest[];
  last(): SeenRequest;
  close(): Promise<void>;
}

/**
 * A bare node:http server (not the app's code) that records every request byte for byte and
 * answers with `respond` (default: 200 `{"ok":true}`).
 */
export async function startHttpSink(respond?: (request: SeenRequest, res: ServerResponse) => void): Promise<HttpSink> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: HeaderPair[] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
      const request = { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) };
      seen.push(request);
      if (respond) return respond(request, res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    last() {
      const request = seen[seen.length - 1];
      if (!request) throw new Error('the sink has seen no request');
      return request;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const header = (headers: HeaderPairs, name: string): string | undefined =>
  headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

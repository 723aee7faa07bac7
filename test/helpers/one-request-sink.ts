import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface ReceivedRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface OneRequestSink {
  url: string;
  /** Settles with the first request the sink receives. */
  received: Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A local node:http server that answers "ok" and records the request a command sends it. */
export async function startOneRequestSink(): Promise<OneRequestSink> {
  let deliver: (value: ReceivedRequest) => void = () => {};
  const received = new Promise<ReceivedRequest>((resolve) => (deliver = resolve));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.end('ok');
      deliver({
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a test file that starts sinks: returns a starter whose sinks are all closed after each test,
 * so a failing assertion cannot leave a server listening.
 */
export function sinksClosedAfterEach(): () => Promise<OneRequestSink> {
  let sinks: OneRequestSink[] = [];
  afterEach(async () => {
    await Promise.all(sinks.map((sink) => sink.close()));
    sinks = [];
  });
  return async () => {
    const sink = await startOneRequestSink();
    sinks.push(sink);
    return sink;
  };
}

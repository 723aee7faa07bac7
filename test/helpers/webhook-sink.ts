import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  /** Date.now() when the request's body had arrived. */
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export interface SinkAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (a slow receiver). */
  delayMs?: number;
}

export interface WebhookSink {
  url: string;
  requests: SinkRequest[];
  /** Answers to give, in order, before falling back to `fallback`. */
  plan(answers: SinkAnswer[]): void;
  fallback: SinkAnswer;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs` saying what did. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkRequest[]>;
  close(): Promise<void>;
}

/** A real HTTP receiver (node:http) that answers as told: the other side of the platform simulator. */
export async function startSink(): Promise<WebhookSink> {
  const requests: SinkRequest[] = [];
  const planned: SinkAnswer[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        at: Date.now(),
        path: req.url ?? '/',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      });
      for (const wake of waiters.splice(0)) wake();
      const answer = planned.shift() ?? sink.fallback;
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? '{"received": true}');
      };
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sink: WebhookSink = {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    fallback: { status: 200 },
    plan(answers) {
      planned.push(...answers);
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`sink expected ${count} requests within ${timeoutMs} ms; got ${requests.length}`));
        }, timeoutMs);
        const check = () => {
          if (requests.length >= count) {
            clearTimeout(timer);
            resolve(requests.slice());
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return sink;
}

/** Polls `read` until `done` holds (the control API has no blocking wait); fails after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = await read();
  }
  return last;
}

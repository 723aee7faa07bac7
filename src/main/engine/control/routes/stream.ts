import type { LiveEvent } from '../../../../shared/contract/live-events';
import { streamEvents } from '../../../../shared/contract/history';
import type { EngineContext } from '../../context';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';

const KEEPALIVE_MS = 15_000;
/** A client that stops reading is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Server-sent events: one `data:` JSON LiveEvent per message. */
export function registerStreamRoute(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(streamEvents),
    handler: (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      res.write(': connected\n\nretry: 1000\n\n');
      const send = (event: LiveEvent) => {
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          res.destroy();
          return;
        }
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = ctx.live.subscribe(send);
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      const stop = () => {
        clearInterval(keepalive);
        unsubscribe();
      };
      request.raw.on('close', stop);
      res.on('close', stop);
    },
  });
}

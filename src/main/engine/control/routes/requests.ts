import { Readable } from 'node:stream';
import { INLINE_BODY_LIMIT_BYTES, SIGNED_CONTENT_PREVIEW_BYTES } from '../../../../shared/contract/captures';
import {
  clearRequests,
  confirmSns,
  deleteRequest,
  getRequest,
  getRequestBody,
  listRequests,
  updateRequest,
} from '../../../../shared/contract/history';
import { pageLimit } from '../../../../shared/contract/schema';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';
import type { EngineContext } from '../../context';
import { notFound } from '../errors';
import { conformanceOf } from '../../services/conformance';
import { completeVerification } from '../../services/capture-verification';
import { parseByteRange } from '../byte-range';
import { clearUnpinned, deleteCaptures } from '../../history/delete';
import { confirmSnsSubscription } from '../../services/sns-confirm';

/**
 * Bodies are served in slices of this many bytes, one SQLite substr() each. SQLite reads the
 * whole blob for every substr(), so smaller slices cost re-reads (1 MiB: 0.2-0.6 s for 20 MB)
 * and larger ones memory; at 4 MiB a 20 MB body takes ~0.1 s and ~4 MB at a time.
 */
const BODY_STREAM_CHUNK = 4 * 1024 * 1024;

/** `length` body bytes from `start`, `first` being the first slice; fails if the capture goes meanwhile. */
function* bodySlices(ctx: EngineContext, id: number, start: number, length: number, first: Buffer): Generator<Buffer> {
  yield first;
  for (let offset = first.length; offset < length;) {
    const slice = ctx.requests.bodies.slice(id, start + offset, Math.min(BODY_STREAM_CHUNK, length - offset));
    // Deleted while being sent: end short of the announced length, which the client sees as an error.
    if (!slice || slice.length === 0) throw new Error(`Capture ${id} was deleted while its body was being sent.`);
    yield slice;
    offset += slice.length;
  }
}

export function registerRequestRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(listRequests),
    handler: async (request) => {
      const before = request.query.before === undefined ? null : Number(request.query.before);
      return ctx.history.list(request.query.q, pageLimit(request.query.limit), before);
    },
  });

  app.route({
    ...routeOf(getRequest),
    handler: async (request) => {
      const capture = ctx.requests.load(Number(request.params.id));
      if (!capture) throw notFound('request', request.params.id);
      // Verification and the catalog check read the whole body here; only the answer leaves a large one out.
      const { body, ...fields } = capture;
      const body_base64 = body.length <= INLINE_BODY_LIMIT_BYTES ? body.toString('base64') : null;
      return {
        data: {
          ...fields,
          body_base64,
          verification: completeVerification(ctx, capture, SIGNED_CONTENT_PREVIEW_BYTES),
          conformance: conformanceOf(capture),
        },
      };
    },
  });

  // Confirms an AWS SNS subscription: only on the user's click, never on receipt.
  app.route({
    ...routeOf(confirmSns),
    handler: async (request) => ({ data: await confirmSnsSubscription(ctx, Number(request.params.id)) }),
  });

  // The exact stored bytes, with the capture's Content-Type; one byte range at a time if asked.
  app.route({
    ...routeOf(getRequestBody),
    handler: async (request, reply) => {
      const id = Number(request.params.id);
      const info = ctx.requests.bodies.info(id);
      if (!info) throw notFound('request', request.params.id);
      const range = parseByteRange(request.headers.range, info.size);
      if (range.kind === 'unsatisfiable') {
        reply.code(416).header('content-range', `bytes */${info.size}`).header('accept-ranges', 'bytes');
        return {
          error: {
            code: 'range_not_satisfiable',
            message: `The range ${request.headers.range} selects none of the body's ${info.size} bytes.`,
          },
        };
      }
      const start = range.kind === 'partial' ? range.start : 0;
      const length = range.kind === 'partial' ? range.end - range.start + 1 : info.size;
      // Read before any header is set: a capture deleted meanwhile is still an ordinary JSON 404.
      const first = ctx.requests.bodies.slice(id, start, Math.min(length, BODY_STREAM_CHUNK));
      if (!first) throw notFound('request', request.params.id);
      reply
        .header('content-type', safeContentType(info.contentType))
        .header('accept-ranges', 'bytes')
        // Captured bytes are data, never a page of this origin (an HTML body opened by mistake runs nothing).
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store');
      if (request.query.download === '1' || request.query.download === 'true') {
        reply.header('content-disposition', `attachment; filename="${bodyFileName(id, info.contentType)}"`);
      }
      if (range.kind === 'partial') reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
      if (length <= BODY_STREAM_CHUNK) return reply.send(first);
      // A large body goes out a slice at a time: the engine never holds it whole for this.
      reply.header('content-length', length);
      return reply.send(Readable.from(bodySlices(ctx, id, start, length, first)));
    },
  });

  app.route({
    ...routeOf(updateRequest),
    handler: async (request) => {
      const id = Number(request.params.id);
      const summary = request.body.pinned === undefined ? ctx.requests.summary(id) : ctx.requests.setPinned(id, request.body.pinned);
      if (!summary) throw notFound('request', request.params.id);
      ctx.live.publish({ type: 'captures-updated', data: [summary] });
      return { data: summary };
    },
  });

  app.route({
    ...routeOf(deleteRequest),
    handler: async (request) => {
      const id = Number(request.params.id);
      if (deleteCaptures(ctx, [id]) === 0) throw notFound('request', request.params.id);
      ctx.live.publish({ type: 'request-deleted', data: { id } });
      return { data: { id, deleted: true as const } };
    },
  });

  app.route({
    ...routeOf(clearRequests),
    handler: async () => {
      // Captures still waiting for their commit predate the click: they are cleared too.
      ctx.flushPendingCaptures();
      const result = clearUnpinned(ctx);
      ctx.live.publish({ type: 'requests-cleared', data: { kept_pinned: result.kept_pinned } });
      return { data: result };
    },
  });
}

/** A Content-Type that can go in a header as it is; anything else is served as opaque bytes. */
function safeContentType(contentType: string | null): string {
  return contentType !== null && contentType.trim() !== '' && !/[^\t\x20-\x7e]/.test(contentType)
    ? contentType
    : 'application/octet-stream';
}

const EXTENSIONS: Array<[RegExp, string]> = [
  [/[/+]json\b/i, 'json'],
  [/[/+]xml\b/i, 'xml'],
  [/^text\/html\b/i, 'html'],
  [/^text\/csv\b/i, 'csv'],
  [/^application\/x-www-form-urlencoded\b/i, 'txt'],
  [/^text\//i, 'txt'],
  [/^multipart\//i, 'txt'],
];

/** `capture-12-body.json`: the capture's id and an extension its Content-Type suggests (`bin` otherwise). */
export function bodyFileName(id: number, contentType: string | null): string {
  const extension = EXTENSIONS.find(([pattern]) => pattern.test(contentType ?? ''))?.[1] ?? 'bin';
  return `capture-${id}-body.${extension}`;
}

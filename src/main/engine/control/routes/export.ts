import type { FastifyReply } from 'fastify';
import type { CapturedRequest } from '../../../../shared/contract/captures';
import {
  exportHar,
  exportJson,
  exportRequests,
  getCurl,
  importHar,
  type CaptureExport,
  type ExportFormat,
} from '../../../../shared/contract/export';
import type { EngineContext } from '../../context';
import { curlCommand } from '../../../../shared/curl';
import { captureOfHarEntry, harDocumentOf } from '../../outbound/har';
import { checkHttpUrl } from '../../outbound/send-input';
import { summaryOfCapture } from '../../store/requests-repo';
import { notFound } from '../errors';
import type { ControlApp } from '../control-app';
import { routeOf } from '../route-of';

function detailsOf(ctx: EngineContext, ids: number[]): CapturedRequest[] {
  return ids.map((id) => {
    const detail = ctx.requests.get(id);
    if (!detail) throw notFound('request', id);
    return detail;
  });
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Exports are files, so these answers are the bare documents (a HAR wrapped in `{data}` would
 * no longer be a HAR file), sent as attachments.
 */
function sendDocument(reply: FastifyReply, format: ExportFormat, document: unknown): string {
  reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="hookscope-${stamp()}.${format}"`);
  return JSON.stringify(document, null, 2);
}

function exportDocument(ctx: EngineContext, reply: FastifyReply, ids: number[], format: ExportFormat): string {
  const details = detailsOf(ctx, ids);
  if (format === 'har') return sendDocument(reply, 'har', harDocumentOf(details, ctx.version));
  const document: CaptureExport = { hookscope_export: 1, exported_at: new Date().toISOString(), requests: details };
  return sendDocument(reply, 'json', document);
}

const idsOf = (list: string) => [...new Set(list.split(',').map(Number))];

/** Copy as cURL, export as HAR or JSON, import HAR. */
export function registerExportRoutes(app: ControlApp, ctx: EngineContext): void {
  app.route({
    ...routeOf(getCurl),
    handler: async (request) => {
      const detail = ctx.requests.get(Number(request.params.id));
      if (!detail) throw notFound('request', request.params.id);
      const url = request.query.url ?? detail.url;
      if (request.query.url !== undefined) checkHttpUrl(url, 'querystring.url');
      const body = Buffer.from(detail.body_base64, 'base64');
      return { data: { command: curlCommand({ method: detail.method, url, headers: detail.headers, body }) } };
    },
  });

  app.route({
    ...routeOf(exportHar),
    handler: async (request, reply) => exportDocument(ctx, reply, idsOf(request.query.ids), 'har'),
  });
  app.route({
    ...routeOf(exportJson),
    handler: async (request, reply) => exportDocument(ctx, reply, idsOf(request.query.ids), 'json'),
  });
  app.route({
    ...routeOf(exportRequests),
    handler: async (request, reply) => exportDocument(ctx, reply, [...new Set(request.body.ids)], request.body.format ?? 'har'),
  });

  app.route({
    ...routeOf(importHar),
    handler: async (request, reply) => {
      const endpoints = ctx.endpoints.list();
      const captures = request.body.log.entries.map((entry) => captureOfHarEntry(entry, endpoints));
      const ids = captures.length === 0 ? [] : ctx.requests.insertMany(captures);
      if (ids.length > 0) {
        ctx.live.publish({ type: 'captures', data: captures.map((capture, index) => summaryOfCapture(ids[index] as number, capture)) });
        // As for received captures: indexed and diagnosed soon, and the limits applied.
        ctx.indexer.schedule();
        ctx.retention.schedule();
      }
      reply.code(201);
      return { data: { imported: ids.length, ids } };
    },
  });
}

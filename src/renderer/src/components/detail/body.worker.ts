/// <reference lib="webworker" />
/**
 * Holds one opened body off the main thread: fetching, UTF-8 checks, JSON pretty-printing, row
 * layout and hex formatting all run here (body-views.ts), and the viewer asks for windows of rows.
 */
import type { BodyReply, BodyRequest, BodySource } from './body-protocol';
import { BodyDocument } from './body-views';

let document: BodyDocument | null = null;

async function bytesOf(source: BodySource): Promise<BodyDocument> {
  if (source.kind === 'inline') return BodyDocument.fromBase64(source.base64);
  const response = await fetch(source.url, { headers: source.headers, credentials: 'omit' });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    let message = `The engine answered ${response.status} for the body.`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(message);
  }
  return new BodyDocument(new Uint8Array(await response.arrayBuffer()));
}

function opened(): BodyDocument {
  if (!document) throw new Error('No body is open.');
  return document;
}

async function handle(request: BodyRequest): Promise<BodyReply> {
  switch (request.type) {
    case 'open':
      document = await bytesOf(request.source);
      return { id: request.id, ok: true, result: document.summary };
    case 'rows-info':
      return { id: request.id, ok: true, result: opened().rowsInfo(request.tab, request.columns) };
    case 'rows':
      return { id: request.id, ok: true, result: opened().rows(request.tab, request.columns, request.from, request.count) };
    case 'full':
      return { id: request.id, ok: true, result: opened().fullText(request.tab) };
    case 'copy':
      return { id: request.id, ok: true, result: opened().copyPayload() };
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BodyRequest>) => {
  const request = event.data;
  handle(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies BodyReply),
  );
};

/** `hookscope tail`'s human line for one capture; pure, so it is unit-tested. */
import type { RequestSummary } from '../../shared/api';

type Line = Pick<RequestSummary, 'received_at' | 'method' | 'path' | 'query' | 'event' | 'verification' | 'public_url'>;

/** `2026-01-02 03:04:05Z  POST /hooks?x=1  project.created  invalid signature_mismatch  https://...` */
export function tailLine(capture: Line): string {
  const time = capture.received_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const target = capture.query ? `${capture.path}?${capture.query}` : capture.path;
  const parts = [time, capture.method, target, capture.event ?? '-', `${capture.verification.verdict} ${capture.verification.reason}`];
  if (capture.public_url) parts.push(capture.public_url);
  return parts.join('  ');
}

/** The captures of `page` newer than `afterId`, oldest first (the engine lists newest first). */
export function newerThan<T extends { id: number }>(captures: readonly T[], afterId: number): T[] {
  return captures.filter((capture) => capture.id > afterId).sort((a, b) => a.id - b.id);
}

/** Server-sent events: splits the text read so far into complete `data:` payloads and the unfinished rest. */
export function sseMessages(buffer: string): { data: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const data: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (lines.length > 0) data.push(lines.join('\n'));
  }
  return { data, rest };
}

import { expect } from 'vitest';
import type { LiveEvent } from '../../src/shared/api';
import type { RunningEngine } from '../../src/main/engine/engine';

/** Reads the SSE messages of GET /api/stream while `action` runs, until `until` says enough. */
export async function collectLiveEvents(
  engine: RunningEngine,
  until: (events: LiveEvent[]) => boolean,
  action: () => Promise<void>,
): Promise<LiveEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${engine.uiUrl}/api/stream`, {
    headers: { authorization: `Bearer ${engine.token}` },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: LiveEvent[] = [];
  let buffer = '';
  await action();
  while (!until(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf('\n\n')) !== -1) {
      const message = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      for (const line of message.split('\n')) {
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent);
      }
    }
  }
  controller.abort();
  return events;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

/** Reads SSE messages from GET /api/stream until `until` says enough. */
async function collect(until: (events: LiveEvent[]) => boolean, action: () => Promise<void>): Promise<LiveEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${t.engine.uiUrl}/api/stream`, {
    headers: { authorization: `Bearer ${t.engine.token}` },
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

describe('live stream (SSE)', () => {
  it('pushes capture summaries, batched, without bodies', async () => {
    const events = await collect(
      (seen) => seen.flatMap((e) => (e.type === 'captures' ? e.data : [])).length >= 20,
      async () => {
        await Promise.all(Array.from({ length: 20 }, (_, index) => t.send(`/live/${index}`, { body: `{"event":"project.created","n":${index}}` })));
      },
    );
    const captures = events.flatMap((e) => (e.type === 'captures' ? e.data : []));
    expect(captures.map((c) => c.path).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `/live/${i}`).sort());
    expect(captures[0]).toMatchObject({ method: 'POST', event: 'project.created', verification: { verdict: 'unverifiable' } });
    expect(captures[0]).not.toHaveProperty('body_base64');
    // Captures arriving close together share a live message rather than one each.
    expect(events.filter((e) => e.type === 'captures').length).toBeLessThan(20);
  });

  it('announces deletions and endpoint changes', async () => {
    const events = await collect(
      (seen) => seen.some((e) => e.type === 'requests-cleared') && seen.some((e) => e.type === 'endpoints-changed'),
      async () => {
        await t.api('DELETE', '/requests');
        await t.api('POST', '/endpoints', { path: '/announce' });
      },
    );
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['requests-cleared', 'endpoints-changed']));
  });
});

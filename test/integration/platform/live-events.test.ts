import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink';
import { emit, onlyDelivery, setRetry, subscribe } from './helpers';

let t: TestEngine;
let target: WebhookSink;
beforeAll(async () => {
  t = await startTestEngine();
  target = await startSink();
});
afterAll(async () => {
  await target.close();
  await t.stop();
});

/** Reads GET /api/stream while `action` runs, until `until` holds. */
async function collect(until: (events: LiveEvent[]) => boolean, action: () => Promise<void>): Promise<LiveEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${t.engine.uiUrl}/api/stream`, { headers: { authorization: `Bearer ${t.engine.token}` }, signal: controller.signal });
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
      for (const line of buffer.slice(0, split).split('\n')) {
        if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent);
      }
      buffer = buffer.slice(split + 2);
    }
  }
  controller.abort();
  return events;
}

describe('live delivery events', () => {
  it('pushes webhooks-changed and every delivery state change as delivery-updated summaries', async () => {
    await setRetry(t, { max_attempts: 2, base_delay_ms: 50 });
    target.plan([{ status: 500 }]);
    let id = '';
    const events = await collect(
      (seen) => seen.some((e) => e.type === 'delivery-updated' && e.data.id === id && e.data.status === 'succeeded'),
      async () => {
        await subscribe(t, target.url);
        id = onlyDelivery(await emit(t));
      },
    );
    expect(events.some((e) => e.type === 'webhooks-changed')).toBe(true);
    const states = events.flatMap((e) => (e.type === 'delivery-updated' && e.data.id === id ? [[e.data.status, e.data.attempt_count]] : []));
    expect(states).toEqual([['pending', 0], ['retrying', 1], ['succeeded', 2]]);
    const last = events.filter((e) => e.type === 'delivery-updated').at(-1);
    expect(last?.type === 'delivery-updated' && last.data).not.toHaveProperty('attempts');
  });
});

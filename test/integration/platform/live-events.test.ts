import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../src/shared/api';
import { collectLiveEvents } from '../../helpers/live-stream';
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

const collect = (until: (events: LiveEvent[]) => boolean, action: () => Promise<void>) => collectLiveEvents(t.engine, until, action);

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
    const states = events.flatMap((e) =>
      e.type === 'delivery-updated' && e.data.id === id ? [[e.data.status, e.data.attempt_count]] : [],
    );
    expect(states).toEqual([
      ['pending', 0],
      ['retrying', 1],
      ['succeeded', 2],
    ]);
    const last = events.filter((e) => e.type === 'delivery-updated').at(-1);
    expect(last?.type === 'delivery-updated' && last.data).not.toHaveProperty('attempts');
  });
});

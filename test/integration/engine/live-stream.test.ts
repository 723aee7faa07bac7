import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type LiveEvent } from '../../../src/shared/api';
import { collectLiveEvents } from '../../helpers/live-stream';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  // A fresh data directory's catch-all has a generated secret; these captures are to be unverifiable.
  await t.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' });
});
afterAll(() => t.stop());

const collect = (until: (events: LiveEvent[]) => boolean, action: () => Promise<void>) => collectLiveEvents(t.engine, until, action);

describe('live stream (SSE)', () => {
  it('pushes capture summaries, batched, without bodies', async () => {
    const events = await collect(
      (seen) => seen.flatMap((e) => (e.type === 'captures' ? e.data : [])).length >= 20,
      async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, index) => t.send(`/live/${index}`, { body: `{"event":"project.created","n":${index}}` })),
        );
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestSummary } from '../../../../src/shared/api';
import { bootstrap } from '../../../../src/renderer/src/api/bootstrap';
import { useStore } from '../../../../src/renderer/src/store';
import { installLiveStandIns, type LiveStandIns } from '../../../helpers/event-source';
import { startRendererHarness, until, type RendererHarness } from '../../../helpers/renderer-store';

// The app's own start-up (api/bootstrap.ts) and live bridge (api/live-bridge.ts) driving the app's
// store from a real engine's GET /api/stream: the live merge as the app runs it, end to end.
// One app session per file, as in a tab: the tests run in order and build on each other.

let h: RendererHarness;
let live: LiveStandIns;
beforeAll(async () => {
  h = await startRendererHarness();
  live = installLiveStandIns();
});
afterAll(async () => {
  live.dropStreams();
  await h.close();
});

const ids = (rows: RequestSummary[]) => rows.map((row) => row.id);
const engineIds = async (q = '') =>
  ids((await h.t.api<{ data: RequestSummary[] }>('GET', `/requests${q === '' ? '' : `?q=${encodeURIComponent(q)}`}`)).body.data);
const send = async (method: string) => expect((await h.t.send('/hook', { method, body: '{}' })).status).toBe(200);

describe('the app session', () => {
  it('starts from the launch URL: the token leaves the address, ?q= filters the first page, the stream opens', async () => {
    await send('PUT');
    await send('POST');
    h.openAt(`/?token=${h.t.engine.token}&q=method%3APUT`);
    bootstrap();
    expect(h.location().searchParams.has('token')).toBe(false);
    expect(h.location().searchParams.get('q')).toBe('method:PUT');
    expect(h.sessionStorage.getItem('hookscope.token')).toBe(h.t.engine.token);
    await until(useStore, (state) =>
      expect(state).toMatchObject({
        connectionStatus: 'online',
        listStatus: 'loaded',
        query: 'method:PUT',
        queryDraft: 'method:PUT',
        endpointsStatus: 'loaded',
        schemesStatus: 'loaded',
        receiverUrl: h.t.engine.receiverUrl,
        matching: 1,
        total: 2,
      }),
    );
    await until(useStore, () => expect(live.openStreams()).toBe(1));
    expect(ids(useStore.getState().captures)).toEqual(await engineIds('method:PUT'));
  });

  it('captures received live: counted at once, and the filtered list re-read from the engine', async () => {
    await send('PUT');
    await send('POST');
    await until(useStore, (state) => expect(state).toMatchObject({ total: 4, matching: 2 }));
    expect(ids(useStore.getState().captures)).toEqual(await engineIds('method:PUT'));
    useStore.getState().submitQuery('');
    await until(useStore, async (state) => expect(ids(state.captures)).toEqual(await engineIds()));
    await send('DELETE');
    await until(useStore, async (state) => expect(ids(state.captures)).toEqual(await engineIds()));
    expect(useStore.getState()).toMatchObject({ total: 5, matching: 5 });
  });

  it('a capture deleted elsewhere leaves the list; an endpoint created elsewhere appears', async () => {
    const [newest] = await engineIds();
    expect((await h.t.api('DELETE', `/requests/${newest}`)).status).toBe(200);
    await until(useStore, (state) => expect(ids(state.captures)).not.toContain(newest));
    expect(useStore.getState().total).toBe(4);
    const created = await h.t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/webhooks/live' });
    expect(created.status).toBe(201);
    await until(useStore, (state) => expect(state.endpoints.map((endpoint) => endpoint.id)).toContain(created.body.data.id));
  });

  it('a clear elsewhere re-reads the list: pinned captures stay', async () => {
    const [keep] = await engineIds();
    expect((await h.t.api('PUT', `/requests/${keep}`, { pinned: true })).status).toBe(200);
    expect((await h.t.api('DELETE', '/requests')).status).toBe(200);
    await until(useStore, (state) => expect(ids(state.captures)).toEqual([keep]));
    expect(useStore.getState()).toMatchObject({ total: 1, matching: 1 });
  });

  it('a gap in the stream: what happened meanwhile shows once the bridge reconnects and re-reads', async () => {
    live.dropStreams();
    await send('PATCH'); // announced while no stream is open: this event is missed
    await until(useStore, () => expect(live.openStreams()).toBe(1));
    await until(useStore, async (state) => expect(ids(state.captures)).toEqual(await engineIds()));
    expect(useStore.getState()).toMatchObject({ total: 2, connectionStatus: 'online' });
  });
});

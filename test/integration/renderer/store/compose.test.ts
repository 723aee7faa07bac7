import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, EventTypeInfo, LiveEvent, SentPage, SentSummary } from '../../../../src/shared/api';
import { templateText } from '../../../../src/renderer/src/lib/event-schema';
import { collectLiveEvents } from '../../../helpers/live-stream';
import { startRendererHarness, until, type RendererHarness, type Store } from '../../../helpers/renderer-store';

// Compose (compose-slice) against a real engine: event templates, sending to the engine's own
// receiver, resend, the Sent history with its live merge and clear, key pairs, emit.

let h: RendererHarness;
let types: EventTypeInfo[];
beforeAll(async () => {
  h = await startRendererHarness();
  types = (await h.t.api<{ data: EventTypeInfo[] }>('GET', '/event-types')).body.data;
  expect(types.length).toBeGreaterThan(1);
});
afterAll(() => h.close());
beforeEach(async () => {
  h.setUnreachable(false);
  expect((await h.t.api('DELETE', '/sent')).status).toBe(200);
});

const EVENT_TYPES = /^\/api\/event-types$/;
const SENT = /^\/api\/sent$/;
const messages = (store: Store) => store.getState().notices.map((notice) => notice.message);
const engineSent = async () => (await h.t.api<SentPage>('GET', '/sent')).body.data;

/** A store whose draft sends a signed event to the engine's own receiver. */
async function composing(): Promise<Store> {
  const store = h.newStore();
  await store.getState().loadEventTypes();
  store.getState().updateComposeDraft({ url: `${h.t.engine.receiverUrl}/webhooks/dcisionai`, secret: 'whsec_test' });
  return store;
}

describe('event types', () => {
  it('load idle → loading → loaded and start the editor with the default type’s template', async () => {
    const store = h.newStore();
    const loading = store.getState().loadEventTypes();
    expect(store.getState().eventTypesStatus).toBe('loading');
    await loading;
    expect(store.getState()).toMatchObject({ eventTypesStatus: 'loaded', eventTypesError: null });
    expect(store.getState().eventTypes.map((info) => info.type)).toEqual(types.map((info) => info.type));
    const draft = store.getState().composeDraft;
    expect(JSON.parse(draft.body)).toMatchObject({ event: draft.eventType });
  });

  it('a first load that fails is an error; the next one loads', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadEventTypes();
    h.setUnreachable(false);
    expect(store.getState()).toMatchObject({ eventTypesStatus: 'error', eventTypesError: 'Engine unreachable', eventTypes: [] });
    await store.getState().loadEventTypes();
    expect(store.getState().eventTypesStatus).toBe('loaded');
  });

  it('pick A, then B quickly: the editor shows B’s template even when A’s answer arrives last', async () => {
    const store = await composing();
    const [a, b] = [types[0]!.type, types[1]!.type];
    const slow = h.hold('GET', EVENT_TYPES);
    const pickA = store.getState().pickEventType(a);
    await slow.arrived;
    await store.getState().pickEventType(b);
    slow.release();
    await pickA;
    expect(store.getState().composeDraft.eventType).toBe(b);
    expect(JSON.parse(store.getState().composeDraft.body)).toMatchObject({ event: b });
  });
});

describe('send and resend', () => {
  it('sends through the engine: the result panel and the Sent history show it', async () => {
    const store = await composing();
    const sending = store.getState().sendComposed();
    expect(store.getState().sending).toBe(true);
    await sending;
    const result = store.getState().sentResult;
    expect(result).toMatchObject({ source: 'send', response: { status: 200 } });
    expect(store.getState()).toMatchObject({ sending: false, sendError: null });
    expect(store.getState().sentList.map((item) => item.id)).toEqual((await engineSent()).map((item) => item.id));
  });

  it('a draft that cannot be sent says why without asking the engine', async () => {
    const store = await composing();
    store.getState().updateComposeDraft({ secret: '' });
    const before = h.requests.length;
    await store.getState().sendComposed();
    expect(store.getState().sendError).toMatch(/secret/);
    expect(h.requests.length).toBe(before);
  });

  it('resend makes a new request from the stored one; a resend the engine refuses shows its message', async () => {
    const store = await composing();
    await store.getState().sendComposed();
    const first = store.getState().sentResult!;
    await store.getState().resendSent(first.id);
    expect(store.getState().sentResult).toMatchObject({ source: 'resend', source_sent_id: first.id, response: { status: 200 } });
    expect(store.getState().sentList).toHaveLength(2);

    const refused = await h.t.api<ApiError>('POST', '/sent/999999/resend', {});
    expect(refused.status).toBe(404);
    await store.getState().resendSent(999999);
    expect(store.getState()).toMatchObject({ sendError: refused.body.error.message, sending: false });
  });
});

describe('the Sent history', () => {
  it('loads the engine’s list; a delete and a pick go through the engine', async () => {
    const store = await composing();
    await store.getState().sendComposed();
    await store.getState().sendComposed();
    const other = h.newStore();
    await other.getState().loadSent();
    expect(other.getState()).toMatchObject({ sentStatus: 'loaded', sentList: await engineSent() });
    const [newest, older] = other.getState().sentList as [SentSummary, SentSummary];
    await other.getState().showSent(older.id);
    expect(other.getState().sentResult?.id).toBe(older.id);
    await other.getState().deleteSent(older.id);
    expect(other.getState()).toMatchObject({ sentResult: null, sentList: [newest] });
    expect((await engineSent()).map((item) => item.id)).toEqual([newest.id]);
  });

  it('a page requested before a clear does not bring the cleared rows back', async () => {
    const store = await composing();
    await store.getState().sendComposed();
    const slow = h.hold('GET', SENT);
    const loading = store.getState().loadSent();
    await slow.arrived;
    await store.getState().clearSent();
    slow.release();
    await loading;
    expect(store.getState()).toMatchObject({ sentStatus: 'loaded', sentList: [], sentResult: null });
    expect(await engineSent()).toEqual([]);
  });

  it('a send announced live while the page is in flight stays on top', async () => {
    const store = await composing();
    await store.getState().sendComposed();
    const reader = h.newStore();
    const slow = h.hold('GET', SENT);
    const loading = reader.getState().loadSent();
    await slow.arrived;
    const events = await collectLiveEvents(
      h.t.engine,
      (seen) => seen.some((event) => event.type === 'sent'),
      () => store.getState().sendComposed(),
    );
    const live = events.find((event): event is Extract<LiveEvent, { type: 'sent' }> => event.type === 'sent')!;
    reader.getState().applySentSummary(live.data);
    slow.release();
    await loading;
    expect(reader.getState().sentList.map((item) => item.id)).toEqual((await engineSent()).map((item) => item.id));
    expect(reader.getState().sentList).toHaveLength(2);
  });

  it('a failed load is an error with a notice; a failed reload keeps the list', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadSent();
    expect(store.getState().sentStatus).toBe('error');
    expect(messages(store)).toEqual(['Could not load the Sent history: Engine unreachable']);
    h.setUnreachable(false);
    await store.getState().loadSent();
    h.setUnreachable(true);
    await store.getState().loadSent();
    expect(store.getState().sentStatus).toBe('loaded');
  });
});

describe('key pairs and emit', () => {
  it('a key pair fills the private key and shows the public one; one for a scheme left meanwhile is dropped', async () => {
    const store = h.newStore();
    store.getState().updateComposeDraft({ scheme: 'discord', secret: '' });
    await store.getState().generateComposeKeyPair();
    const { secret, publicKey } = store.getState().composeDraft;
    expect(secret).not.toBe('');
    expect(publicKey).not.toBe('');

    const slow = h.hold('POST', /^\/api\/signatures\/keypair$/);
    const generating = store.getState().generateComposeKeyPair();
    await slow.arrived;
    store.getState().updateComposeDraft({ scheme: 'dcisionai', secret: 'typed' });
    slow.release();
    await generating;
    expect(store.getState().composeDraft).toMatchObject({ scheme: 'dcisionai', secret: 'typed', publicKey });
  });

  it('checks once that the simulator can emit, and emits the editor’s event', async () => {
    const store = await composing();
    await store.getState().checkCanEmit();
    expect(store.getState().canEmit).toBe(true);
    const type = store.getState().composeDraft.eventType;
    store.getState().updateComposeDraft({ body: templateText(types.find((info) => info.type === type)!) });
    await store.getState().emitComposed();
    await until(store, (state) => expect(state.notices[0]?.message).toMatch(new RegExp(`^Emitted ${type}`)));
  });
});

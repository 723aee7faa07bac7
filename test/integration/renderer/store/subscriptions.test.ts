import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../src/shared/api';
import type { DeliveryStats, DeliverySummary, WebhookSubscriptionListItem } from '../../../../src/shared/platform-api';
import { ApiRequestError } from '../../../../src/renderer/src/api/errors';
import { startRendererHarness, until, type RendererHarness, type Store } from '../../../helpers/renderer-store';
import { startSink, type WebhookSink } from '../../../helpers/webhook-sink';
import { deliveryIn, emit, onlyDelivery, subscribe } from '../../platform/helpers';

// The platform simulator's page (subscriptions-slice) against a real engine and a real receiver:
// the list, the selected subscription with its deliveries and statistics, the live delivery
// merge, and the guards that drop answers for a subscription or delivery the user has left.

let h: RendererHarness;
let sink: WebhookSink;
let first: string;
let second: string;
beforeAll(async () => {
  h = await startRendererHarness();
  sink = await startSink();
  first = (await subscribe(h.t, sink.url, ['project.created'], { name: 'First' })).id;
  second = (await subscribe(h.t, sink.url, ['project.deleted'], { name: 'Second' })).id;
  await deliveryIn(h.t, onlyDelivery(await emit(h.t, 'project.created')), 'succeeded');
  await deliveryIn(h.t, onlyDelivery(await emit(h.t, 'project.deleted')), 'succeeded');
});
afterAll(async () => {
  await sink.close();
  await h.close();
});
beforeEach(() => h.setUnreachable(false));

const LIST = /^\/api\/webhooks$/;
const webhook = (id: string) => new RegExp(`^/api/webhooks/${id}$`);
const engineList = async () => (await h.t.api<{ data: WebhookSubscriptionListItem[] }>('GET', '/webhooks')).body.data;
const engineDeliveries = async (id: string) =>
  (await h.t.api<{ data: DeliverySummary[] }>('GET', `/deliveries?webhook_id=${id}`)).body.data;
const engineStats = async (id: string) => (await h.t.api<{ data: DeliveryStats }>('GET', `/webhooks/${id}/stats`)).body.data;

async function opened(): Promise<Store> {
  const store = h.newStore();
  await store.getState().openSubscriptionsPage();
  return store;
}

describe('opening the page', () => {
  it('loads the list, settings, presets and event types, and opens the first subscription with its newest delivery', async () => {
    const store = await opened();
    const state = store.getState();
    expect(state).toMatchObject({ subscriptionsStatus: 'loaded', subscriptionsError: null, selectedSubscriptionId: first });
    expect(state.subscriptions).toEqual(await engineList());
    expect(state.platformSettings).not.toBeNull();
    expect(state.retryPresets.length).toBeGreaterThan(0);
    expect(state.platformEventTypes.length).toBeGreaterThan(0);
    expect(state.selectedSubscription).toMatchObject({ id: first, name: 'First' });
    expect(state.selectedSubscription?.secret).toBeTruthy();
    expect(state).toMatchObject({ deliveriesStatus: 'loaded', deliveries: await engineDeliveries(first) });
    expect(state.expandedDelivery?.id).toBe(state.deliveries[0]?.id);
    expect(state.subscriptionStats).toEqual(await engineStats(first));
  });

  it('a list that cannot load is an error; a reload that fails keeps it', async () => {
    const store = h.newStore();
    h.setUnreachable(true);
    await store.getState().loadSubscriptions();
    expect(store.getState()).toMatchObject({ subscriptionsStatus: 'error', subscriptionsError: 'Engine unreachable' });
    h.setUnreachable(false);
    await store.getState().loadSubscriptions();
    h.setUnreachable(true);
    await store.getState().loadSubscriptions();
    expect(store.getState()).toMatchObject({ subscriptionsStatus: 'loaded', subscriptionsError: 'Engine unreachable' });
    expect(store.getState().subscriptions).toHaveLength(2);
  });

  it('an older list answered after a newer one does not replace it (webhooks-changed while loading)', async () => {
    const store = h.newStore();
    const slow = h.hold('GET', LIST);
    const loading = store.getState().loadSubscriptions();
    await slow.arrived;
    const added = await subscribe(h.t, sink.url, ['project.updated'], { name: 'Added' });
    try {
      await store.getState().loadSubscriptions();
      slow.release();
      await loading;
      expect(store.getState().subscriptions.map((item) => item.id)).toContain(added.id);
    } finally {
      await h.t.api('DELETE', `/webhooks/${added.id}`);
    }
  });
});

describe('stale answers are dropped', () => {
  it('select A, then B quickly: B’s subscription, deliveries and statistics stay when A’s answers arrive last', async () => {
    const store = await opened();
    await store.getState().selectSubscription(null);
    const slowA = h.hold('GET', webhook(first));
    const selectingA = store.getState().selectSubscription(first);
    await slowA.arrived;
    await store.getState().selectSubscription(second);
    slowA.release();
    await selectingA;
    expect(store.getState()).toMatchObject({ selectedSubscriptionId: second, selectedSubscription: { id: second } });
    expect(store.getState().deliveries).toEqual(await engineDeliveries(second));
    expect(store.getState().subscriptionStats).toEqual(await engineStats(second));
  });

  it('statistics asked for A and answered after B was selected are dropped', async () => {
    const store = await opened();
    const slow = h.hold('GET', /^\/api\/webhooks\/[^/]+\/stats$/, (url) => url.pathname.includes(first));
    const refreshing = store.getState().refreshMonitoring();
    await slow.arrived;
    await store.getState().selectSubscription(second);
    slow.release();
    await refreshing;
    expect(store.getState().subscriptionStats).toEqual(await engineStats(second));
  });

  it('open delivery A, then B quickly: B’s attempts stay when A’s detail arrives last', async () => {
    await deliveryIn(h.t, onlyDelivery(await emit(h.t, 'project.created')), 'succeeded');
    const store = await opened();
    const [newest, older] = store.getState().deliveries as [DeliverySummary, DeliverySummary];
    const slow = h.hold('GET', new RegExp(`^/api/deliveries/${older.id}$`));
    const openingOlder = store.getState().toggleDelivery(older.id);
    await slow.arrived;
    await store.getState().toggleDelivery(newest.id);
    slow.release();
    await openingOlder;
    expect(store.getState()).toMatchObject({ expandedDeliveryId: newest.id, expandedDelivery: { id: newest.id } });
    await store.getState().toggleDelivery(newest.id);
    expect(store.getState()).toMatchObject({ expandedDeliveryId: null, expandedDelivery: null });
  });
});

describe('live deliveries', () => {
  it('a new delivery goes on top and opens; an update older than the one shown is ignored', async () => {
    const store = await opened();
    const id = onlyDelivery(await emit(h.t, 'project.created'));
    const done = await deliveryIn(h.t, id, 'succeeded');
    const { payload: _payload, attempts: _attempts, ...summary } = done;
    store.getState().applyDeliveryUpdates([summary]);
    expect(store.getState().deliveries[0]).toEqual(summary);
    await until(store, (state) => expect(state.expandedDelivery?.id).toBe(id));
    store.getState().applyDeliveryUpdates([{ ...summary, status: 'pending', updated_at: '2000-01-01T00:00:00.000Z' }]);
    expect(store.getState().deliveries[0]).toEqual(summary);
    // The list and statistics are re-read once the burst settles.
    await until(store, async (state) => expect(state.subscriptionStats).toEqual(await engineStats(first)));
  });
});

describe('changing subscriptions', () => {
  it('creates (and opens), disables, and deletes through the engine', async () => {
    const store = await opened();
    const saved = await store.getState().saveSubscription(null, { name: 'Made here', url: sink.url, events: ['project.created'] });
    expect(store.getState()).toMatchObject({ selectedSubscriptionId: saved.id, subscriptionFormMode: null });
    await until(store, (state) => expect(state.selectedSubscription?.id).toBe(saved.id));
    await store.getState().setSubscriptionStatus(saved.id, 'disabled');
    expect(store.getState().selectedSubscription?.status).toBe('disabled');
    expect(store.getState().subscriptions).toEqual(await engineList());
    await store.getState().deleteSubscription(saved.id);
    expect(store.getState().subscriptions.map((item) => item.id)).toEqual([first, second]);
    expect(store.getState().selectedSubscriptionId).toBe(first);
  });

  it('the engine’s refusal reaches the form with its message; a failed delete says why', async () => {
    const store = await opened();
    const refused = await h.t.api<ApiError>('POST', '/webhooks', { name: 'Bad', url: 'not a url', events: ['project.created'] });
    expect(refused.status).toBe(400);
    const error = await store
      .getState()
      .saveSubscription(null, { name: 'Bad', url: 'not a url', events: ['project.created'] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as Error).message).toBe(refused.body.error.message);
    h.setUnreachable(true);
    await store.getState().deleteSubscription(first);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['Could not delete the subscription: Engine unreachable']);
    expect(store.getState().subscriptions).toHaveLength(2);
  });
});

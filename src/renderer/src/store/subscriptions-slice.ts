import type { EventTypeInfo } from '../../../shared/api';
import type {
  DeliveryDetail,
  DeliveryStats,
  DeliveryStatsSeries,
  DeliverySummary,
  EmittedEvent,
  PlatformSettings,
  PlatformSettingsInput,
  RetryPreset,
  SubscriptionStatus,
  WebhookCreateInput,
  WebhookSubscription,
  WebhookSubscriptionListItem,
  WebhookUpdateInput,
} from '../../../shared/platform-api';
import { describeError } from '../api/errors';
import { platformApi } from '../api/platform-api';
import type { EmitRequest } from '../lib/emit-options';
import type { LoadStatus, SliceCreator } from './types';

const DELIVERY_PAGE = 50;
/** Bucket size of the 24 h chart: one bar per hour. */
export const SERIES_BUCKET_MINUTES = 60;
/** Live delivery updates arrive in bursts; stats and the list are re-read once the burst settles. */
const MONITORING_REFRESH_MS = 300;

export interface SubscriptionsSlice {
  subscriptions: WebhookSubscriptionListItem[];
  subscriptionsStatus: LoadStatus;
  subscriptionsError: string | null;
  selectedSubscriptionId: string | null;
  /** The selected subscription in full (with its secret), or null while loading. */
  selectedSubscription: WebhookSubscription | null;
  /** 'new': the create form; 'edit': the selected subscription's form; null: its detail. */
  subscriptionFormMode: 'new' | 'edit' | null;

  /** The selected subscription's deliveries, newest first. */
  deliveries: DeliverySummary[];
  deliveriesStatus: LoadStatus;
  expandedDeliveryId: string | null;
  expandedDelivery: DeliveryDetail | null;
  subscriptionStats: DeliveryStats | null;
  subscriptionSeries: DeliveryStatsSeries | null;

  platformSettings: PlatformSettings | null;
  retryPresets: RetryPreset[];
  /** Event types with fresh example payloads, for the emit panel. */
  platformEventTypes: EventTypeInfo[];

  loadSubscriptions: () => Promise<void>;
  /** Loads what the page needs the first time it is shown (and again after a reconnect). */
  openSubscriptionsPage: () => Promise<void>;
  selectSubscription: (id: string | null) => Promise<void>;
  openSubscriptionForm: (mode: 'new' | 'edit' | null) => void;
  /** Creates (id null) or updates; throws ApiRequestError so the form can show it inline. */
  saveSubscription: (id: string | null, input: WebhookCreateInput | WebhookUpdateInput) => Promise<WebhookSubscription>;
  setSubscriptionStatus: (id: string, status: SubscriptionStatus) => Promise<void>;
  deleteSubscription: (id: string) => Promise<void>;

  toggleDelivery: (id: string) => Promise<void>;
  retryDelivery: (id: string) => Promise<void>;
  refreshMonitoring: () => Promise<void>;
  /** Live `delivery-updated` events, batched per frame by the live bridge. */
  applyDeliveryUpdates: (updates: DeliverySummary[]) => void;

  savePlatformSettings: (input: PlatformSettingsInput) => Promise<PlatformSettings>;
  /** Throws so the emit panel can show the engine's message inline. */
  emitPlatformEvent: (request: EmitRequest) => Promise<EmittedEvent[]>;
}

function byNewest(a: DeliverySummary, b: DeliverySummary): number {
  return b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
}

function withoutSecret(subscription: WebhookSubscription): WebhookSubscriptionListItem {
  const { secret: _secret, ...rest } = subscription;
  return rest;
}

export const createSubscriptionsSlice: SliceCreator<SubscriptionsSlice> = (set, get) => {
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped on every selection, so answers for a previously selected subscription are dropped. */
  let selection = 0;
  /** Bumped on every list load (start, webhooks-changed, reconnect): only the latest answer is applied. */
  let listLoads = 0;

  const scheduleRefresh = () => {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void get().refreshMonitoring();
      void get().loadSubscriptions();
    }, MONITORING_REFRESH_MS);
  };

  /** Answers can arrive out of order; only the latest request's answer is applied. */
  let detailRequest = 0;
  const loadExpanded = async (id: string) => {
    detailRequest += 1;
    const mine = detailRequest;
    try {
      const detail = await platformApi.getDelivery(id);
      if (mine === detailRequest && get().expandedDeliveryId === id) set({ expandedDelivery: detail });
    } catch (error) {
      get().notifyError('Could not load the delivery', error);
    }
  };

  const expand = async (id: string) => {
    if (get().expandedDeliveryId !== id) set({ expandedDeliveryId: id, expandedDelivery: null });
    await loadExpanded(id);
  };

  return {
    subscriptions: [],
    subscriptionsStatus: 'idle',
    subscriptionsError: null,
    selectedSubscriptionId: null,
    selectedSubscription: null,
    subscriptionFormMode: null,
    deliveries: [],
    deliveriesStatus: 'idle',
    expandedDeliveryId: null,
    expandedDelivery: null,
    subscriptionStats: null,
    subscriptionSeries: null,
    platformSettings: null,
    retryPresets: [],
    platformEventTypes: [],

    loadSubscriptions: async () => {
      const mine = ++listLoads;
      if (get().subscriptionsStatus !== 'loaded') set({ subscriptionsStatus: 'loading' });
      try {
        const subscriptions = await platformApi.listWebhooks();
        if (mine !== listLoads) return;
        set({ subscriptions, subscriptionsStatus: 'loaded', subscriptionsError: null });
        const selected = get().selectedSubscriptionId;
        const listed = subscriptions.find((item) => item.id === selected);
        if (selected !== null && !listed) void get().selectSubscription(null);
        // The list has every field but the secret: keep the open subscription current (a 410 disables it).
        const full = get().selectedSubscription;
        if (listed && full && full.id === listed.id) set({ selectedSubscription: { ...listed, secret: full.secret } });
      } catch (error) {
        if (mine !== listLoads) return;
        set({ subscriptionsStatus: get().subscriptionsStatus === 'loaded' ? 'loaded' : 'error', subscriptionsError: describeError(error) });
      }
    },

    openSubscriptionsPage: async () => {
      const settings = platformApi.settings().then((platformSettings) => set({ platformSettings }));
      const presets = platformApi.retryPresets().then((retryPresets) => set({ retryPresets }));
      const types = platformApi.eventTypes().then((platformEventTypes) => set({ platformEventTypes }));
      await get().loadSubscriptions();
      const selected = get().selectedSubscriptionId ?? get().subscriptions[0]?.id ?? null;
      if (selected !== null && get().subscriptionFormMode !== 'new') await get().selectSubscription(selected);
      await Promise.all([settings, presets, types]).catch((error: unknown) =>
        get().notifyError('Could not load the simulator settings', error),
      );
    },

    selectSubscription: async (id) => {
      selection += 1;
      const mine = selection;
      const keep = id !== null && id === get().selectedSubscriptionId;
      set({
        selectedSubscriptionId: id,
        subscriptionFormMode: get().subscriptionFormMode === 'new' && id === null ? 'new' : null,
        ...(keep
          ? {}
          : {
              selectedSubscription: null,
              deliveries: [],
              deliveriesStatus: 'idle',
              expandedDeliveryId: null,
              expandedDelivery: null,
              subscriptionStats: null,
              subscriptionSeries: null,
            }),
      });
      if (id === null) return;
      try {
        const [subscription, page] = await Promise.all([platformApi.getWebhook(id), platformApi.listDeliveries(id, DELIVERY_PAGE)]);
        if (mine !== selection) return;
        set({ selectedSubscription: subscription, deliveries: page.data, deliveriesStatus: 'loaded' });
        // Open the newest delivery, so its attempts show without a click.
        const newest = page.data[0];
        if (get().expandedDeliveryId === null && newest) await expand(newest.id);
      } catch (error) {
        if (mine === selection) set({ deliveriesStatus: 'error' });
        get().notifyError('Could not load the subscription', error);
      }
      await get().refreshMonitoring();
    },

    openSubscriptionForm: (subscriptionFormMode) => set({ subscriptionFormMode }),

    saveSubscription: async (id, input) => {
      const saved = id === null ? await platformApi.createWebhook(input as WebhookCreateInput) : await platformApi.updateWebhook(id, input);
      const others = get().subscriptions.filter((item) => item.id !== saved.id);
      const listed = withoutSecret(saved);
      set({
        subscriptions: id === null ? [...others, listed] : get().subscriptions.map((item) => (item.id === saved.id ? listed : item)),
        subscriptionFormMode: null,
      });
      if (get().selectedSubscriptionId === saved.id) set({ selectedSubscription: saved });
      else await get().selectSubscription(saved.id);
      return saved;
    },

    setSubscriptionStatus: async (id, status) => {
      try {
        const saved = await platformApi.updateWebhook(id, { status });
        set({ subscriptions: get().subscriptions.map((item) => (item.id === id ? withoutSecret(saved) : item)) });
        if (get().selectedSubscriptionId === id) set({ selectedSubscription: saved });
      } catch (error) {
        get().notifyError(`Could not ${status === 'active' ? 'enable' : 'disable'} the subscription`, error);
      }
    },

    deleteSubscription: async (id) => {
      try {
        await platformApi.deleteWebhook(id);
        set({ subscriptions: get().subscriptions.filter((item) => item.id !== id) });
        if (get().selectedSubscriptionId === id) await get().selectSubscription(get().subscriptions[0]?.id ?? null);
      } catch (error) {
        get().notifyError('Could not delete the subscription', error);
      }
    },

    toggleDelivery: async (id) => {
      if (get().expandedDeliveryId === id) {
        set({ expandedDeliveryId: null, expandedDelivery: null });
        return;
      }
      await expand(id);
    },

    retryDelivery: async (id) => {
      try {
        const detail = await platformApi.retryDelivery(id);
        const { payload: _payload, attempts: _attempts, ...summary } = detail;
        get().applyDeliveryUpdates([summary]);
        set({ expandedDeliveryId: id, expandedDelivery: detail });
      } catch (error) {
        get().notifyError('Could not retry the delivery', error);
      }
    },

    refreshMonitoring: async () => {
      const id = get().selectedSubscriptionId;
      if (id === null) return;
      const mine = selection;
      try {
        const [subscriptionStats, subscriptionSeries] = await Promise.all([
          platformApi.stats(id),
          platformApi.series(id, SERIES_BUCKET_MINUTES),
        ]);
        if (mine === selection) set({ subscriptionStats, subscriptionSeries });
      } catch (error) {
        if (mine === selection) get().notifyError('Could not load delivery statistics', error);
      }
    },

    applyDeliveryUpdates: (updates) => {
      const selected = get().selectedSubscriptionId;
      const mine = updates.filter((update) => update.webhook_id === selected);
      if (updates.length > 0) scheduleRefresh(); // last_delivery_at and stats move with any delivery
      if (mine.length === 0) return;
      const byId = new Map(get().deliveries.map((delivery) => [delivery.id, delivery]));
      const fresh = mine.filter((update) => !byId.has(update.id));
      for (const update of mine) {
        const known = byId.get(update.id);
        // Updates can overtake each other; never let an older state replace a newer one.
        if (!known || known.updated_at <= update.updated_at) byId.set(update.id, update);
      }
      const deliveries = [...byId.values()].sort(byNewest).slice(0, Math.max(DELIVERY_PAGE, get().deliveries.length));
      set({ deliveries });
      // Follow the log like a tail: a new delivery opens; otherwise the open one stays current.
      const newest = [...fresh].sort(byNewest)[0];
      const expanded = get().expandedDeliveryId;
      if (newest) void expand(newest.id);
      else if (expanded !== null && mine.some((update) => update.id === expanded)) void loadExpanded(expanded);
    },

    savePlatformSettings: async (input) => {
      const platformSettings = await platformApi.updateSettings(input);
      set({ platformSettings });
      return platformSettings;
    },

    emitPlatformEvent: async (request) => {
      if (request.kind === 'single') return [await platformApi.emit(request.input)];
      return (await platformApi.emitBatch(request.input)).events;
    },
  };
};

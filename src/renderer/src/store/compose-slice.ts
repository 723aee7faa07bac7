import type { EventTypeInfo, SentRequest, SentSummary } from '../../../shared/api';
import { describeError } from '../api/errors';
import { sendApi } from '../api/send-api';
import { signaturesApi } from '../api/signatures-api';
import { buildSendInput, initialComposeDraft, parseEventBody, type ComposeDraft } from '../lib/compose-request';
import { sampleByName, sampleDraft } from '../lib/compose-sample';
import { templateText } from '../lib/event-schema';
import type { LoadStatus, SliceCreator } from './types';

const SENT_PAGE = 200;

export interface ComposeSlice {
  composeDraft: ComposeDraft;
  eventTypes: EventTypeInfo[];
  eventTypesStatus: LoadStatus;
  eventTypesError: string | null;
  /** Newest first. */
  sentList: SentSummary[];
  sentStatus: LoadStatus;
  /** Bumped by a clear: a page requested before it would bring deleted rows back. */
  sentEpoch: number;
  /**
   * Compose's own result panel: its last send or resend, or one picked from its Sent history.
   * Never another view's (a replay keeps its result in its dialog), so Compose never opens on it.
   */
  sentResult: SentRequest | null;
  /** The engine refused the request itself (bad input): shown in the result panel. */
  sendError: string | null;
  sending: boolean;
  /** Whether POST /api/events (platform fan-out) exists; null until checked. */
  canEmit: boolean | null;

  updateComposeDraft: (patch: Partial<ComposeDraft>) => void;
  loadEventTypes: () => Promise<void>;
  /** Picks an event type and loads a fresh template (new ids and timestamps) into the editor. */
  pickEventType: (type: string) => Promise<void>;
  /** Fills the draft with a provider's sample (`provider:event`); again for a fresh delivery id. */
  pickSample: (name: string) => void;
  /** A fresh key pair for the draft's key-pair scheme: the private key signs, the public key is shown. */
  generateComposeKeyPair: () => Promise<void>;
  sendComposed: () => Promise<void>;
  loadSent: () => Promise<void>;
  showSent: (id: number) => Promise<void>;
  resendSent: (id: number) => Promise<void>;
  /** The live `sent` event and local results both land here; replays from elsewhere too. */
  applySentSummary: (summary: SentSummary) => void;
  /** Shows Compose's own send in its result panel and adds it to the history without refetching. */
  recordSent: (sent: SentRequest) => void;
  /** Adds another view's send (a replay's) to the history, leaving Compose's result alone. */
  addSentToHistory: (sent: SentRequest) => void;
  deleteSent: (id: number) => Promise<void>;
  clearSent: () => Promise<void>;
  /** Applies a deletion made here or elsewhere (live `sent-deleted`). */
  removeSentLocally: (id: number) => void;
  clearSentLocally: () => void;
  checkCanEmit: () => Promise<void>;
  emitComposed: () => Promise<void>;
}

export function summaryOfSent(sent: SentRequest): SentSummary {
  return {
    id: sent.id,
    created_at: sent.created_at,
    source: sent.source,
    source_request_id: sent.source_request_id,
    source_sent_id: sent.source_sent_id,
    replay_mode: sent.replay_mode,
    method: sent.request.method,
    url: sent.request.url,
    event: sent.event,
    body_size: Math.floor((sent.request.body_base64.length * 3) / 4),
    signature: sent.signature,
    status: sent.response?.status ?? null,
    error_code: sent.error?.code ?? null,
    duration_ms: sent.duration_ms,
  };
}

function upsertSummary(list: SentSummary[], summary: SentSummary): SentSummary[] {
  const rest = list.filter((item) => item.id !== summary.id);
  return [summary, ...rest].sort((a, b) => b.id - a.id);
}

export const createComposeSlice: SliceCreator<ComposeSlice> = (set, get) => ({
  composeDraft: initialComposeDraft(),
  eventTypes: [],
  eventTypesStatus: 'idle',
  eventTypesError: null,
  sentList: [],
  sentStatus: 'idle',
  sentEpoch: 0,
  sentResult: null,
  sendError: null,
  sending: false,
  canEmit: null,

  updateComposeDraft: (patch) => set({ composeDraft: { ...get().composeDraft, ...patch } }),

  loadEventTypes: async () => {
    if (get().eventTypesStatus !== 'loaded') set({ eventTypesStatus: 'loading' });
    try {
      const eventTypes = await sendApi.eventTypes();
      set({ eventTypes, eventTypesStatus: 'loaded', eventTypesError: null });
      // First visit: the editor starts with the default type's template.
      const draft = get().composeDraft;
      const current = eventTypes.find((info) => info.type === draft.eventType) ?? eventTypes[0];
      if (draft.body === '' && draft.bodyMode === 'event' && current) {
        get().updateComposeDraft({ eventType: current.type, body: templateText(current) });
      }
    } catch (error) {
      set({ eventTypesStatus: get().eventTypesStatus === 'loaded' ? 'loaded' : 'error', eventTypesError: describeError(error) });
    }
  },

  pickEventType: async (type) => {
    get().updateComposeDraft({ eventType: type, bodyMode: 'event' });
    let eventTypes = get().eventTypes;
    try {
      // Every GET builds new templates: this is what makes each pick's ids and timestamps fresh.
      eventTypes = await sendApi.eventTypes();
      set({ eventTypes, eventTypesStatus: 'loaded', eventTypesError: null });
    } catch (error) {
      get().notifyError('Could not load a fresh template', error);
    }
    const info = eventTypes.find((item) => item.type === type);
    // The user may have picked another type while this was in flight.
    if (info && get().composeDraft.eventType === type) get().updateComposeDraft({ body: templateText(info) });
  },

  pickSample: (name) => {
    const sample = sampleByName(name);
    if (!sample) {
      get().notify('error', `No provider sample named ${name}.`);
      return;
    }
    get().updateComposeDraft(sampleDraft(sample, get().composeDraft, get().schemes));
  },

  generateComposeKeyPair: async () => {
    const scheme = get().composeDraft.scheme;
    try {
      const pair = await signaturesApi.keyPair(scheme);
      // The user may have chosen another scheme while this was in flight.
      if (get().composeDraft.scheme === scheme) get().updateComposeDraft({ secret: pair.private_key, publicKey: pair.public_key });
    } catch (error) {
      get().notifyError('Could not generate a key pair', error);
    }
  },

  sendComposed: async () => {
    const built = buildSendInput(get().composeDraft);
    if (built.input === null) {
      set({ sendError: built.error });
      return;
    }
    set({ sending: true, sendError: null });
    try {
      get().recordSent(await sendApi.send(built.input));
    } catch (error) {
      set({ sendError: describeError(error) });
    } finally {
      set({ sending: false });
    }
  },

  loadSent: async () => {
    if (get().sentStatus !== 'loaded') set({ sentStatus: 'loading' });
    try {
      const epoch = get().sentEpoch;
      const page = await sendApi.listSent(SENT_PAGE);
      if (get().sentEpoch !== epoch) {
        set({ sentStatus: 'loaded' });
        return;
      }
      const known = new Set(page.data.map((item) => item.id));
      // Live entries that arrived while the page was in flight stay.
      const newer = get().sentList.filter((item) => !known.has(item.id) && item.id > (page.data[0]?.id ?? 0));
      set({ sentList: [...newer, ...page.data], sentStatus: 'loaded' });
    } catch (error) {
      set({ sentStatus: get().sentStatus === 'loaded' ? 'loaded' : 'error' });
      get().notifyError('Could not load the Sent history', error);
    }
  },

  showSent: async (id) => {
    try {
      set({ sentResult: await sendApi.getSent(id), sendError: null });
    } catch (error) {
      get().notifyError(`Could not load sent request #${id}`, error);
    }
  },

  resendSent: async (id) => {
    set({ sending: true, sendError: null });
    try {
      get().recordSent(await sendApi.resend(id));
    } catch (error) {
      set({ sendError: describeError(error) });
    } finally {
      set({ sending: false });
    }
  },

  applySentSummary: (summary) => set({ sentList: upsertSummary(get().sentList, summary) }),

  recordSent: (sent) => {
    set({ sentResult: sent, sendError: null });
    get().addSentToHistory(sent);
  },

  addSentToHistory: (sent) => get().applySentSummary(summaryOfSent(sent)),

  deleteSent: async (id) => {
    try {
      await sendApi.deleteSent(id);
      get().removeSentLocally(id);
    } catch (error) {
      get().notifyError(`Could not delete sent request #${id}`, error);
    }
  },

  clearSent: async () => {
    try {
      await sendApi.clearSent();
      get().clearSentLocally();
    } catch (error) {
      get().notifyError('Could not clear the Sent history', error);
    }
  },

  removeSentLocally: (id) => {
    const { sentList, sentResult } = get();
    if (sentList.some((item) => item.id === id)) set({ sentList: sentList.filter((item) => item.id !== id) });
    if (sentResult?.id === id) set({ sentResult: null });
  },

  clearSentLocally: () => set({ sentList: [], sentResult: null, sentEpoch: get().sentEpoch + 1 }),

  checkCanEmit: async () => {
    if (get().canEmit !== null) return;
    set({ canEmit: await sendApi.canEmitEvents() });
  },

  emitComposed: async () => {
    const parsed = parseEventBody(get().composeDraft.body);
    if ('error' in parsed) {
      get().notify('error', `Cannot emit: ${parsed.error}`);
      return;
    }
    try {
      const emitted = await sendApi.emitEvent(parsed);
      const count = emitted.deliveries.length;
      get().notify(
        'info',
        count === 0
          ? `Emitted ${emitted.event} (${emitted.id}); no active subscription listens for it.`
          : `Emitted ${emitted.event} (${emitted.id}): ${count} ${count === 1 ? 'delivery' : 'deliveries'} queued.`,
      );
    } catch (error) {
      get().notifyError('Could not emit the event', error);
    }
  },
});

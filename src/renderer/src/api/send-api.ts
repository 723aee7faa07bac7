import type { ReplayInput, SendInput } from '../../../shared/api';
import { emitEvent, type EmitEventInput } from '../../../shared/contract/platform-events';
import { listWebhooks } from '../../../shared/contract/platform-subscriptions';
import { listEventTypes } from '../../../shared/contract/event-types';
import { clearSent, deleteSent, getSent, listSent, replayCapture, resendSent, sendRequest } from '../../../shared/contract/outbound';
import { api } from './http';

/** `:id` of a sent request or a capture, as the path takes it. */
const idParams = (id: number) => ({ id: String(id) });

/** The outbound side of the control API: event catalog, send, Sent history, replay, export. */
export const sendApi = {
  eventTypes: () => api.data(listEventTypes),

  send: (input: SendInput) => api.data(sendRequest, { body: input }),
  listSent: (limit: number) => api.call(listSent, { query: { limit: String(limit) } }),
  getSent: (id: number) => api.data(getSent, { params: idParams(id) }),
  resend: (id: number) => api.data(resendSent, { params: idParams(id), body: {} }),
  deleteSent: (id: number) => api.data(deleteSent, { params: idParams(id) }),
  clearSent: () => api.data(clearSent),

  replay: (captureId: number, input: ReplayInput) => api.data(replayCapture, { params: idParams(captureId), body: input }),

  emitEvent: (input: EmitEventInput) => api.data(emitEvent, { body: input }),

  /**
   * Whether the platform simulator (and with it POST /api/events) is there. Its routes come and
   * go together, so a read of its subscription list answers without emitting anything.
   */
  canEmitEvents: async (): Promise<boolean> => {
    try {
      await api.call(listWebhooks);
      return true;
    } catch {
      return false;
    }
  },
};

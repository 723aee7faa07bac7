import type { ReplayInput, SendInput } from '../../../shared/api';
import type { EmitEventInput, EmittedEvent } from '../../../shared/platform-api';
import { listEventTypes } from '../../../shared/contract/event-types';
import { clearSent, deleteSent, getSent, listSent, replayCapture, resendSent, sendRequest } from '../../../shared/contract/outbound';
import { api, requestJson } from './http';

/** `:id` of a sent request or a capture, as the path takes it. */
const idParams = (id: number) => ({ id: String(id) });

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

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

  emitEvent: (input: EmitEventInput) => data(requestJson<DataEnvelope<EmittedEvent>>('POST', '/events', input)),

  /**
   * Whether the platform simulator (and with it POST /api/events) is there. Its routes come and
   * go together, so a read of its subscription list answers without emitting anything.
   */
  canEmitEvents: async (): Promise<boolean> => {
    try {
      await requestJson<unknown>('GET', '/webhooks');
      return true;
    } catch {
      return false;
    }
  },
};

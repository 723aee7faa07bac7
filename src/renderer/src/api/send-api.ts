import type { EventTypeInfo, ReplayInput, SendInput, SentPage, SentRequest } from '../../../shared/api';
import type { EmitEventInput, EmittedEvent } from '../../../shared/platform-api';
import { requestJson } from './http';

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

/** The outbound side of the control API: event catalog, send, Sent history, replay, export. */
export const sendApi = {
  eventTypes: () => data(requestJson<DataEnvelope<EventTypeInfo[]>>('GET', '/event-types')),

  send: (input: SendInput) => data(requestJson<DataEnvelope<SentRequest>>('POST', '/send', input)),
  listSent: (limit: number) => requestJson<SentPage>('GET', `/sent?limit=${limit}`),
  getSent: (id: number) => data(requestJson<DataEnvelope<SentRequest>>('GET', `/sent/${id}`)),
  resend: (id: number) => data(requestJson<DataEnvelope<SentRequest>>('POST', `/sent/${id}/resend`, {})),
  deleteSent: (id: number) => requestJson<unknown>('DELETE', `/sent/${id}`),
  clearSent: () => requestJson<unknown>('DELETE', '/sent'),

  replay: (captureId: number, input: ReplayInput) =>
    data(requestJson<DataEnvelope<SentRequest>>('POST', `/requests/${captureId}/replay`, input)),

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

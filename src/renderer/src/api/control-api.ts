import type {
  ClearResult,
  Endpoint,
  EndpointInput,
  Health,
  RequestDetail,
  RequestPage,
  RequestSummary,
  RequestUpdate,
  RetentionSettings,
  RetentionState,
  SnsConfirmResult,
} from '../../../shared/api';
import { requestJson } from './http';

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

/** Typed wrappers, one per control API operation the renderer uses. */
export const controlApi = {
  health: () => data(requestJson<DataEnvelope<Health>>('GET', '/health')),

  /** `q` is a history query ('' for every capture); paging with `before` keeps it. */
  listRequests: (limit: number, before: number | null, q: string) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before !== null) query.set('before', String(before));
    if (q !== '') query.set('q', q);
    return requestJson<RequestPage>('GET', `/requests?${query.toString()}`);
  },
  getRequest: (id: number) => data(requestJson<DataEnvelope<RequestDetail>>('GET', `/requests/${id}`)),
  updateRequest: (id: number, update: RequestUpdate) => data(requestJson<DataEnvelope<RequestSummary>>('PUT', `/requests/${id}`, update)),
  deleteRequest: (id: number) => requestJson<unknown>('DELETE', `/requests/${id}`),
  /** Visits an SNS SubscriptionConfirmation's SubscribeURL (the user clicked Confirm). */
  confirmSns: (id: number) => data(requestJson<DataEnvelope<SnsConfirmResult>>('POST', `/requests/${id}/sns-confirm`)),
  /** Deletes every unpinned capture. */
  clearRequests: () => data(requestJson<DataEnvelope<ClearResult>>('DELETE', '/requests')),

  getRetention: () => data(requestJson<DataEnvelope<RetentionState>>('GET', '/settings/retention')),
  updateRetention: (settings: Partial<RetentionSettings>) =>
    data(requestJson<DataEnvelope<RetentionState>>('PUT', '/settings/retention', settings)),

  listEndpoints: () => data(requestJson<DataEnvelope<Endpoint[]>>('GET', '/endpoints')),
  createEndpoint: (input: EndpointInput) => data(requestJson<DataEnvelope<Endpoint>>('POST', '/endpoints', input)),
  updateEndpoint: (id: string, input: EndpointInput) =>
    data(requestJson<DataEnvelope<Endpoint>>('PUT', `/endpoints/${encodeURIComponent(id)}`, input)),
  deleteEndpoint: (id: string) => requestJson<unknown>('DELETE', `/endpoints/${encodeURIComponent(id)}`),
};

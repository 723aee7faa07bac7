import type {
  ClearResult,
  EndpointInput,
  RequestDetail,
  RequestPage,
  RequestSummary,
  RequestUpdate,
  RetentionSettings,
  SnsConfirmResult,
} from '../../../shared/api';
import { api, requestJson } from './http';
import { getHealth } from '../../../shared/contract/health';
import { getRetention, updateRetention } from '../../../shared/contract/retention';
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  updateEndpoint,
  type EndpointCreateInput,
} from '../../../shared/contract/endpoints';

interface DataEnvelope<T> {
  data: T;
}

async function data<T>(promise: Promise<DataEnvelope<T>>): Promise<T> {
  return (await promise).data;
}

/** Typed wrappers, one per control API operation the renderer uses. */
export const controlApi = {
  health: () => api.data(getHealth),

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

  getRetention: () => api.data(getRetention),
  updateRetention: (settings: Partial<RetentionSettings>) => api.data(updateRetention, { body: settings }),

  listEndpoints: () => api.data(listEndpoints),
  createEndpoint: (input: EndpointCreateInput) => api.data(createEndpoint, { body: input }),
  updateEndpoint: (id: string, input: EndpointInput) => api.data(updateEndpoint, { params: { id }, body: input }),
  deleteEndpoint: (id: string) => api.data(deleteEndpoint, { params: { id } }),
};

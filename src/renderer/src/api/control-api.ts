import type {
  Endpoint,
  EndpointInput,
  Health,
  RequestDetail,
  RequestPage,
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

  listRequests: (limit: number, before: number | null) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before !== null) query.set('before', String(before));
    return requestJson<RequestPage>('GET', `/requests?${query.toString()}`);
  },
  getRequest: (id: number) => data(requestJson<DataEnvelope<RequestDetail>>('GET', `/requests/${id}`)),
  deleteRequest: (id: number) => requestJson<unknown>('DELETE', `/requests/${id}`),
  clearRequests: () => requestJson<unknown>('DELETE', '/requests'),

  listEndpoints: () => data(requestJson<DataEnvelope<Endpoint[]>>('GET', '/endpoints')),
  createEndpoint: (input: EndpointInput) =>
    data(requestJson<DataEnvelope<Endpoint>>('POST', '/endpoints', input)),
  updateEndpoint: (id: string, input: EndpointInput) =>
    data(requestJson<DataEnvelope<Endpoint>>('PUT', `/endpoints/${encodeURIComponent(id)}`, input)),
  deleteEndpoint: (id: string) => requestJson<unknown>('DELETE', `/endpoints/${encodeURIComponent(id)}`),

  /** Not part of the contract yet; callers fall back when it is missing. */
  listSchemes: () => data(requestJson<DataEnvelope<unknown[]>>('GET', '/schemes')),
};

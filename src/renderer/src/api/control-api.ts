import type { EndpointInput, RequestUpdate, RetentionSettings } from '../../../shared/api';
import { api } from './http';
import { getHealth } from '../../../shared/contract/health';
import { getRetention, updateRetention } from '../../../shared/contract/retention';
import {
  createEndpoint,
  deleteEndpoint,
  listEndpoints,
  updateEndpoint,
  type EndpointCreateInput,
} from '../../../shared/contract/endpoints';
import { clearRequests, confirmSns, deleteRequest, getRequest, listRequests, updateRequest } from '../../../shared/contract/history';

/** `:id` of a capture, as its path takes it. */
const capture = (id: number) => ({ id: String(id) });

/** Typed wrappers, one per control API operation the renderer uses. */
export const controlApi = {
  health: () => api.data(getHealth),

  /** `q` is a history query ('' for every capture); paging with `before` keeps it. */
  listRequests: (limit: number, before: number | null, q: string) =>
    api.call(listRequests, {
      query: { limit: String(limit), before: before === null ? undefined : String(before), q: q === '' ? undefined : q },
    }),
  getRequest: (id: number) => api.data(getRequest, { params: capture(id) }),
  updateRequest: (id: number, update: RequestUpdate) => api.data(updateRequest, { params: capture(id), body: update }),
  deleteRequest: (id: number) => api.data(deleteRequest, { params: capture(id) }),
  /** Visits an SNS SubscriptionConfirmation's SubscribeURL (the user clicked Confirm). */
  confirmSns: (id: number) => api.data(confirmSns, { params: capture(id) }),
  /** Deletes every unpinned capture. */
  clearRequests: () => api.data(clearRequests),

  getRetention: () => api.data(getRetention),
  updateRetention: (settings: Partial<RetentionSettings>) => api.data(updateRetention, { body: settings }),

  listEndpoints: () => api.data(listEndpoints),
  createEndpoint: (input: EndpointCreateInput) => api.data(createEndpoint, { body: input }),
  updateEndpoint: (id: string, input: EndpointInput) => api.data(updateEndpoint, { params: { id }, body: input }),
  deleteEndpoint: (id: string) => api.data(deleteEndpoint, { params: { id } }),
};

import type { ManagedTunnelProvider, Tunnel, TunnelProvider } from '../../../shared/api';
import { requestJson } from './http';

interface DataEnvelope<T> {
  data: T;
}

/** The tunnels: detected and started ones, with their public URLs. */
export const tunnelsApi = {
  list: async () => (await requestJson<DataEnvelope<Tunnel[]>>('GET', '/tunnels')).data,
  /** Answers once the public URL is known (up to 30 s); a missing binary is a 424 carrying `install`. */
  start: async (provider: ManagedTunnelProvider) => (await requestJson<DataEnvelope<Tunnel>>('POST', '/tunnels', { provider })).data,
  stop: async (provider: TunnelProvider) => (await requestJson<DataEnvelope<Tunnel>>('DELETE', `/tunnels/${provider}`)).data,
};

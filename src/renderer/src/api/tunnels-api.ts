import { listTunnels, startTunnel, stopTunnel, type ManagedTunnelProvider, type TunnelProvider } from '../../../shared/contract/tunnels';
import { api } from './http';

/** The tunnels: detected and started ones, with their public URLs. */
export const tunnelsApi = {
  list: () => api.data(listTunnels),
  /** Answers once the public URL is known (up to 30 s); a missing binary is a 424 carrying `install` (tunnelInstallHelpOf). */
  start: (provider: ManagedTunnelProvider) => api.data(startTunnel, { body: { provider } }),
  stop: (provider: TunnelProvider) => api.data(stopTunnel, { params: { provider } }),
};

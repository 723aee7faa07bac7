import type { TunnelProvider } from '../../../shared/api';

/** A tunnel as a detector or a managed process sees it, before this receiver's view is added. */
export interface SeenTunnel {
  provider: TunnelProvider;
  public_url: string | null;
  target_url: string | null;
  status: 'online' | 'offline' | 'starting' | 'error';
  error: string | null;
}

/** Where tunnels are looked for and how often; every field has a default (see TunnelService). */
export interface TunnelOptions {
  /** ngrok's agent API (`--ngrok-api`, HOOKSCOPE_NGROK_API); default http://127.0.0.1:4040. */
  ngrokApi?: string;
  /**
   * The metrics server of a cloudflared the user started (`--cloudflared-metrics`); by default
   * cloudflared's own default addresses, 127.0.0.1:20241-20245.
   */
  cloudflaredMetrics?: string;
  /** PATH, HOOKSCOPE_CLOUDFLARED, HOOKSCOPE_NGROK are read here (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Between two detection rounds (default 3 s). */
  pollMs?: number;
  /** Polling goes on this long after the last API call while no live stream is connected (default 30 s). */
  idleMs?: number;
  /** Between two self-checks of one tunnel (default 30 s). */
  selfCheckMs?: number;
  /** The self-check's fetch (default the global one): tests keep it on this machine. */
  fetch?: typeof fetch;
  /** How long a managed tunnel may take to report its URL (default 30 s). */
  startTimeoutMs?: number;
}

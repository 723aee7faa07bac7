/** Tunnels: the public URL senders call (GET/POST/DELETE /api/tunnels). */
import { Value } from 'typebox/value';
import { ApiRequestError } from './errors';
import { Data, Nullable, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';

export const TUNNEL_PROVIDERS = ['cloudflared', 'ngrok', 'tailscale'] as const;
/** The providers Hookscope can start itself (POST /api/tunnels); Tailscale Funnel is only detected. */
export const MANAGED_TUNNEL_PROVIDERS = ['cloudflared', 'ngrok'] as const;

export const TunnelProvider = StringEnum(TUNNEL_PROVIDERS);
export type TunnelProvider = Static<typeof TunnelProvider>;
export const ManagedTunnelProvider = StringEnum(MANAGED_TUNNEL_PROVIDERS);
export type ManagedTunnelProvider = Static<typeof ManagedTunnelProvider>;

export const ListenerHealth = Type.Object(
  {
    status: StringEnum(['ok', 'unreachable', 'unchecked'], {
      description: '`unchecked` until the first check, and while the tunnel is not online or points elsewhere.',
    }),
    error: Nullable(Type.String(), { description: 'Why it is unreachable (the error, or what answered instead of this receiver).' }),
    checked_at: Nullable(Type.String()),
  },
  { description: 'Whether the receiver answers through the tunnel’s public URL (a self-check request, never captured).' },
);
export type ListenerHealth = Static<typeof ListenerHealth>;

export const Tunnel = Type.Object(
  {
    provider: TunnelProvider,
    public_url: Nullable(Type.String(), { description: 'The URL senders call; null while a managed tunnel is starting.' }),
    target_url: Nullable(Type.String(), {
      description: "Where the tunnel forwards to, as the provider reports it; null when it does not say (cloudflared's metrics).",
    }),
    status: StringEnum(['online', 'offline', 'starting', 'error']),
    points_here: Type.Boolean({
      description:
        "The tunnel forwards to this receiver: its target is the receiver's port on a loopback address or on the receiver's bind address. False when the target is unknown (cloudflared's metrics).",
    }),
    managed: Type.Boolean({
      description: 'Started by Hookscope (POST /api/tunnels): it can be stopped here and stops when Hookscope quits.',
    }),
    error: Nullable(Type.String(), {
      description: "Why it is offline or in error (with the process's last output lines for a managed tunnel).",
    }),
    output: Type.Array(Type.String(), {
      description: "A managed tunnel's last output lines (stdout and stderr), oldest first; [] for detected ones.",
    }),
    previous_public_url: Nullable(Type.String(), {
      description:
        'The public URL this provider had before (last session or earlier in this one) when it changed: a quick tunnel gets a new URL at every start, and providers still call the old one.',
    }),
    listener: ListenerHealth,
  },
  { description: 'One tunnel, detected (ngrok agent API, cloudflared metrics, Tailscale Funnel) or started by Hookscope.' },
);
export type Tunnel = Static<typeof Tunnel>;

export const TunnelInstallHelp = Type.Object(
  {
    provider: ManagedTunnelProvider,
    platform: Type.String({ description: 'The OS the instructions are for (process.platform).' }),
    command: Nullable(Type.String(), { description: 'A command to run, when a package manager has it; null otherwise.' }),
    url: Type.String({ description: 'Where to download it.' }),
    env_var: Type.String({ description: "The environment variable naming the binary's path, for an install outside PATH." }),
  },
  { description: 'The `install` field of a 424 `tunnel_unavailable` error: how to get the binary on this OS.' },
);
export type TunnelInstallHelp = Static<typeof TunnelInstallHelp>;

/** The fields a 424 `tunnel_unavailable` error adds to `code` and `message`. */
export const TunnelUnavailableDetails = Type.Object({ install: TunnelInstallHelp });
export type TunnelUnavailableDetails = Static<typeof TunnelUnavailableDetails>;

/** How to install the missing binary, when `error` is the 424 `tunnel_unavailable` of a start; else null. */
export function tunnelInstallHelpOf(error: unknown): TunnelInstallHelp | null {
  if (!(error instanceof ApiRequestError)) return null;
  const install: unknown = error.details.install;
  return Value.Check(TunnelInstallHelp, install) ? install : null;
}

const tags = ['tunnels'];

export const listTunnels = defineOperation({
  method: 'GET',
  url: '/api/tunnels',
  operationId: 'listTunnels',
  summary:
    'the tunnels leading to this machine: `{"data": [{provider: "ngrok" | "cloudflared" | "tailscale", public_url, target_url, status: "online" | "offline" | "starting" | "error", points_here, managed, error, output: [last lines], previous_public_url, listener: {status: "ok" | "unreachable" | "unchecked", error, checked_at}}]}` (see [Tunnels](#tunnels))',
  tags,
  responses: { 200: Data(Type.Array(Tunnel)) },
});

export const startTunnel = defineOperation({
  method: 'POST',
  url: '/api/tunnels',
  operationId: 'startTunnel',
  summary:
    '`{"provider": "cloudflared" | "ngrok"}`: start one → 201 the tunnel once its URL is known; 409 `tunnel_running`, 409 `tunnel_stopped` (a `DELETE` came first), 424 `tunnel_unavailable` (with `install`), 502 `tunnel_failed` / 504 `tunnel_timeout` quoting its output, 503 `shutting_down`',
  description:
    'Answers once the public URL is known (up to 30 s). A missing binary is a 424 `tunnel_unavailable` whose error also carries `install` `{provider, platform, command, url, env_var}`.',
  tags,
  body: Type.Object({ provider: ManagedTunnelProvider }, { additionalProperties: false }),
  responses: { 201: Data(Tunnel) },
});

export const stopTunnel = defineOperation({
  method: 'DELETE',
  url: '/api/tunnels/:provider',
  operationId: 'stopTunnel',
  summary: 'stop a tunnel Hookscope started (one still starting too) → the tunnel, `offline`; 409 `tunnel_not_managed`, 404 when none runs',
  tags,
  params: Type.Object({ provider: TunnelProvider }),
  responses: { 200: Data(Tunnel) },
});

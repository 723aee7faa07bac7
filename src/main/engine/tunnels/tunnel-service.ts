import type { ListenerHealth, ManagedTunnelProvider, Tunnel, TunnelProvider } from '../../../shared/api';
import { ApiError } from '../control/errors';
import type { LiveHub } from '../live-hub';
import type { Logger } from '../logging/engine-log';
import { DEFAULT_METRICS_ADDRESSES, detectCloudflared } from './detect-cloudflared';
import { DEFAULT_NGROK_API, detectNgrok } from './detect-ngrok';
import { detectTailscale } from './detect-tailscale';
import { findBinary } from './find-binary';
import { BINARY_ENV, installHelp, installMessage } from './install-help';
import { targetsPort } from './loopback';
import { ManagedTunnel } from './managed-tunnel';
import { selfCheck } from './self-check';
import type { SelfCheckMark } from './self-check-mark';
import type { SeenTunnel, TunnelOptions } from './types';
import { UrlMemory } from './url-memory';

const TAILSCALE_EVERY_MS = 15_000;
const UNCHECKED: ListenerHealth = { status: 'unchecked', error: null, checked_at: null };
const shuttingDown = () => new ApiError(503, 'shutting_down', 'Hookscope is shutting down.');

export interface TunnelServiceDeps {
  live: LiveHub;
  dataDir: string;
  /** The address the receiver listens on and its port (known once it listens). */
  receiver: () => { host: string; port: number };
  mark: SelfCheckMark;
  /** With the environment's agent addresses already applied (withAgentAddressesFromEnv). */
  options?: TunnelOptions;
  /** Starts and stops of the tunnels Hookscope runs go to the engine's log. */
  log?: Logger;
}

/**
 * The tunnels that lead to this machine: detected ones (ngrok's agent API, a cloudflared metrics
 * server, Tailscale Funnel) and the ones Hookscope started. Detection polls only while someone
 * watches (a live stream is connected, or the API was asked recently); changes go out as
 * `tunnels-changed`.
 */
export class TunnelService {
  private readonly managed = new Map<ManagedTunnelProvider, ManagedTunnel>();
  private detected: SeenTunnel[] = [];
  private readonly health = new Map<string, ListenerHealth>();
  private readonly checking = new Set<string>();
  private readonly memory: UrlMemory;
  private readonly env: NodeJS.ProcessEnv;
  private readonly options: TunnelOptions;
  private readonly pollMs: number;
  private readonly selfCheckMs: number;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private polledAt = 0;
  private tailscale: SeenTunnel[] = [];
  private tailscaleAt = 0;
  private askedAt = 0;
  private published = '[]';
  private closed = false;

  constructor(private readonly deps: TunnelServiceDeps) {
    this.memory = new UrlMemory(deps.dataDir);
    this.options = deps.options ?? {};
    this.env = this.options.env ?? process.env;
    this.pollMs = this.options.pollMs ?? 3000;
    this.selfCheckMs = this.options.selfCheckMs ?? 30_000;
    deps.live.onSubscribe(() => this.watch());
  }

  /** GET /api/tunnels: detects now when the last round is older than the poll interval. */
  async list(): Promise<Tunnel[]> {
    this.askedAt = Date.now();
    if (Date.now() - this.polledAt >= this.pollMs) await this.poll();
    this.watch();
    return this.view();
  }

  /**
   * POST /api/tunnels: answers once the public URL is known. A stop meanwhile (DELETE, or the
   * engine closing) cancels it: nothing is spawned after that, and the answer is 409 `tunnel_stopped`.
   */
  async start(provider: ManagedTunnelProvider): Promise<Tunnel> {
    if (this.closed) throw shuttingDown();
    this.askedAt = Date.now();
    const existing = this.managed.get(provider);
    if (existing?.running) {
      const where = existing.publicUrl ? ` (${existing.publicUrl})` : '';
      throw new ApiError(
        409,
        'tunnel_running',
        `A ${provider} tunnel started by Hookscope is already running${where}. Stop it first with DELETE /api/tunnels/${provider}.`,
      );
    }
    const binary = findBinary(provider, this.env, BINARY_ENV[provider]);
    if (binary === null) {
      const install = installHelp(provider);
      throw new ApiError(424, 'tunnel_unavailable', installMessage(install, this.env[BINARY_ENV[provider]]), { install });
    }
    // Listed (as `starting`) from here on, with nothing awaited before: close() and DELETE see it.
    const tunnel = new ManagedTunnel({
      provider,
      binary,
      receiver: this.deps.receiver(),
      env: this.env,
      startTimeoutMs: this.options.startTimeoutMs ?? 30_000,
      onChange: () => this.publish(),
    });
    this.managed.set(provider, tunnel);
    this.publish();
    this.watch();
    try {
      await tunnel.run();
      this.deps.log?.info({ provider, public_url: tunnel.publicUrl }, `${provider} tunnel started`);
    } catch (error) {
      this.deps.log?.warn({ provider, err: error }, `${provider} tunnel did not start`);
      if (this.closed && error instanceof ApiError && error.code === 'tunnel_stopped') throw shuttingDown();
      throw error;
    } finally {
      // Online, or offline / in error with why: either way the list changed.
      this.publish();
    }
    return this.tunnelView(tunnel.toSeen(), tunnel);
  }

  /** DELETE /api/tunnels/:provider: stops (and forgets) a tunnel Hookscope started, and only those. */
  async stop(provider: TunnelProvider): Promise<Tunnel> {
    const tunnel = provider === 'tailscale' ? undefined : this.managed.get(provider);
    if (tunnel === undefined) {
      if (this.detected.some((seen) => seen.provider === provider)) {
        const how = provider === 'tailscale' ? 'run `tailscale funnel reset`' : `stop it where it was started`;
        throw new ApiError(
          409,
          'tunnel_not_managed',
          `This ${provider} tunnel was not started by Hookscope, so Hookscope does not stop it: ${how}.`,
        );
      }
      throw new ApiError(404, 'not_found', `No ${provider} tunnel started by Hookscope is running (GET /api/tunnels lists the tunnels).`);
    }
    await tunnel.stop();
    this.deps.log?.info({ provider }, `${provider} tunnel stopped`);
    const stopped = this.tunnelView(tunnel.toSeen(), tunnel);
    // A start after this stop began may have put a new tunnel in its place: that one stays.
    if (this.managed.get(provider as ManagedTunnelProvider) === tunnel) this.managed.delete(provider as ManagedTunnelProvider);
    this.publish();
    return stopped;
  }

  /** Stops every tunnel Hookscope started, those still starting too, and the polling (engine.close()). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.managed.values()].map((tunnel) => tunnel.stop()));
    if (this.managed.size > 0) this.deps.log?.info({ providers: [...this.managed.keys()] }, 'tunnels started by Hookscope stopped');
    await this.round;
  }

  /** Someone watches: keep polling (it stops by itself once nobody does). */
  private watch(): void {
    if (this.closed || this.timer !== null) return;
    this.timer = setTimeout(
      () => {
        void this.poll().finally(() => {
          this.timer = null;
          if (this.deps.live.size > 0 || Date.now() - this.askedAt < (this.options.idleMs ?? 30_000)) this.watch();
        });
      },
      Math.max(0, this.pollMs - (Date.now() - this.polledAt)),
    );
  }

  private poll(): Promise<void> {
    this.round ??= (async () => {
      const options = this.options;
      // `tailscale` is a process to start, not a socket to ask: it is asked less often.
      const askTailscale = Date.now() - this.tailscaleAt >= Math.max(this.pollMs, TAILSCALE_EVERY_MS);
      const found = await Promise.all([
        detectNgrok(options.ngrokApi ?? DEFAULT_NGROK_API),
        detectCloudflared(options.cloudflaredMetrics ? [options.cloudflaredMetrics] : DEFAULT_METRICS_ADDRESSES),
        askTailscale ? detectTailscale(this.env) : Promise.resolve(this.tailscale),
      ]);
      if (askTailscale) {
        this.tailscale = found[2];
        this.tailscaleAt = Date.now();
      }
      this.detected = found.flat();
      this.polledAt = Date.now();
      this.publish();
    })().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /** Managed tunnels first; a detected tunnel that is one of them (ngrok lists ours too) is not repeated. */
  view(): Tunnel[] {
    const tunnels: Tunnel[] = [];
    const ours = new Set<string>();
    for (const tunnel of this.managed.values()) {
      if (tunnel.publicUrl) ours.add(tunnel.publicUrl);
      tunnels.push(this.tunnelView(tunnel.toSeen(), tunnel));
    }
    for (const seen of this.detected) {
      if (seen.public_url === null || !ours.has(seen.public_url)) tunnels.push(this.tunnelView(seen, null));
    }
    return tunnels;
  }

  /**
   * One tunnel as the API shows it. Building it is also when a due self-check starts and a new
   * public URL is remembered: both matter only while someone looks, which is when views are built.
   */
  private tunnelView(seen: SeenTunnel, managed: ManagedTunnel | null): Tunnel {
    const { host, port } = this.deps.receiver();
    const online = seen.status === 'online' && seen.public_url !== null;
    // Only a tunnel known to lead here is self-checked: a check sent where the target is unknown
    // (cloudflared's metrics do not say) would go to whatever host a local port names.
    const pointsHere = targetsPort(seen.target_url, port, host);
    const health = online && pointsHere ? (this.health.get(seen.public_url as string) ?? UNCHECKED) : UNCHECKED;
    if (online && pointsHere) {
      this.scheduleSelfCheck(seen.public_url as string);
      this.memory.see(seen.provider, seen.public_url as string);
    }
    return {
      ...seen,
      points_here: pointsHere,
      managed: managed !== null,
      output: managed?.lastLines ?? [],
      previous_public_url: this.memory.previous(seen.provider, seen.public_url),
      listener: health,
    };
  }

  private scheduleSelfCheck(url: string): void {
    const last = this.health.get(url)?.checked_at;
    if (this.closed || this.checking.has(url) || (last && Date.now() - Date.parse(last) < this.selfCheckMs)) return;
    this.checking.add(url);
    void selfCheck(url, this.deps.mark, this.options.fetch).then((result) => {
      this.checking.delete(url);
      this.health.set(url, result);
      this.publish();
    });
  }

  private publish(): void {
    if (this.closed) return;
    const tunnels = this.view();
    const text = JSON.stringify(tunnels);
    if (text === this.published) return;
    this.published = text;
    this.deps.live.publish({ type: 'tunnels-changed', data: tunnels });
  }
}

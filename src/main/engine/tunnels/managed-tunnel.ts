import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { ManagedTunnelProvider } from '../../../shared/api';
import { ApiError } from '../control/errors';
import { quickTunnelUrl } from './detect-cloudflared';
import { detectNgrok } from './detect-ngrok';
import { withScheme } from './addresses';
import { killOnExit } from './child-reaper';
import { reachableHost, targetsPort, urlHost } from './loopback';
import { OutputLines } from './output-lines';
import { spawnPlan, type SpawnPlan } from './spawn-plan';
import { OutputReader } from './url-from-output';
import type { SeenTunnel } from './types';

const URL_POLL_MS = 300;
const STOP_GRACE_MS = 3000;

export interface ManagedTunnelOptions {
  provider: ManagedTunnelProvider;
  binary: string;
  /** The address the receiver listens on (as the socket reports it) and its port. */
  receiver: { host: string; port: number };
  env: NodeJS.ProcessEnv;
  startTimeoutMs: number;
  /** Called on every change of status, URL or output worth showing. */
  onChange: () => void;
}

/** A free TCP port on 127.0.0.1 for cloudflared's metrics server (which serves /quicktunnel). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A tunnel process Hookscope started: cloudflared's quick tunnel or `ngrok http`. Its public URL
 * comes from the process's own local API (cloudflared's metrics /quicktunnel, ngrok's agent API)
 * or from what it prints, whichever says it first.
 */
export class ManagedTunnel {
  status: SeenTunnel['status'] = 'starting';
  publicUrl: string | null = null;
  error: string | null = null;
  readonly targetUrl: string;
  private readonly output: OutputLines;
  private readonly reader = new OutputReader();
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Set by stop(): a start still under way gives up (before or after spawning). */
  private stopping = false;
  private metricsAddress: string | null = null;
  private readonly bareNgrokPort: boolean;

  constructor(private readonly options: ManagedTunnelOptions) {
    const { host, port } = options.receiver;
    const reachable = reachableHost(host);
    // `ngrok http <port>` forwards to localhost:<port>; any other address is given in full.
    this.bareNgrokPort = options.provider === 'ngrok' && reachable === '127.0.0.1';
    this.targetUrl = this.bareNgrokPort ? `http://localhost:${port}` : `http://${urlHost(reachable)}:${port}`;
    this.output = new OutputLines(20, (line) => this.reader.read(line));
  }

  /** The arguments: cloudflared's quick tunnel with a metrics server of its own, or `ngrok http`. */
  private argv(metricsPort: number | null): string[] {
    if (this.options.provider === 'cloudflared') {
      this.metricsAddress = `127.0.0.1:${metricsPort}`;
      return ['tunnel', '--url', this.targetUrl, '--metrics', this.metricsAddress];
    }
    // Without a terminal ngrok prints nothing; its log on stdout names its API address, its URL
    // and, above all, why it failed (a missing authtoken, a limit reached).
    return ['http', this.bareNgrokPort ? String(this.options.receiver.port) : this.targetUrl, '--log', 'stdout', '--log-format', 'logfmt'];
  }

  get lastLines(): string[] {
    return this.output.last();
  }

  toSeen(): SeenTunnel {
    return {
      provider: this.options.provider,
      public_url: this.publicUrl,
      target_url: this.targetUrl,
      status: this.status,
      error: this.error,
    };
  }

  /** Starts the process and resolves once its public URL is known; rejects with an ApiError naming what it printed. */
  async run(): Promise<void> {
    const { provider, binary, env } = this.options;
    const argv = this.argv(provider === 'cloudflared' ? await freePort() : null);
    // Stopped (DELETE, or the engine closing) while the port was chosen: nothing is spawned.
    if (this.stopping) throw this.stoppedBeforeReady();
    let plan: SpawnPlan;
    try {
      plan = spawnPlan(binary, argv);
    } catch (error) {
      this.status = 'error';
      this.error = (error as Error).message;
      throw new ApiError(502, 'tunnel_failed', this.error);
    }
    const child = spawn(plan.command, plan.args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, shell: plan.shell });
    this.child = child;
    killOnExit(child);
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk));
    let exitReason: string | null = null;
    this.exited = new Promise<void>((resolve) => {
      const finish = (reason: string) => {
        if (exitReason !== null) return;
        exitReason = reason;
        this.output.end();
        this.status = 'offline';
        this.error = this.stopping ? null : `${provider} ${reason}${this.describeOutput()}`;
        this.options.onChange();
        resolve();
      };
      child.once('error', (error) => finish(`could not be started (${error.message})`));
      child.once('exit', (code, signal) => finish(signal ? `exited (signal ${signal})` : `exited (code ${code})`));
    });

    const deadline = Date.now() + this.options.startTimeoutMs;
    while (exitReason === null && this.publicUrl === null) {
      if (Date.now() >= deadline) {
        const message = `${provider} printed no public URL within ${Math.round(this.options.startTimeoutMs / 1000)} s${this.describeOutput()}`;
        await this.stop();
        this.status = 'error';
        this.error = message;
        throw new ApiError(504, 'tunnel_timeout', message);
      }
      this.publicUrl = this.reader.publicUrl ?? (await this.askLocalApi());
      if (this.publicUrl === null && exitReason === null) await new Promise((resolve) => setTimeout(resolve, URL_POLL_MS));
    }
    if (exitReason !== null) {
      this.publicUrl = null;
      if (this.stopping) throw this.stoppedBeforeReady();
      throw new ApiError(502, 'tunnel_failed', this.error ?? `${provider} ${exitReason}`);
    }
    this.status = 'online';
    this.options.onChange();
  }

  private stoppedBeforeReady(): ApiError {
    const provider = this.options.provider;
    return new ApiError(
      409,
      'tunnel_stopped',
      `The ${provider} tunnel was stopped before it was ready (DELETE /api/tunnels/${provider}, or Hookscope shutting down); start it again if you still want it.`,
    );
  }

  /**
   * The URL from the process's local API, null while it has none (or is not listening yet). For
   * ngrok, only the API this child said it serves: the default :4040 may be the user's own
   * agent, with the user's own tunnel to the same port.
   */
  private async askLocalApi(): Promise<string | null> {
    try {
      if (this.metricsAddress !== null) return await quickTunnelUrl(this.metricsAddress, 500);
      if (this.reader.apiAddress === null) return null;
      const { port, host } = this.options.receiver;
      const mine = (await detectNgrok(withScheme(this.reader.apiAddress), 500)).find((tunnel) =>
        targetsPort(tunnel.target_url, port, host),
      );
      return mine?.public_url ?? null;
    } catch {
      return null;
    }
  }

  private describeOutput(): string {
    const lines = this.output.last(8);
    return lines.length === 0 ? '; it printed nothing.' : `; its last output:\n${lines.join('\n')}`;
  }

  /** Ends the process (SIGTERM, then SIGKILL after a grace period) and waits for it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === null && this.status === 'starting') {
      // Not spawned yet: run() sees `stopping` and spawns nothing.
      this.stopping = true;
      this.status = 'offline';
      return;
    }
    if (child === null || child.exitCode !== null || child.signalCode !== null) return this.exited;
    this.stopping = true;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(killer);
  }

  get running(): boolean {
    return this.status === 'starting' || this.status === 'online';
  }
}

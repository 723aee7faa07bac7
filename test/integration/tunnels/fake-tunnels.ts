import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isLoopbackHost } from '../../../src/main/engine/tunnels/loopback';
import type { Tunnel } from '../../../src/shared/api';
import type { TestEngine } from '../../helpers/engine';

/**
 * The public side every fake tunnel shares: a local HTTP server that forwards each request to the
 * tunnel's target the way cloudflared and ngrok do (the public Host as X-Forwarded-Host, the
 * scheme as X-Forwarded-Proto, the caller in X-Forwarded-For), so requests really go through.
 */
const PROXY = String.raw`
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const here = __dirname;
const mode = () => { try { return JSON.parse(fs.readFileSync(path.join(here, 'mode.json'), 'utf8')); } catch { return {}; } };
function record(name, argv) { fs.writeFileSync(path.join(here, name + '.argv.json'), JSON.stringify(argv)); }
function startProxy(target, publicHost, ready) {
  const base = new URL(target);
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, 'x-forwarded-host': publicHost, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const out = http.request({ host: base.hostname, port: base.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => { res.writeHead(502, { 'content-type': 'text/plain' }); res.end('fake tunnel: origin unreachable'); });
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1', () => ready('http://127.0.0.1:' + server.address().port));
}
process.on('SIGTERM', () => { console.error('INF received SIGTERM, shutting down'); process.exit(0); });
function maybeExit(m) {
  if (m.exitAfterMs) setTimeout(() => { console.error('ERR lost connection to the edge: fake failure'); process.exit(3); }, m.exitAfterMs);
}
`;

/**
 * cloudflared quick tunnel: `tunnel --url <target> --metrics <addr>`; prints its start-up lines on
 * stderr (the "Your quick Tunnel has been created!" box) and serves /quicktunnel on --metrics.
 */
const CLOUDFLARED = String.raw`#!/usr/bin/env node
${PROXY}
const argv = process.argv.slice(2);
record('cloudflared', argv);
const m = mode();
const target = argv[argv.indexOf('--url') + 1];
const [mhost, mport] = argv[argv.indexOf('--metrics') + 1].split(':');
const log = (line) => console.error(new Date().toISOString() + ' ' + line);
log('INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out.');
log('INF Requesting new quick Tunnel on trycloudflare.com...');
if (m.fail) { log('ERR Error unmarshaling QuickTunnel response: error code: 1015'); log('ERR failed to request quick Tunnel: 429 Too Many Requests'); process.exit(1); }
let hostname = '';
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(req.url === '/quicktunnel' ? JSON.stringify({ hostname }) : '{}');
}).listen(Number(mport), mhost, () => log('INF Starting metrics server on ' + mhost + ':' + mport + '/metrics'));
if (!m.silent) startProxy(target, m.publicHost || 'fake-words-here.trycloudflare.com', (url) => {
  const box = (text) => log('INF |  ' + text.padEnd(82) + '  |');
  log('INF +' + '-'.repeat(88) + '+');
  box('Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):');
  box(url);
  log('INF +' + '-'.repeat(88) + '+');
  // The metrics server knows the hostname a little later, so the URL is read from the output.
  setTimeout(() => { hostname = url.replace(/^https?:\/\//, ''); }, 300);
  maybeExit(m);
});
`;

/** ngrok v3: `http <port> --log stdout --log-format logfmt`; logfmt records on stdout, its agent API on a port of its own. */
const NGROK = String.raw`#!/usr/bin/env node
${PROXY}
const argv = process.argv.slice(2);
record('ngrok', argv);
const m = mode();
const t = () => 't=' + new Date().toISOString();
const port = argv[1];
if (m.fail) { console.log(t() + ' lvl=eror msg="failed to reconnect session" obj=tunnels.session err="authentication failed: Usage of ngrok requires a verified account and authtoken.\n\nERR_NGROK_4018"'); process.exit(1); }
let tunnels = [];
const api = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ tunnels, uri: '/api/tunnels' }));
});
api.listen(0, '127.0.0.1', () => {
  console.log(t() + ' lvl=info msg="starting web service" obj=web addr=127.0.0.1:' + api.address().port + ' allow_hosts=[]');
  startProxy('http://localhost:' + port, m.publicHost || 'fake.ngrok-free.app', (url) => {
    tunnels = [{ name: 'command_line', ID: 'x1', uri: '/api/tunnels/command_line', public_url: url, proto: 'https', config: { addr: 'http://localhost:' + port, inspect: true }, metrics: {} }];
    console.log(t() + ' lvl=info msg="started tunnel" obj=tunnels name=command_line addr=http://localhost:' + port + ' url=' + url);
    maybeExit(m);
  });
});
`;

export interface FakeBin {
  dir: string;
  /** PATH with the fakes (and node, which runs them). */
  path: string;
  setMode(mode: { fail?: boolean; silent?: boolean; exitAfterMs?: number; publicHost?: string }): void;
  argv(name: 'cloudflared' | 'ngrok'): string[];
  /** A fake `tailscale` whose `funnel status --json` prints this ServeConfig. */
  tailscale(config: unknown): void;
  remove(): void;
}

export function fakeBin(names: ReadonlyArray<'cloudflared' | 'ngrok'> = ['cloudflared', 'ngrok']): FakeBin {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-fake-tunnels-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  };
  for (const name of names) write(name, name === 'cloudflared' ? CLOUDFLARED : NGROK);
  return {
    dir,
    path: `${dir}:${dirname(process.execPath)}`,
    setMode: (mode) => writeFileSync(join(dir, 'mode.json'), JSON.stringify(mode)),
    argv: (name) => JSON.parse(readFileSync(join(dir, `${name}.argv.json`), 'utf8')) as string[],
    tailscale(config) {
      write(
        'tailscale',
        `#!/usr/bin/env node\nif (process.argv.slice(2).join(' ') === 'funnel status --json') console.log(${JSON.stringify(JSON.stringify(config))});\nelse process.exit(1);\n`,
      );
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Agent addresses where nothing listens (port 9, discard): an engine given these sees only the
 * agents a test sets up, not a tunnel that runs on this machine or that another test file serves
 * on cloudflared's default metrics ports.
 */
export const NO_AGENTS = { ngrokApi: 'http://127.0.0.1:9', cloudflaredMetrics: '127.0.0.1:9' } as const;

/** A local JSON server on a free port (a fake ngrok agent API, a fake cloudflared metrics server); `undefined` answers 404. */
export async function jsonServer(answer: (path: string) => unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const body = answer(request.url ?? '/');
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body === undefined ? '{}' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fetch that keeps a test on this machine (there is no internet here, and a test must not reach
 * real tunnel hostnames): loopback URLs go through, any other is refused and listed in `refused`.
 */
export function localOnlyFetch(): { fetch: typeof fetch; refused: string[] } {
  const refused: string[] = [];
  const real = globalThis.fetch;
  const local: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (isLoopbackHost(url.host)) return real(input, init);
    refused.push(url.href);
    return Promise.reject(new TypeError(`test: no request leaves this machine (${url.host})`));
  };
  return { fetch: local, refused };
}

/** Polls GET /api/tunnels until `check` holds (the self-check and exits happen in the background). */
export async function eventually(t: TestEngine, check: (list: Tunnel[]) => boolean, timeoutMs = 10_000): Promise<Tunnel[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = (await t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;
    if (check(list)) return list;
    if (Date.now() > deadline) throw new Error(`condition not met; tunnels: ${JSON.stringify(list, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

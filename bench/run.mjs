// Receiver throughput: Hookscope (verify + group-committed SQLite insert + live push to a
// connected SSE client) against a bare node:http server and a bare Fastify server, under the
// same load in the same run, interleaved, reported as ratios (absolute numbers are noisy on a
// shared 2-core machine). Usage: npm run bench [-- --seconds 5 --rounds 3 --connections 10]
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []),
);
const SECONDS = Number(args.seconds ?? 5);
const ROUNDS = Number(args.rounds ?? 3);
const CONNECTIONS = Number(args.connections ?? 10);
const WARMUP_SECONDS = 3;
const SECRET = 'bench_secret';
const BODY = JSON.stringify({
  event: 'model.trained',
  data: { id: 'model_1234567890', project_id: 'proj_1234567890', name: 'My Model', status: 'trained', metrics: { accuracy: 0.95, precision: 0.94, recall: 0.96, f1: 0.95 }, created_at: '2023-01-01T00:00:00Z', updated_at: '2023-01-01T00:00:00Z' },
});

function start(command, argv, readyPattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = readyPattern.exec(output);
      if (match) resolve({ child, match });
    });
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited with ${code}`)));
  });
}

async function startHookscope(dataDir) {
  const { child, match } = await start('node', ['out/main/serve.js', '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', 'bench'], /HOOKSCOPE_READY (.*)\n/);
  const ready = JSON.parse(match[1]);
  const auth = { authorization: 'Bearer bench', 'content-type': 'application/json' };
  const put = await fetch(`${ready.ui_url}/api/endpoints/ep_default`, { method: 'PUT', headers: auth, body: JSON.stringify({ secret: SECRET, tolerance_seconds: 86400 }) });
  if (!put.ok) throw new Error(`could not set the secret: ${await put.text()}`);
  // A live client, as when the UI is open: every capture is pushed to it.
  const controller = new AbortController();
  const stream = await fetch(`${ready.ui_url}/api/stream`, { headers: auth, signal: controller.signal });
  let pushed = 0;
  (async () => {
    const reader = stream.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pushed += (decoder.decode(value).match(/"method"/g) ?? []).length;
      }
    } catch { /* aborted at the end */ }
  })();
  return { child, port: Number(new URL(ready.receiver_url).port), ui: ready.ui_url, stop: () => controller.abort(), pushed: () => pushed };
}

function load(port, seconds = SECONDS) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SECRET).update(`${timestamp}.${BODY}`).digest('hex');
  return new Promise((resolve, reject) => {
    autocannon({
      url: `http://127.0.0.1:${port}/webhooks/dcisionai`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: seconds,
      headers: { 'content-type': 'application/json', 'x-dcisionai-signature': signature, 'x-dcisionai-timestamp': timestamp },
      body: BODY,
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
const servers = {
  'node:http': await start('node', ['bench/servers/bare-node.mjs'], /READY (\d+)/),
  fastify: await start('node', ['bench/servers/bare-fastify.mjs'], /READY (\d+)/),
};
const hookscope = await startHookscope(dataDir);
const ports = { 'node:http': Number(servers['node:http'].match[1]), fastify: Number(servers.fastify.match[1]), hookscope: hookscope.port };
const results = Object.fromEntries(Object.keys(ports).map((name) => [name, []]));

console.log(`Receiver benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds, signed ${BODY.length}-byte DcisionAI event`);
// One unmeasured run each first: JIT compilation and the first growth of the SQLite files would
// otherwise count against whichever server happens to run first.
for (const port of Object.values(ports)) await load(port, WARMUP_SECONDS);
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const [name, port] of Object.entries(ports)) {
    const result = await load(port);
    const errors = result.errors + result.timeouts + result.non2xx;
    results[name].push({ rps: result.requests.average, p99: result.latency.p99, errors });
    console.log(`  round ${round} ${name.padEnd(10)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms  errors ${errors}`);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, { rps: median(runs.map((r) => r.rps)), errors: runs.reduce((sum, r) => sum + r.errors, 0) }]));
const stored = await (await fetch(`${hookscope.ui}/api/requests?limit=1`, { headers: { authorization: 'Bearer bench' } })).json();
const verdict = stored.data[0]?.verification.verdict;

console.log('\nMedian requests/s:');
for (const [name, { rps, errors }] of Object.entries(summary)) console.log(`  ${name.padEnd(10)} ${rps.toFixed(0).padStart(7)}  (errors: ${errors})`);
const vsNode = summary.hookscope.rps / summary['node:http'].rps;
const vsFastify = summary.hookscope.rps / summary.fastify.rps;
console.log(`\nRatios: hookscope / node:http = ${vsNode.toFixed(2)}x, hookscope / fastify = ${vsFastify.toFixed(2)}x, fastify / node:http = ${(summary.fastify.rps / summary['node:http'].rps).toFixed(2)}x`);
console.log(`Hookscope stored ${stored.data[0]?.id ?? 0} captures (last verdict: ${verdict}), pushed ${hookscope.pushed()} live summaries.`);
const pass = vsNode >= 0.5 && summary.hookscope.errors === 0 && verdict === 'valid';
console.log(`Target (>= 0.5x node:http, zero errors, captures verified valid): ${pass ? 'MET' : 'NOT MET'}`);

hookscope.stop();
for (const child of [servers['node:http'].child, servers.fastify.child, hookscope.child]) {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}
await new Promise((resolve) => setTimeout(resolve, 500));
rmSync(dataDir, { recursive: true, force: true });
process.exit(pass ? 0 : 1);

// Receiver throughput: Hookscope (verify + group-committed SQLite insert + live push to a
// connected SSE client) against a bare node:http server, a bare Fastify server and a durable
// Fastify + SQLite yardstick, under the same load in the same run, interleaved, reported as
// ratios and as CPU time per request (absolute req/s are noisy on a shared 2-core machine).
// Usage: npm run bench [-- --seconds 5 --rounds 3 --connections 10 --baseline DIR --max-captures N]
// --baseline DIR adds a second Hookscope built in another checkout (DIR/out/main/serve.js, e.g. the
// previous release), measured in the same rounds, to check a change costs the receiver nothing.
import { start } from './start-process.mjs';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []),
);
const SECONDS = Number(args.seconds ?? 5);
const ROUNDS = Number(args.rounds ?? 3);
const CONNECTIONS = Number(args.connections ?? 10);
const MAX_CAPTURES = args['max-captures'] === undefined ? null : Number(args['max-captures']);
const WARMUP_SECONDS = 3;
const SECRET = 'bench_secret';
const BODY = JSON.stringify({
  event: 'model.trained',
  data: {
    id: 'model_1234567890',
    project_id: 'proj_1234567890',
    name: 'My Model',
    status: 'trained',
    metrics: { accuracy: 0.95, precision: 0.94, recall: 0.96, f1: 0.95 },
    created_at: '2023-01-01T00:00:00Z',
    updated_at: '2023-01-01T00:00:00Z',
  },
});

async function startHookscope(dataDir, root = '.') {
  const { child, match } = await start(
    'node',
    [join(root, 'out/main/serve.js'), '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', 'bench'],
    /HOOKSCOPE_READY (.*)\n/,
  );
  const ready = JSON.parse(match[1]);
  const auth = { authorization: 'Bearer bench', 'content-type': 'application/json' };
  const put = await fetch(`${ready.ui_url}/api/endpoints/ep_default`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ secret: SECRET, tolerance_seconds: 86400 }),
  });
  if (!put.ok) throw new Error(`could not set the secret: ${await put.text()}`);
  // The run stores ~300,000 captures. Retention (a newer version's) is off unless asked for, so
  // that a --baseline without it is compared like with like; --max-captures N measures a full
  // history being pruned while the flood goes on.
  const retention = await fetch(`${ready.ui_url}/api/settings/retention`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ max_captures: MAX_CAPTURES, max_disk_mb: null }),
  });
  if (!retention.ok && retention.status !== 404) throw new Error(`could not set the retention: ${await retention.text()}`);
  // A live client, as when the UI is open: every capture is pushed to it. It runs in its own
  // process, as the UI does, so that reading the stream does not slow the load generator.
  const { child: reader, match: streaming } = await start('node', ['bench/live-reader.mjs', ready.ui_url, 'bench'], /STREAMING (\d+)/);
  if (streaming[1] !== '200') throw new Error(`the live stream answered ${streaming[1]}`);
  const stopReader = () =>
    new Promise((resolve) => {
      let output = '';
      reader.stdout.on('data', (chunk) => {
        output += chunk;
      });
      reader.removeAllListeners('exit');
      reader.on('exit', () => resolve(Number(/PUSHED (\d+)/.exec(output)?.[1] ?? 0)));
      reader.kill('SIGTERM');
    });
  return { child, port: Number(new URL(ready.receiver_url).port), ui: ready.ui_url, stopReader };
}

function load(port, seconds = SECONDS) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SECRET).update(`${timestamp}.${BODY}`).digest('hex');
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/webhooks/dcisionai`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', 'x-dcisionai-signature': signature, 'x-dcisionai-timestamp': timestamp },
        body: BODY,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** CPU time a process has used so far, in µs (user + system, all its threads); null off Linux. */
function cpuMicros(pid) {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
const servers = {
  'node:http': await start('node', ['bench/servers/bare-node.mjs'], /READY (\d+)/),
  fastify: await start('node', ['bench/servers/bare-fastify.mjs'], /READY (\d+)/),
  'fastify+db': await start('node', ['bench/servers/fastify-sqlite.mjs', dataDir], /READY (\d+)/),
};
const hookscope = await startHookscope(join(dataDir, 'hookscope'));
const baseline = args.baseline ? await startHookscope(join(dataDir, 'baseline'), args.baseline) : null;
const targets = {
  ...Object.fromEntries(Object.entries(servers).map(([name, { child, match }]) => [name, { port: Number(match[1]), pid: child.pid }])),
  hookscope: { port: hookscope.port, pid: hookscope.child.pid },
  ...(baseline ? { baseline: { port: baseline.port, pid: baseline.child.pid } } : {}),
};
const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));

console.log(
  `Receiver benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds, signed ${BODY.length}-byte DcisionAI event`,
);
console.log(
  "  fastify+db = Fastify + one SQLite row per request, committed per event-loop turn before the 200 (the stack's durable floor)",
);
// One unmeasured run each first: JIT compilation and the first growth of the SQLite files would
// otherwise count against whichever server happens to run first.
for (const { port } of Object.values(targets)) await load(port, WARMUP_SECONDS);
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const [name, { port, pid }] of Object.entries(targets)) {
    const cpuBefore = cpuMicros(pid);
    const result = await load(port);
    const cpuAfter = cpuMicros(pid);
    const errors = result.errors + result.timeouts + result.non2xx;
    // CPU per request is steadier than req/s on a shared machine: it does not depend on how much
    // of the other core the load generator happened to get.
    const cpu = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests.total;
    results[name].push({ rps: result.requests.average, p99: result.latency.p99, errors, cpu });
    console.log(
      `  round ${round} ${name.padEnd(10)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p99 ${String(result.latency.p99).padStart(4)} ms  errors ${errors}  cpu ${cpu === null ? 'n/a' : `${cpu.toFixed(0)} µs/req`}`,
    );
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  Object.entries(results).map(([name, runs]) => [
    name,
    {
      rps: median(runs.map((r) => r.rps)),
      cpu: runs.some((r) => r.cpu === null) ? null : median(runs.map((r) => r.cpu)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
    },
  ]),
);
const stored = await (await fetch(`${hookscope.ui}/api/requests?limit=1`, { headers: { authorization: 'Bearer bench' } })).json();
const verdict = stored.data[0]?.verification.verdict;
const pushed = await hookscope.stopReader();
if (baseline) await baseline.stopReader();

console.log('\nMedians:');
for (const [name, { rps, cpu, errors }] of Object.entries(summary)) {
  console.log(
    `  ${name.padEnd(10)} ${rps.toFixed(0).padStart(7)} req/s  ${cpu === null ? '' : `${cpu.toFixed(0).padStart(4)} µs CPU/req  `}(errors: ${errors})`,
  );
}
const ratio = (a, b) => (summary[a].rps / summary[b].rps).toFixed(2);
const vsNode = summary.hookscope.rps / summary['node:http'].rps;
console.log(
  `\nRatios (req/s): hookscope / node:http = ${vsNode.toFixed(2)}x, hookscope / fastify = ${ratio('hookscope', 'fastify')}x, hookscope / fastify+db = ${ratio('hookscope', 'fastify+db')}x`,
);
console.log(
  `                fastify / node:http = ${ratio('fastify', 'node:http')}x, fastify+db / node:http = ${ratio('fastify+db', 'node:http')}x`,
);
if (baseline) {
  const cpuRatio =
    summary.hookscope.cpu && summary.baseline.cpu ? ` (CPU/req ${(summary.hookscope.cpu / summary.baseline.cpu).toFixed(2)}x)` : '';
  console.log(`                hookscope / baseline (${args.baseline}) = ${ratio('hookscope', 'baseline')}x${cpuRatio}`);
}
console.log(`Hookscope stored ${stored.data[0]?.id ?? 0} captures (last verdict: ${verdict}), pushed ${pushed} live summaries.`);
const pass = vsNode >= 0.5 && summary.hookscope.errors === 0 && verdict === 'valid';
console.log(`Target (>= 0.5x node:http, zero errors, captures verified valid): ${pass ? 'MET' : 'NOT MET'}`);

for (const child of [...Object.values(servers).map((server) => server.child), hookscope.child, ...(baseline ? [baseline.child] : [])]) {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}
await new Promise((resolve) => setTimeout(resolve, 500));
rmSync(dataDir, { recursive: true, force: true });
process.exit(pass ? 0 : 1);

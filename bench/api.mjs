// `npm run bench:api [-- --captures 3000 --rounds 300 --baseline DIR]`: what a control API call
// costs the engine, as the UI makes them: the list's first page (100 summaries) and one capture's
// detail, p50 latency and CPU per call (from /proc, so the load generator's share does not count).
// --baseline DIR adds a Hookscope built in another checkout (DIR/out/main/serve.js) on a copy of the
// same data, called alternately in one run, and prints the ratios.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { start } from './start-process.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []),
);
const captures = Number(args.captures ?? 3000);
const rounds = Number(args.rounds ?? 300);
const builds = {
  current: resolve('out/main/serve.js'),
  ...(args.baseline ? { baseline: resolve(args.baseline, 'out/main/serve.js') } : {}),
};

async function startEngine(serve, dataDir) {
  const argv = [serve, '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--json', '--log-level', 'silent'];
  const { child, match } = await start(process.execPath, argv, /^(\{"type":"ready".*\})$/m);
  return { child, ready: JSON.parse(match[1]) };
}

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const root = mkdtempSync(join(tmpdir(), 'hookscope-bench-api-'));
const seedDir = join(root, 'seed');
const seed = await startEngine(builds.current, seedDir);
const payload = (i) =>
  JSON.stringify({ event: 'model.trained', data: { id: `model_${i}`, name: 'My model', metrics: { accuracy: 0.95 } } });
for (let i = 0; i < captures; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, captures - i) }, (_, k) =>
      fetch(`${seed.ready.receiver_url}/webhooks/dcisionai`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dcisionai-signature': 'sha256=00', 'x-dcisionai-timestamp': '1' },
        body: payload(i + k),
      }).then((response) => response.arrayBuffer()),
    ),
  );
}
seed.child.kill('SIGTERM');
await new Promise((done) => seed.child.once('exit', done));

const engines = {};
for (const [name, serve] of Object.entries(builds)) {
  const dataDir = join(root, name);
  cpSync(seedDir, dataDir, { recursive: true });
  engines[name] = await startEngine(serve, dataDir);
}

async function call(engine, path) {
  const started = performance.now();
  const response = await fetch(`${engine.ready.ui_url}/api${path}`, { headers: { authorization: `Bearer ${engine.ready.token}` } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  await response.arrayBuffer();
  return performance.now() - started;
}

const names = Object.keys(engines);
// A search catches the background indexer up first (it would otherwise share the CPU measured),
// and a few calls warm the routes up.
for (const name of names) {
  await call(engines[name], '/requests?q=warmup');
  for (let i = 0; i < 20; i += 1) await call(engines[name], '/requests?limit=100');
}
const results = Object.fromEntries(names.map((name) => [name, { list: [], detail: [], cpu: cpuSeconds(engines[name].child.pid) }]));
for (let round = 0; round < rounds; round += 1) {
  // Alternate who goes first, so neither always meets a warmer machine.
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    results[name].list.push(await call(engines[name], '/requests?limit=100'));
    results[name].detail.push(await call(engines[name], `/requests/${1 + (round % captures)}`));
  }
}
const p50 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figures = {};
for (const name of names) {
  const cpuMs = ((cpuSeconds(engines[name].child.pid) - results[name].cpu) * 1000) / (2 * rounds);
  figures[name] = { list: p50(results[name].list), detail: p50(results[name].detail), cpu: cpuMs };
  console.log(
    `${name.padEnd(8)} list (100 summaries) p50 ${figures[name].list.toFixed(2)} ms   detail p50 ${figures[name].detail.toFixed(2)} ms   CPU ${cpuMs.toFixed(2)} ms/call`,
  );
  engines[name].child.kill('SIGTERM');
}
if (figures.baseline) {
  const ratio = (key) => (figures.current[key] / figures.baseline[key]).toFixed(2);
  console.log(`current / baseline: list ${ratio('list')}x, detail ${ratio('detail')}x, CPU per call ${ratio('cpu')}x`);
}
await Promise.all(
  Object.values(engines).map(({ child }) => new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done()))),
);
rmSync(root, { recursive: true, force: true });

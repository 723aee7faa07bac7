// A large body in the UI: a real headless engine receives a 20 MB JSON webhook, a real Chromium
// opens it in the Inspector, and this prints what the user pays, each against its target:
//   - first screen: from the click on the capture to the first rows of body text on screen;
//   - longest main-thread task while it opens (PerformanceObserver 'longtask', installed before
//     the page loads; the page's own start-up is reported apart);
//   - the page's JS heap after opening, after a forced GC (CDP HeapProfiler.collectGarbage, then
//     Performance.getMetrics JSHeapUsedSize; the body worker's own heap is not part of it);
//   - the engine's resident memory after serving it (VmRSS of /proc/<pid>/status).
// Usage: npm run bench:ui [-- --mb 20 --runs 3 --screenshot out.png]
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { start } from './start-process.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []),
);
const MEGABYTES = Number(args.mb ?? 20);
const RUNS = Number(args.runs ?? 3);
const TOKEN = 'bench';
const TARGET = { firstScreenMs: 1000, longTaskMs: 200, heapMb: 300, engineRssMb: 200 };
const root = resolve(import.meta.dirname, '..');

/** A realistic large event: an export with many records, compact JSON as senders send it. */
function bigJsonBody(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes - 200; i += 1) {
    const record = JSON.stringify({
      id: `rec_${String(i).padStart(8, '0')}`,
      score: Math.round(Math.sin(i) * 1e6) / 1e3,
      label: i % 3 === 0 ? 'positive' : i % 3 === 1 ? 'negative' : 'neutral',
      tags: ['batch', `shard-${i % 16}`],
      text: 'Prediction explained: feature weights over the window, café ✓',
    });
    parts.push(record);
    size += record.length + 1;
  }
  return Buffer.from(`{"event":"dataset.processed","data":{"id":"ds_big","name":"Nightly export","records":[${parts.join(',')}]}}`, 'utf8');
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  child.removeAllListeners('exit');
  return new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function oneRun(browser, body) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-bench-ui-'));
  const { child, match } = await start(
    'node',
    [join(root, 'out/main/serve.js'), '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', TOKEN],
    /HOOKSCOPE_READY (.*)\n/,
  );
  const ready = JSON.parse(match[1]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    // Signed with the catch-all's generated secret, as a real sender would: the detail then also
    // verifies it and shows its signed content, the heaviest case for the engine.
    const endpoints = await (await fetch(`${ready.ui_url}/api/endpoints`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    const secret = endpoints.data.find((endpoint) => endpoint.path === '/')?.secret;
    if (!secret) throw new Error('The catch-all endpoint has no generated secret');
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
    const headers = { 'content-type': 'application/json', 'x-dcisionai-timestamp': String(timestamp), 'x-dcisionai-signature': signature };
    const sent = await fetch(`${ready.receiver_url}/webhooks/export`, { method: 'POST', headers, body: new Uint8Array(body) });
    await sent.arrayBuffer();
    if (!sent.ok) throw new Error(`The receiver answered ${sent.status}`);

    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(ready.launch_url);
    const row = page.getByTestId('capture-row').first();
    await row.waitFor();
    await page.waitForTimeout(500); // let start-up settle: its tasks are not the body's

    // The click and the first rows are both timed on the page's clock.
    await page.evaluate(() => {
      performance.mark('bench:click');
      document.querySelector('[data-testid="capture-row"]').click();
    });
    await page.waitForFunction(() => performance.getEntriesByName('hookscope:body-shown').length > 0, null, {
      timeout: 60_000,
      polling: 20,
    });
    const verdict = await page.getByTestId('capture-row').first().innerText();
    if (!verdict.includes('valid') || verdict.includes('invalid')) throw new Error(`The capture is not verified valid: ${verdict}`);
    const text = await page.getByTestId('body-editor').innerText();
    if (!text.includes('"event"')) throw new Error(`The first screen shows no body text: ${text.slice(0, 200)}`);
    // Tasks still running after the first screen (the rest of the layout, the next rows) count too.
    await page.waitForTimeout(1500);
    const timing = await page.evaluate(() => {
      const click = performance.getEntriesByName('bench:click')[0].startTime;
      const shown = performance.getEntriesByName('hookscope:body-shown')[0].startTime;
      const opening = window.__longTasks.filter((task) => task.start + task.duration >= click);
      const startup = window.__longTasks.filter((task) => task.start + task.duration < click);
      return {
        firstScreenMs: shown - click,
        longTaskMs: Math.max(0, ...opening.map((task) => task.duration)),
        startupLongTaskMs: Math.max(0, ...startup.map((task) => task.duration)),
      };
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapMb = (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
    if (args.screenshot) await page.screenshot({ path: args.screenshot });
    return { ...timing, heapMb, engineRssMb: rssMb(child.pid) };
  } finally {
    await context.close();
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const body = bigJsonBody(MEGABYTES * 1024 * 1024);
console.log(
  `UI with a large body: one ${(body.length / 1024 / 1024).toFixed(1)} MB JSON webhook, signed, opened in headless Chromium; median of ${RUNS} runs, each on a fresh engine`,
);
const browser = await chromium.launch(chromiumLaunchOptions(['--enable-precise-memory-info']));
const runs = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const result = await oneRun(browser, body);
    runs.push(result);
    console.log(
      `  run ${run + 1}: first screen ${result.firstScreenMs.toFixed(0)} ms, longest task ${result.longTaskMs.toFixed(0)} ms, heap ${result.heapMb.toFixed(0)} MB, engine RSS ${result.engineRssMb.toFixed(0)} MB`,
    );
  }
} finally {
  await browser.close();
}

const rows = [
  ['Time to the first screen of body text', 'firstScreenMs', 'ms', TARGET.firstScreenMs],
  ['Longest main-thread task while opening', 'longTaskMs', 'ms', TARGET.longTaskMs],
  ['Renderer JS heap after opening (after GC)', 'heapMb', 'MB', TARGET.heapMb],
  ['Engine RSS after serving it', 'engineRssMb', 'MB', TARGET.engineRssMb],
];
let failed = false;
console.log('');
for (const [label, key, unit, target] of rows) {
  const value = median(runs.map((run) => run[key]));
  const pass = value <= target;
  failed ||= !pass;
  console.log(`${label.padEnd(44)} ${`${value.toFixed(0)} ${unit}`.padStart(9)}  (target ≤ ${target} ${unit})  ${pass ? 'PASS' : 'FAIL'}`);
}
console.log(
  `(The page's own start-up, before the click: longest task ${median(runs.map((run) => run.startupLongTaskMs)).toFixed(0)} ms; not counted above.)`,
);
if (failed) process.exitCode = 1;

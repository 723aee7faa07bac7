// History at scale: for each history size, a fresh engine filled over HTTP with realistic signed
// DcisionAI deliveries, then the cost of a rare-word search, a qualifier query and the list's first
// page (over the control API, as the UI pays it), the bytes each capture costs
// on disk, and the first paint of the list in a real Chromium. Sizes are compared in the same run,
// as ratios: absolute milliseconds drift with the machine, the growth from 1k to 100k should not.
// Usage: npm run bench:history [-- --sizes 1000,100000 --runs 30 --concurrency 32]
import { start } from './start-process.mjs';
import http from 'node:http';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { fill, SECRET } from './history-traffic.mjs';
import { openCopy, storageBreakdown } from './history-storage.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, index, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []),
);
const SIZES = String(args.sizes ?? '1000,100000')
  .split(',')
  .map(Number);
const RUNS = Number(args.runs ?? 30);
const WARMUPS = 3;
const CONCURRENCY = Number(args.concurrency ?? 32);
const PAINT_RELOADS = 5;
const HEADER_SAMPLE = 200;
const TOKEN = 'bench';
const TARGET = { ratio: 3, searchMs: 20, firstPageMs: 10, paintMs: 500, rowOverhead: 150 };
const OTHER_QUERIES = [
  'application/json',
  '"nightly retrain"',
  'mo',
  'event:model.*',
  'since:1h',
  'path:/webhooks/dc*',
  'header:x-dcisionai-event=job.started',
  '-verdict:valid',
];
const QUERIES = {
  rare: 'q=needle&limit=100',
  qualifier: `q=${encodeURIComponent('verdict:invalid method:POST')}&limit=100`,
  first: 'limit=100',
};

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  child.removeAllListeners('exit');
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

// One kept-alive socket for the control API: a timed request then costs what the UI's next
// request costs, not a TCP handshake.
const controlAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** A control API call; `ms` runs from sending until the last byte of the answer (JSON parsing excluded). */
function api(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) };
    const startedAt = performance.now();
    const request = http.request(url, { agent: controlAgent, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const ms = performance.now() - startedAt;
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200) reject(new Error(`${method} ${url} answered ${response.statusCode}: ${text.slice(0, 300)}`));
        else resolve({ ms, json: JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Nearest-rank percentile. */
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * values.length) - 1)];
const stats = (values) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
const ms = (value) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const fileSize = (path) => (existsSync(path) ? statSync(path).size : 0);
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');

/** Throws when an answer is wrong: a fast wrong answer is no result. */
function expectEqual(what, actual, expected) {
  if (actual !== expected) throw new Error(`WRONG ANSWER: ${what} is ${actual}, expected ${expected}`);
}

/**
 * A private copy of the build, run instead of out/: the benchmark takes about a minute, and a
 * rebuild in the meantime (other work in the same tree) deleted the UI under the running engine.
 */
function snapshotBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-history-build-'));
  cpSync('out', join(dir, 'out'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  return dir;
}

async function startEngine(build, dataDir) {
  const { child, match } = await start(
    'node',
    [join(build, 'out/main/serve.js'), '--receiver-port', '0', '--ui-port', '0', '--data-dir', dataDir, '--token', TOKEN],
    /HOOKSCOPE_READY (.*)\n/,
  );
  const ready = JSON.parse(match[1]);
  await api(`${ready.ui_url}/api/endpoints/ep_default`, {
    method: 'PUT',
    body: JSON.stringify({ secret: SECRET, tolerance_seconds: 86_400 }),
  });
  return { child, ready };
}

/**
 * Navigation start to the first capture row on screen, median of PAINT_RELOADS loads after one
 * unmeasured load (which pays for compiling the bundle once). Timed in the page: performance.now()
 * (0 = navigation start) in the first animation frame in which a row is in the DOM with a size
 * inside the viewport, i.e. as that frame is painted. Not the wall clock around goto +
 * waitFor: Playwright re-checks visibility at growing intervals (up to 500 ms), which added up to
 * ~450 ms here.
 */
async function firstPaint(browser, launchUrl) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => {
    window.__firstRow = null;
    const onScreen = (row) => {
      const box = row?.getBoundingClientRect();
      return box && box.width > 0 && box.height > 0 && box.top < innerHeight && getComputedStyle(row).visibility !== 'hidden';
    };
    const frame = () => {
      if (onScreen(document.querySelector('[data-testid="capture-row"]'))) window.__firstRow = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const load = async () => {
    await page.goto(launchUrl, { waitUntil: 'commit' });
    await page
      .waitForFunction(() => window.__firstRow !== null, null, { timeout: 30_000 })
      .catch(async (error) => {
        await page.screenshot({ path: join(tmpdir(), 'hookscope-history-paint.png') });
        throw new Error(
          `no capture row on screen: ${error.message.split('\n')[0]}; the page said: ${(await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 400)}`,
        );
      });
    // When the app asked for the list and got it: splits the paint into app start-up and the list.
    return page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => /\/api\/requests\?/.test(e.name));
      return { paint: window.__firstRow, listStart: entry?.startTime ?? NaN, listEnd: entry?.responseEnd ?? NaN };
    });
  };
  try {
    const cold = await load();
    const loads = [];
    for (let index = 0; index < PAINT_RELOADS; index += 1) loads.push(await load());
    const median = (key) =>
      percentile(
        loads.map((l) => l[key]),
        0.5,
      );
    return { cold: cold.paint, paint: median('paint'), listStart: median('listStart'), listEnd: median('listEnd') };
  } finally {
    await page.close();
  }
}

async function measure(size, build, browser, cleanups) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-history-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const { child, ready } = await startEngine(build, dataDir);
  cleanups.push(() => stop(child));
  const ui = ready.ui_url;
  console.log(`\n== ${size.toLocaleString('en')} captures  (data dir ${dataDir})`);

  // The WAL's high-water mark during the burst (the checkpointer runs every 500 ms).
  let walPeak = 0;
  const walWatch = setInterval(() => {
    walPeak = Math.max(walPeak, fileSize(join(dataDir, 'hookscope.db-wal')));
  }, 100);
  const fillStart = performance.now();
  const sent = await fill(`${ready.receiver_url}/webhooks/dcisionai`, size, {
    concurrency: CONCURRENCY,
    onProgress: (done) => process.stdout.write(`  filling... ${done.toLocaleString('en')}\r`),
  });
  const fillSeconds = (performance.now() - fillStart) / 1000;
  clearInterval(walWatch);
  console.log(
    `  fill: ${sent.sent} sent in ${fillSeconds.toFixed(1)} s (${(sent.sent / fillSeconds).toFixed(0)} req/s, ${CONCURRENCY} in flight); ` +
      `${sent.invalid} invalid (${sent.invalidPost} POST), ${sent.put} PUT, avg body ${(sent.bodyBytes / sent.sent).toFixed(0)} B`,
  );

  // The first search indexes whatever the background indexer has not reached yet: what a user
  // searching right after a burst waits for.
  // The engine is one event loop: a health check sent meanwhile shows whether it stalls while it does.
  const [first, stall] = await Promise.all([
    api(`${ui}/api/requests?q=needle&limit=1`),
    new Promise((resolve) => setTimeout(resolve, 20)).then(async () => {
      const startedAt = performance.now();
      await fetch(`${ui}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return performance.now() - startedAt;
    }),
  ]);
  console.log(
    `  first search after the fill (catches the index up): ${ms(first.ms)} ms; a health check sent 20 ms into it took ${ms(stall)} ms`,
  );

  // Answers are checked on every run: a query that got faster by answering wrongly must fail.
  const expected = { rare: sent.needles, qualifier: sent.invalidPost, first: sent.sent };
  const check = (name, page) => {
    if (name === 'first') {
      expectEqual('first page total', page.total, expected.first);
      expectEqual('first page rows', page.data.length, Math.min(100, size));
    } else {
      expectEqual(`${name} matching`, page.matching, expected[name]);
      expectEqual(`${name} rows`, page.data.length, Math.min(100, expected[name]));
    }
  };
  // Untimed consistency checks of the other facets the mix exercises.
  const extra = [
    ['verdict:invalid', sent.invalid],
    ['method:PUT', sent.put],
    ['reason:timestamp_expired', sent.expired],
    ['reason:body_reserialized', sent.reserialized],
    ['event:model.* -event:model.trained', (sent.events['model.completed'] ?? 0) + (sent.events['model.failed'] ?? 0)],
  ];
  let mismatches = 0;
  for (const [query, want] of extra) {
    const { json } = await api(`${ui}/api/requests?q=${encodeURIComponent(query)}&limit=1`);
    const note = json.matching === want ? ' (as sent)' : `  <-- MISMATCH: sent ${want}`;
    if (json.matching !== want) mismatches += 1;
    console.log(`  check ${query.padEnd(36)} matching ${String(json.matching).padStart(6)}${note}`);
  }

  // Other shapes of query, for information (no target): words with punctuation, phrases
  // (confirmed capture by capture), a two-letter prefix, a header value, ranges.
  for (const query of OTHER_QUERIES) {
    const runs = [];
    let matching;
    for (let run = 0; run < 5; run += 1) {
      const { ms: took, json } = await api(`${ui}/api/requests?q=${encodeURIComponent(query)}&limit=100`);
      runs.push(took);
      matching = json.matching;
    }
    console.log(`  info  ${query.padEnd(40)} p50 ${ms(stats(runs).p50).padStart(8)} ms  (matching ${matching})`);
  }

  const times = { rare: [], qualifier: [], first: [] };
  // Interleaved, so a slow moment of the machine lands on all three queries alike, and each query
  // finds the page cache as the one before left it, as when a user alternates searching and listing.
  for (let run = 0; run < WARMUPS + RUNS; run += 1) {
    for (const [name, query] of Object.entries(QUERIES)) {
      const { ms: took, json } = await api(`${ui}/api/requests?${query}`);
      check(name, json);
      if (run >= WARMUPS) times[name].push(took);
    }
  }
  const http_ = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, stats(values)]));

  // Raw header bytes as they reached the receiver (Host, Content-Length, Connection included).
  let headerBytes = 0;
  for (let k = 0; k < HEADER_SAMPLE; k += 1) {
    const id = 1 + Math.floor((k * size) / HEADER_SAMPLE);
    const { json } = await api(`${ui}/api/requests/${id}`);
    headerBytes += json.data.headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${value}\r\n`), 0);
  }
  const avgHeader = headerBytes / HEADER_SAMPLE;
  const avgBody = sent.bodyBytes / sent.sent;

  // Let the WAL checkpointer (every 500 ms) settle before copying the files.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const copy = openCopy(dataDir);
  let storage;
  try {
    storage = storageBreakdown(copy.db);
    expectEqual('captures in the database', storage.captures, sent.sent);
  } finally {
    copy.close();
  }
  console.log(
    `  files: hookscope.db ${mb(copy.sizes.db)}, hookscope.db-wal ${mb(copy.sizes.wal)} (peak seen during the fill ${mb(walPeak)}); index watermark ${storage.indexedThrough}`,
  );
  console.log(
    `  largest objects: ${storage.tables
      .slice(0, 6)
      .map((t) => `${t.name} ${mb(t.bytes)}`)
      .join(', ')}`,
  );

  for (const [name, label] of [
    ['rare', 'rare word  '],
    ['qualifier', 'qualifier  '],
    ['first', 'first page '],
  ]) {
    console.log(
      `  ${label} HTTP p50 ${ms(http_[name].p50).padStart(6)} ms  p95 ${ms(http_[name].p95).padStart(6)} ms   (answer ${expected[name]})`,
    );
  }

  const paint = await firstPaint(browser, ready.launch_url);
  console.log(
    `  list first paint: ${ms(paint.paint)} ms (median of ${PAINT_RELOADS}; first load ${ms(paint.cold)} ms); ` +
      `the list request ran from ${ms(paint.listStart)} to ${ms(paint.listEnd)} ms after navigation start`,
  );

  await stop(child);
  return {
    size,
    http: http_,
    paint,
    avgBody,
    avgHeader,
    mismatches,
    storage,
    perCapture: { rows: storage.rows / size, index: storage.index / size, file: storage.database / size },
    wal: copy.sizes.wal,
    db: copy.sizes.db,
  };
}

const cleanups = [];
let browser;
let exitCode = 1;
try {
  browser = await chromium.launch(chromiumLaunchOptions());
  const build = snapshotBuild();
  cleanups.push(() => rmSync(build, { recursive: true, force: true }));
  console.log(
    `History benchmark: sizes ${SIZES.join(', ')}; ${RUNS} timed runs after ${WARMUPS} warm-ups per query, over HTTP with the bearer token`,
  );
  const results = [];
  for (const size of SIZES) results.push(await measure(size, build, browser, cleanups));

  console.log(
    '\n   size | rare p50/p95 ms | qualifier p50/p95 ms | first page p50 | bytes/capture: rows  index   file | WAL      | first paint',
  );
  for (const r of results) {
    console.log(
      `${r.size.toLocaleString('en').padStart(7)} | ${`${ms(r.http.rare.p50)} / ${ms(r.http.rare.p95)}`.padStart(15)} | ${`${ms(r.http.qualifier.p50)} / ${ms(r.http.qualifier.p95)}`.padStart(20)} | ` +
        `${ms(r.http.first.p50).padStart(11)} ms | ${r.perCapture.rows.toFixed(0).padStart(19)} ${r.perCapture.index.toFixed(0).padStart(6)} ${r.perCapture.file.toFixed(0).padStart(6)} | ${mb(r.wal).padStart(8)} | ${ms(r.paint.paint).padStart(8)} ms`,
    );
  }

  const outcomes = [];
  const target = (label, pass) => {
    outcomes.push(pass);
    console.log(`  ${verdict(pass)}  ${label}`);
  };
  const small = results[0];
  const large = results[results.length - 1];
  console.log('\nTargets:');
  for (const r of results) {
    target(`${r.size.toLocaleString('en')}: facet counts (verdict, method, reasons, event prefix) as sent`, r.mismatches === 0);
  }
  // Bytes per capture at the largest size; a small history also pays for each table's partly
  // filled pages (8 KiB each), which is not what a capture costs.
  const budget = large.avgBody + large.avgHeader + TARGET.rowOverhead;
  target(
    `${large.size.toLocaleString('en')}: capture rows ${large.perCapture.rows.toFixed(0)} B/capture <= body ${large.avgBody.toFixed(0)} + raw headers ${large.avgHeader.toFixed(0)} + ${TARGET.rowOverhead} = ${budget.toFixed(0)} B`,
    large.perCapture.rows <= budget,
  );
  if (results.length > 1) {
    const marginal = (large.storage.rows - small.storage.rows) / (large.size - small.size);
    console.log(
      `  info  each capture beyond ${small.size.toLocaleString('en')} added ${marginal.toFixed(0)} B of capture rows and ${((large.storage.index - small.storage.index) / (large.size - small.size)).toFixed(0)} B of search index`,
    );
  }
  if (results.length > 1) {
    const label = `${large.size.toLocaleString('en')}/${small.size.toLocaleString('en')}`;
    for (const name of ['rare', 'qualifier']) {
      const ratio = large.http[name].p50 / small.http[name].p50;
      target(`${name} p50 ratio ${label} = ${ratio.toFixed(2)}x <= ${TARGET.ratio}x`, ratio <= TARGET.ratio);
    }
  }
  const at = large.size.toLocaleString('en');
  target(`rare word p50 at ${at} = ${ms(large.http.rare.p50)} ms <= ${TARGET.searchMs} ms`, large.http.rare.p50 <= TARGET.searchMs);
  target(
    `qualifier p50 at ${at} = ${ms(large.http.qualifier.p50)} ms <= ${TARGET.searchMs} ms`,
    large.http.qualifier.p50 <= TARGET.searchMs,
  );
  target(
    `first page p50 at ${at} = ${ms(large.http.first.p50)} ms <= ${TARGET.firstPageMs} ms`,
    large.http.first.p50 <= TARGET.firstPageMs,
  );
  target(`list first paint at ${at} = ${ms(large.paint.paint)} ms <= ${TARGET.paintMs} ms`, large.paint.paint <= TARGET.paintMs);
  exitCode = outcomes.every(Boolean) ? 0 : 1;
} catch (error) {
  console.error(`\n${error.stack ?? error}`);
} finally {
  await browser?.close();
  controlAgent.destroy();
  // Newest first: an engine stops before its data dir goes.
  for (const cleanup of cleanups.reverse()) await cleanup();
}
process.exit(exitCode);

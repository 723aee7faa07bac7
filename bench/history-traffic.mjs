// The history benchmark's traffic: deterministic DcisionAI deliveries (seeded, so every run and
// every size sends the same mix) and a keep-alive sender that fills a receiver with them over HTTP.
import { createHmac } from 'node:crypto';
import http from 'node:http';

export const SECRET = 'bench_secret';
/** The word only three captures hold: the rare-word search must find exactly these. */
export const NEEDLE = 'needle-42';
const EVENTS = [
  'model.completed',
  'model.failed',
  'model.trained',
  'job.started',
  'job.completed',
  'job.failed',
  'dataset.uploaded',
  'deployment.created',
];
const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
// Free text as people write it; no word here may start with "needle" (the search is a prefix search).
const NOTES = [
  'nightly retrain on the eu-west cluster',
  'customer asked for a rerun after the outage',
  'scheduled by the pipeline',
  'manual trigger from the dashboard',
  'retry of an earlier attempt',
  'warm start from last checkpoint',
  'small sample for a smoke test',
  'quarterly forecast refresh',
];
const INVALID_KINDS = ['wrong_secret', 'expired', 'reserialized'];

/** mulberry32: a tiny seeded PRNG, so the mix does not depend on Math.random. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator of `count` deliveries, made one at a time as they are sent (100k bodies need not sit
 * in memory), with the tallies the benchmark checks the engine's answers against.
 */
export function deliveries(count, seed = 42) {
  const random = seeded(seed);
  const hex = (length) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const pick = (list) => list[Math.floor(random() * list.length)];
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  // Three needles spread over the history: near a quarter, a half and three quarters.
  const needles = new Set([1, 2, 3].map((k) => Math.floor((count * k) / 4)));
  const tally = { sent: 0, needles: 0, invalidPost: 0, invalid: 0, reserialized: 0, expired: 0, put: 0, bodyBytes: 0, events: {} };
  return {
    tally,
    next(index) {
      const event = pick(EVENTS);
      const payload = {
        event,
        data: {
          id: `evt_${hex(16)}`,
          model_id: `model_${hex(10)}`,
          project_id: `proj_${hex(8)}`,
          job_id: `job_${hex(10)}`,
          status: pick(STATUSES),
          duration_ms: Math.floor(random() * 90_000),
          created_at: new Date(1_767_225_600_000 + Math.floor(random() * 3e10)).toISOString(),
          note: needles.has(index) ? `look for ${NEEDLE} in the worker logs` : pick(NOTES),
        },
      };
      const kind = random() < 0.9 ? 'valid' : pick(INVALID_KINDS);
      const method = random() < 0.05 ? 'PUT' : 'POST';
      const now = Math.floor(Date.now() / 1000);
      // Outside the endpoint's 86,400 s tolerance.
      const timestamp = String(kind === 'expired' ? now - 2 * 86_400 : now);
      const compact = JSON.stringify(payload);
      // Re-serialized: what a framework that parsed and re-printed the JSON would pass on.
      const body = kind === 'reserialized' ? JSON.stringify(payload, null, 2) : compact;
      const signature = createHmac('sha256', kind === 'wrong_secret' ? 'not_the_secret' : SECRET)
        .update(`${timestamp}.${compact}`)
        .digest('hex');
      tally.sent += 1;
      if (needles.has(index)) tally.needles += 1;
      tally.events[event] = (tally.events[event] ?? 0) + 1;
      tally.bodyBytes += Buffer.byteLength(body);
      if (method === 'PUT') tally.put += 1;
      if (kind !== 'valid') tally.invalid += 1;
      if (kind !== 'valid' && method === 'POST') tally.invalidPost += 1;
      if (kind === 'reserialized') tally.reserialized += 1;
      if (kind === 'expired') tally.expired += 1;
      return {
        method,
        body,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'DcisionAI-Webhooks/2.3 (+https://dcisionai.com/docs/webhooks)',
          'X-DcisionAI-Event': event,
          'X-DcisionAI-Delivery': uuid(),
          'X-DcisionAI-Timestamp': timestamp,
          'X-DcisionAI-Signature': signature,
          'Content-Length': String(Buffer.byteLength(body)),
        },
      };
    },
  };
}

/**
 * Sends `count` deliveries to `url` with `concurrency` requests in flight on kept-alive sockets
 * (a new connection per request would measure the TCP handshake, not the history). Every answer
 * must be a 200: the catch-all endpoint records invalid signatures, it does not reject them.
 */
export async function fill(url, count, { concurrency = 32, onProgress } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const source = deliveries(count);
  const target = new URL(url);
  let nextIndex = 0;
  const send = ({ method, headers, body }) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method, headers },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200 ? resolve() : reject(new Error(`the receiver answered ${response.statusCode} to ${method}`)),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const worker = async () => {
    while (nextIndex < count) {
      const index = nextIndex;
      nextIndex += 1;
      await send(source.next(index));
      if (onProgress && (index + 1) % 10_000 === 0) onProgress(index + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    agent.destroy();
  }
  return source.tally;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestSummary } from '../../../src/shared/api';
import type { EmittedBatch, WebhookSubscription } from '../../../src/shared/platform-api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { eventually, startSink } from '../../helpers/webhook-sink';
import { delivery, deliveryIn, emit, onlyDelivery, subscribe } from './helpers';

let t: TestEngine;
let subscription: WebhookSubscription;
const SECRET = 'webhook_secret_injection';

beforeAll(async () => {
  t = await startTestEngine();
  // Deliveries go to the app's own receiver, which verifies them with the same secret.
  await t.api('POST', '/endpoints', { name: 'Simulator target', path: '/platform', secret: SECRET });
  subscription = await subscribe(t, `${t.engine.receiverUrl}/platform/hooks`, ['project.created', 'project.updated', 'dataset.created'], {
    secret: SECRET,
  });
});
afterAll(() => t.stop());

/** Captures of the receiver that carry this delivery id, oldest first. */
async function capturesOf(deliveryId: string): Promise<RequestSummary[]> {
  const page = (await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1000')).body.data.filter(
    (s) => s.path === '/platform/hooks',
  );
  const details = await Promise.all(page.map(async (s) => (await t.api<{ data: RequestDetail }>('GET', `/requests/${s.id}`)).body.data));
  const ids = new Set(
    details.filter((d) => d.headers.some(([name, value]) => name === 'X-DcisionAI-Delivery' && value === deliveryId)).map((d) => d.id),
  );
  return page.filter((s) => ids.has(s.id)).sort((a, b) => a.id - b.id);
}

describe("failure injection, seen by the app's own receiver", () => {
  it('delivers a valid, signed delivery that the receiver verifies', async () => {
    const id = onlyDelivery(await emit(t, 'project.created', { id: 'proj_1' }));
    await deliveryIn(t, id, 'succeeded');
    const [capture] = await capturesOf(id);
    expect(capture).toMatchObject({
      event: 'project.created',
      duplicate_of: null,
      verification: { verdict: 'valid', reason: 'ok', scheme: 'dcisionai' },
    });
  });

  it('duplicate: the same delivery twice, same delivery id; the inspector flags the second', async () => {
    const id = onlyDelivery(await emit(t, 'project.created', { id: 'proj_dup' }, { duplicate: true }));
    const detail = await eventually(
      () => delivery(t, id),
      (d) => d.attempts.length === 2,
    );
    expect(detail).toMatchObject({ status: 'succeeded', attempt_count: 1, inject: { duplicate: true } });
    expect(detail.attempts.map((a) => [a.number, a.duplicate, a.status_code])).toEqual([
      [1, false, 200],
      [1, true, 200],
    ]);
    const captures = await eventually(
      () => capturesOf(id),
      (list) => list.length === 2,
    );
    const [first, second] = captures as [RequestSummary, RequestSummary];
    expect(first.duplicate_of).toBeNull();
    expect(second.duplicate_of).toBe(first.id);
    const secondDetail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${second.id}`)).body.data;
    expect(secondDetail.duplicate_of).toBe(first.id);
    expect(secondDetail.verification.verdict).toBe('valid');
  });

  it('corrupted signature, stale and future timestamps fail verification for the right reason', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ corrupt_signature: true }, 'signature_mismatch'],
      [{ timestamp_offset_seconds: -3600 }, 'timestamp_expired'],
      [{ timestamp_offset_seconds: 3600 }, 'timestamp_future'],
    ];
    for (const [inject, reason] of cases) {
      const id = onlyDelivery(await emit(t, 'project.updated', { inject }, inject));
      await deliveryIn(t, id, 'succeeded'); // the endpoint does not enforce, so it answers 200
      const [capture] = await eventually(
        () => capturesOf(id),
        (list) => list.length === 1,
      );
      expect([inject, capture?.verification.verdict, capture?.verification.reason]).toEqual([inject, 'invalid', reason]);
    }
    const stale = onlyDelivery(await emit(t, 'project.updated', {}, { timestamp_offset_seconds: -600 }));
    const staleDetail = await deliveryIn(t, stale, 'succeeded');
    const sentTimestamp = Number(staleDetail.attempts[0]?.request_headers.find(([name]) => name === 'X-DcisionAI-Timestamp')?.[1]);
    expect(Math.abs(sentTimestamp - (Date.parse(staleDetail.attempts[0]?.started_at ?? '') / 1000 - 600))).toBeLessThan(2);
  });

  it('delay: holds the first attempt back', async () => {
    const emittedAt = Date.now();
    const id = onlyDelivery(await emit(t, 'project.created', {}, { delay_ms: 700 }));
    const queued = await delivery(t, id);
    expect(queued.status).toBe('pending');
    expect(Date.parse(queued.next_attempt_at ?? '')).toBeGreaterThanOrEqual(emittedAt + 690);
    const done = await deliveryIn(t, id, 'succeeded');
    expect(Date.parse(done.attempts[0]?.started_at ?? '') - emittedAt).toBeGreaterThanOrEqual(690);
  });

  it('out-of-order batch: deliveries go out in a shuffled order, reported as send_order', async () => {
    const sink = await startSink();
    try {
      const other = await subscribe(t, sink.url, ['dataset.created']);
      const events = Array.from({ length: 5 }, (_, n) => ({ event: 'dataset.created', data: { n } }));
      const response = await t.api<{ data: EmittedBatch }>('POST', '/events/batch', { events, inject: { shuffle: true } });
      expect(response.status).toBe(202);
      const batch = response.body.data;
      expect(batch.events.map((e) => e.event)).toEqual(Array(5).fill('dataset.created'));
      expect([...batch.send_order].sort()).toEqual(batch.events.map((e) => e.id).sort());
      expect(batch.send_order).not.toEqual(batch.events.map((e) => e.id));
      const received = await sink.waitFor(5);
      const receivedOrder = received.map((r) => (JSON.parse(r.body.toString('utf8')) as { data: { n: number } }).data.n);
      const expectedOrder = batch.send_order.map((eventId) => batch.events.findIndex((e) => e.id === eventId));
      expect(receivedOrder).toEqual(expectedOrder);
      expect(receivedOrder).not.toEqual([0, 1, 2, 3, 4]);

      // Without shuffle a batch keeps its order.
      const plain = (await t.api<{ data: EmittedBatch }>('POST', '/events/batch', { events })).body.data;
      expect(plain.send_order).toEqual(plain.events.map((e) => e.id));
      const all = await sink.waitFor(10);
      expect(all.slice(5).map((r) => (JSON.parse(r.body.toString('utf8')) as { data: { n: number } }).data.n)).toEqual([0, 1, 2, 3, 4]);
      await t.api('DELETE', `/webhooks/${other.id}`);
    } finally {
      await sink.close();
    }
  });

  it('stored per subscription, overridden per event field by field', async () => {
    await t.api('PUT', `/webhooks/${subscription.id}/inject`, { corrupt_signature: true, duplicate: true });
    const both = onlyDelivery(await emit(t, 'project.created'));
    expect((await delivery(t, both)).inject).toEqual({ duplicate: true, corrupt_signature: true });
    const overridden = onlyDelivery(await emit(t, 'project.created', {}, { corrupt_signature: false }));
    expect((await delivery(t, overridden)).inject).toEqual({ duplicate: true });
    await eventually(
      () => delivery(t, overridden),
      (d) => d.attempts.length === 2,
    );
    await t.api('PUT', `/webhooks/${subscription.id}/inject`, {});
    const clean = onlyDelivery(await emit(t, 'project.created'));
    expect((await delivery(t, clean)).inject).toEqual({});
  });
});

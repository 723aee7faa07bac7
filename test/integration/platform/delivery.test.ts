import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryPage, WebhookSubscription } from '../../../src/shared/platform-api';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { deliveryIn, emit, onlyDelivery, removeSubscriptions, setRetry, SinkPool, subscribe } from './helpers';

let t: TestEngine;
const sinks = new SinkPool();
const sink = () => sinks.start();

beforeAll(async () => {
  t = await startTestEngine();
});
afterEach(async () => {
  await removeSubscriptions(t);
  await sinks.closeAll();
});
afterAll(() => t.stop());

const header = (headers: NodeJS.Dict<string | string[]>, name: string) => String(headers[name]);

describe('fan-out and delivery', () => {
  it('fans out to active subscriptions listing the event type, and only to those', async () => {
    const target = await sink();
    const listening = await subscribe(t, target.url, ['project.created', 'model.trained']);
    await subscribe(t, target.url, ['model.trained']);
    const disabled = await subscribe(t, target.url, ['project.created']);
    await t.api('PUT', `/webhooks/${disabled.id}`, { status: 'disabled' });

    const emitted = await emit(t, 'project.created', { id: 'proj_1234567890', name: 'My Project' });
    expect(emitted.id).toMatch(/^evt_[0-9a-f]{16}$/);
    expect(emitted).toEqual({
      id: emitted.id,
      event: 'project.created',
      deliveries: [{ id: expect.stringMatching(/^dlv_[0-9a-f]{16}$/), webhook_id: listening.id, status: 'pending' }],
    });
    await deliveryIn(t, onlyDelivery(emitted), 'succeeded');
    expect(target.requests).toHaveLength(1);
    const none = await emit(t, 'dataset.deleted');
    expect(none.deliveries).toEqual([]);
  });

  it('POSTs {"event","data"} signed over exactly the bytes sent, with a delivery id and user agent', async () => {
    const target = await sink();
    const subscription = await subscribe(t, target.url, ['model.trained'], { secret: 'webhook_secret_1234567890' });
    const data = { id: 'model_1234567890', metrics: { accuracy: 0.95, f1: 0.95 }, note: 'unicode ✓ "quoted"' };
    const emitted = await emit(t, 'model.trained', data);
    const id = onlyDelivery(emitted);
    const [request] = await target.waitFor(1);
    if (!request) throw new Error('no request');

    expect(JSON.parse(request.body.toString('utf8'))).toEqual({ event: 'model.trained', data });
    expect(request.body.toString('utf8')).toBe(JSON.stringify({ event: 'model.trained', data }));
    expect(header(request.headers, 'content-type')).toBe('application/json');
    expect(header(request.headers, 'user-agent')).toBe('Hookscope-Simulator/test');
    expect(header(request.headers, 'x-dcisionai-delivery')).toBe(id);
    const timestamp = Number(header(request.headers, 'x-dcisionai-timestamp'));
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(30);
    // An independent signer (node:crypto, written from the guide) agrees with the header.
    expect(header(request.headers, 'x-dcisionai-signature')).toBe(
      signDcisionAI(subscription.secret, request.body, timestamp)['X-DcisionAI-Signature'],
    );

    const detail = await deliveryIn(t, id, 'succeeded');
    expect(detail.payload).toBe(request.body.toString('utf8'));
    expect(detail).toMatchObject({
      webhook_id: subscription.id,
      event_id: emitted.id,
      event: 'model.trained',
      attempt_count: 1,
      max_attempts: 3,
      next_attempt_at: null,
      last_status_code: 200,
      last_error: null,
    });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({
      number: 1,
      duplicate: false,
      status_code: 200,
      success: true,
      error: null,
      response_excerpt: '{"received": true}',
      next_retry_at: null,
    });
    expect(detail.attempts[0]?.request_headers.map(([name]) => name)).toEqual([
      'Content-Type',
      'User-Agent',
      'X-DcisionAI-Delivery',
      'X-DcisionAI-Timestamp',
      'X-DcisionAI-Signature',
    ]);
    const subscriptionNow = (await t.api<{ data: WebhookSubscription }>('GET', `/webhooks/${subscription.id}`)).body.data;
    expect(subscriptionNow.last_delivery_at).toBe(detail.attempts[0]?.started_at);
  });

  it('retries a failing receiver with doubling waits, keeps the delivery id and bytes, then fails; a manual retry redelivers', async () => {
    const base = 150;
    await setRetry(t, { max_attempts: 3, base_delay_ms: base });
    const target = await sink();
    target.fallback = { status: 500, body: '{"error":"boom"}' };
    const subscription = await subscribe(t, target.url);
    const id = onlyDelivery(await emit(t));
    const failed = await deliveryIn(t, id, 'failed');
    expect(target.requests).toHaveLength(3);

    const [first, second, third] = target.requests.map((request) => request.at) as [number, number, number];
    const gap1 = second - first;
    const gap2 = third - second;
    // Never early; generous upper bounds and a ratio, so a loaded machine does not flake.
    expect(gap1).toBeGreaterThanOrEqual(base - 5);
    expect(gap2).toBeGreaterThanOrEqual(2 * base - 5);
    expect(gap1).toBeLessThan(base + 1000);
    expect(gap2 / gap1).toBeGreaterThan(1.3);
    expect(gap2 / gap1).toBeLessThan(3.5);

    expect(new Set(target.requests.map((r) => header(r.headers, 'x-dcisionai-delivery')))).toEqual(new Set([id]));
    expect(new Set(target.requests.map((r) => r.body.toString('hex'))).size).toBe(1);
    for (const request of target.requests) {
      const ts = Number(header(request.headers, 'x-dcisionai-timestamp'));
      expect(header(request.headers, 'x-dcisionai-signature')).toBe(
        signDcisionAI(subscription.secret, request.body, ts)['X-DcisionAI-Signature'],
      );
    }

    expect(failed).toMatchObject({
      status: 'failed',
      attempt_count: 3,
      max_attempts: 3,
      next_attempt_at: null,
      last_status_code: 500,
      last_error: { code: 'http_status' },
    });
    expect(failed.attempts.map((a) => [a.number, a.status_code, a.success, a.response_excerpt])).toEqual([
      [1, 500, false, '{"error":"boom"}'],
      [2, 500, false, '{"error":"boom"}'],
      [3, 500, false, '{"error":"boom"}'],
    ]);
    // Each failed attempt but the last says when the next one was due.
    expect(failed.attempts[0]?.next_retry_at).not.toBeNull();
    expect(Date.parse(failed.attempts[1]?.next_retry_at ?? '') - Date.parse(failed.attempts[1]?.started_at ?? '')).toBeGreaterThanOrEqual(
      2 * base,
    );
    expect(failed.attempts[2]?.next_retry_at).toBeNull();

    target.fallback = { status: 204 };
    const retried = await t.api<{ data: { status: string } }>('POST', `/deliveries/${id}/retry`);
    expect(retried.status).toBe(202);
    const succeeded = await deliveryIn(t, id, 'succeeded');
    expect(succeeded).toMatchObject({ attempt_count: 4, max_attempts: 4, last_status_code: 204, last_error: null });
    expect(header(target.requests[3]?.headers ?? {}, 'x-dcisionai-delivery')).toBe(id);

    const again = await t.api<{ error: { code: string } }>('POST', `/deliveries/${id}/retry`);
    expect(again.status).toBe(202); // a succeeded delivery may be redelivered by hand too
    await deliveryIn(t, id, 'succeeded');
    expect((await t.api('POST', '/deliveries/dlv_missing/retry')).status).toBe(404);
  });

  it('treats timeouts and refused connections as failed attempts, with the reason', async () => {
    await setRetry(t, { max_attempts: 2, base_delay_ms: 50 }, { timeout_ms: 300 });
    const slow = await sink();
    slow.fallback = { status: 200, delayMs: 3000 };
    await subscribe(t, slow.url);
    const closed = await sink();
    const refusedUrl = closed.url;
    await closed.close();
    await subscribe(t, refusedUrl);
    const emitted = await emit(t);
    expect(emitted.deliveries).toHaveLength(2);
    for (const queued of emitted.deliveries) {
      const failed = await deliveryIn(t, queued.id, 'failed');
      expect(failed.attempts).toHaveLength(2);
      const expected = queued === emitted.deliveries[0] ? 'timeout' : 'connection_refused';
      expect(failed.last_error?.code).toBe(expected);
      expect(failed.last_status_code).toBeNull();
      for (const attempt of failed.attempts) {
        expect(attempt).toMatchObject({ status_code: null, success: false, error: { code: expected } });
        expect(attempt.error?.message.length).toBeGreaterThan(10);
      }
    }
    await setRetry(t, { preset: 'guide' }, { timeout_ms: 10_000 });
  });

  it('lists deliveries newest first, filtered and paged', async () => {
    const target = await sink();
    const a = await subscribe(t, target.url, ['dataset.created']);
    const b = await subscribe(t, target.url, ['dataset.created']);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const emitted = await emit(t, 'dataset.created', { n: index });
      ids.push(...emitted.deliveries.filter((d) => d.webhook_id === a.id).map((d) => d.id));
    }
    const page1 = await t.api<DeliveryPage>('GET', `/deliveries?webhook_id=${a.id}&limit=2`);
    expect(page1.body.data.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.next_before).toBe(ids[1]);
    const page2 = await t.api<DeliveryPage>('GET', `/deliveries?webhook_id=${a.id}&limit=2&before=${page1.body.next_before}`);
    expect(page2.body.data.map((d) => d.id)).toEqual([ids[0]]);
    expect(page2.body.next_before).toBeNull();
    const all = await t.api<DeliveryPage>('GET', '/deliveries?limit=500');
    expect(all.body.data.filter((d) => d.webhook_id === b.id)).toHaveLength(3);
    expect((await t.api('GET', '/deliveries?before=dlv_nope')).status).toBe(400);
    expect((await t.api('GET', '/deliveries?status=lost')).status).toBe(400);
    expect((await t.api('GET', '/deliveries/dlv_nope')).status).toBe(404);
    await Promise.all(ids.map((id) => deliveryIn(t, id, 'succeeded')));
    const succeeded = await t.api<DeliveryPage>('GET', `/deliveries?webhook_id=${a.id}&status=succeeded`);
    expect(succeeded.body.data).toHaveLength(3);
  });

  it('answers bad events with a 400 naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ data: {} }, /required field "event"/],
      [{ event: 'project.created' }, /required field "data"/],
      [{ event: 'project.exploded', data: {} }, /event "project.exploded" is not an event type of the guide/],
      [{ event: 'project.created', data: [] }, /body\.data must be object/],
      [{ event: 'project.created', data: {}, inject: { delay_ms: 'soon' } }, /body\.inject\.delay_ms/],
      [{ event: 'project.created', data: {}, inject: { explode: true } }, /unknown field "explode"/],
    ];
    for (const [body, message] of cases) {
      const response = await t.api<{ error: { message: string } }>('POST', '/events', body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.error.message).toMatch(message);
    }
    const batch = await t.api<{ error: { message: string } }>('POST', '/events/batch', {
      events: [
        { event: 'project.created', data: {} },
        { event: 'nope', data: {} },
      ],
    });
    expect(batch.status).toBe(400);
    expect(batch.body.error.message).toMatch(/events\[1\]\.event "nope"/);
    expect((await t.api('POST', '/events/batch', { events: [] })).status).toBe(400);
  });

  it('reads the delivery log of a deleted subscription as gone', async () => {
    const target = await sink();
    const subscription = await subscribe(t, target.url);
    const id = onlyDelivery(await emit(t));
    await deliveryIn(t, id, 'succeeded');
    await t.api('DELETE', `/webhooks/${subscription.id}`);
    expect((await t.api('GET', `/deliveries/${id}`)).status).toBe(404);
  });
});

/**
 * The platform simulator through the typed client: every operation of the contract's platform
 * modules, each answer checked against the schema its route declares (types, required fields,
 * nullability), as a client generated from /api/openapi.json would read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { startSink, type WebhookSink } from '../../helpers/webhook-sink';
import { ApiRequestError } from '../../../src/shared/contract/errors';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  getWebhookInjection,
  listWebhooks,
  setWebhookInjection,
  updateWebhook,
} from '../../../src/shared/contract/platform-subscriptions';
import { emitEvent, emitEventBatch } from '../../../src/shared/contract/platform-events';
import { deliveryPageLimit, getDelivery, listDeliveries, retryDelivery } from '../../../src/shared/contract/platform-deliveries';
import { getWebhookStats, getWebhookStatsSeries } from '../../../src/shared/contract/platform-stats';
import { getPlatformSettings, listRetryPresets, updatePlatformSettings } from '../../../src/shared/contract/platform-settings';
import type { Operation } from '../../../src/shared/contract/operation';
import { deliveryIn } from './helpers';

let t: TestEngine;
let sink: WebhookSink;
beforeAll(async () => {
  [t, sink] = await Promise.all([startTestEngine(), startSink()]);
});
afterAll(async () => {
  await Promise.all([t.stop(), sink.close()]);
});

/** The answer fits the operation's success schema for `status`, field for field. */
function fits(op: Operation, status: number, body: unknown): void {
  const schema = op.responses[status] as TSchema;
  expect([...Value.Errors(schema, body)].map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
}

describe('the platform simulator through the typed client', () => {
  it('manages a subscription and its stored injection; each answer is what the contract says', async () => {
    const created = await t.client.call(createWebhook, { body: { name: 'Typed', url: sink.url, events: ['project.created'] } });
    fits(createWebhook, 201, created);
    const id = created.data.id;
    expect(created.data).toMatchObject({ name: 'Typed', description: '', status: 'active', last_delivery_at: null });
    expect(created.data.secret).toMatch(/^webhook_secret_[0-9a-f]{32}$/);

    const list = await t.client.call(listWebhooks);
    fits(listWebhooks, 200, list);
    expect(list.data.find((item) => item.id === id)).not.toHaveProperty('secret');
    fits(getWebhook, 200, await t.client.call(getWebhook, { params: { id } }));

    const renamed = await t.client.data(updateWebhook, { params: { id }, body: { name: 'Typed (v2)' } });
    expect(renamed).toMatchObject({ name: 'Typed (v2)', secret: created.data.secret });

    const stored = await t.client.call(setWebhookInjection, { params: { id }, body: { duplicate: true, delay_ms: 5 } });
    fits(setWebhookInjection, 200, stored);
    expect(await t.client.data(getWebhookInjection, { params: { id } })).toEqual(stored.data);
    await t.client.data(setWebhookInjection, { params: { id }, body: {} });
  });

  it('emits, lists and retries deliveries; stats and series fit their schemas', async () => {
    const { id } = await t.client.data(createWebhook, { body: { name: 'Deliveries', url: sink.url, events: ['model.trained'] } });
    const emitted = await t.client.call(emitEvent, { body: { event: 'model.trained', data: { model_id: 'm_1' } } });
    fits(emitEvent, 202, emitted);
    const mine = emitted.data.deliveries.find((queued) => queued.webhook_id === id);
    expect(mine?.status).toBe('pending');
    const done = await deliveryIn(t, mine?.id ?? '', 'succeeded');

    const detail = await t.client.call(getDelivery, { params: { id: done.id } });
    fits(getDelivery, 200, detail);
    expect(detail.data.attempts[0]?.request_headers.some(([name]) => name.toLowerCase() === 'x-dcisionai-signature')).toBe(true);

    const batch = await t.client.call(emitEventBatch, {
      body: {
        events: [
          { event: 'model.trained', data: { n: 1 } },
          { event: 'model.trained', data: { n: 2 } },
        ],
        inject: { shuffle: true },
      },
    });
    fits(emitEventBatch, 202, batch);
    expect([...batch.data.send_order].sort()).toEqual(batch.data.events.map((event) => event.id).sort());

    const page = await t.client.call(listDeliveries, { query: { webhook_id: id, limit: '1' } });
    fits(listDeliveries, 200, page);
    expect(page.data).toHaveLength(1);
    expect(page.next_before).not.toBeNull();

    for (const delivery of (await t.client.call(listDeliveries, { query: { webhook_id: id } })).data) {
      await deliveryIn(t, delivery.id, 'succeeded');
    }
    const retried = await t.client.call(retryDelivery, { params: { id: done.id } });
    fits(retryDelivery, 202, retried);
    expect(retried.data).toMatchObject({ id: done.id, status: 'pending', max_attempts: done.attempt_count + 1 });

    fits(getWebhookStats, 200, await t.client.call(getWebhookStats, { params: { id } }));
    const series = await t.client.call(getWebhookStatsSeries, { params: { id }, query: { bucket_minutes: '30' } });
    fits(getWebhookStatsSeries, 200, series);
    expect(series.data.bucket_minutes).toBe(30);

    const deleted = await t.client.call(deleteWebhook, { params: { id } });
    fits(deleteWebhook, 200, deleted);
    const gone = await t.client.data(getWebhook, { params: { id } }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(ApiRequestError);
    expect((gone as ApiRequestError).status).toBe(404);
  });

  it('reads and changes the settings and lists the retry presets', async () => {
    fits(getPlatformSettings, 200, await t.client.call(getPlatformSettings));
    const changed = await t.client.call(updatePlatformSettings, { body: { retry: { preset: 'quick' }, delivery: { timeout_ms: 3000 } } });
    fits(updatePlatformSettings, 200, changed);
    expect(changed.data).toMatchObject({ retry: { preset: 'quick' }, delivery: { timeout_ms: 3000 } });
    const presets = await t.client.call(listRetryPresets);
    fits(listRetryPresets, 200, presets);
    expect(presets.data.map((preset) => preset.id)).toContain('quick');
  });
});

describe('the deliveries page size', () => {
  it('defaults to 50 and stays within 1..500', () => {
    expect(deliveryPageLimit(undefined)).toBe(50);
    expect(deliveryPageLimit('0')).toBe(1);
    expect(deliveryPageLimit('500')).toBe(500);
    expect(deliveryPageLimit('9999')).toBe(500);
  });
});

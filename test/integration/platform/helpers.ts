import type { DeliveryDetail, DeliverySummary, EmittedEvent, WebhookSubscription } from '../../../src/shared/platform-api';
import type { TestEngine } from '../../helpers/engine';
import { eventually, startSink, type WebhookSink } from '../../helpers/webhook-sink';

export async function subscribe(
  t: TestEngine,
  url: string,
  events: string[] = ['project.created'],
  extra: Record<string, unknown> = {},
): Promise<WebhookSubscription> {
  const response = await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', { name: 'Test', url, events, ...extra });
  if (response.status !== 201) throw new Error(`subscribe failed: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

export async function emit(
  t: TestEngine,
  event = 'project.created',
  data: Record<string, unknown> = { id: 'proj_1' },
  inject?: Record<string, unknown>,
): Promise<EmittedEvent> {
  const response = await t.api<{ data: EmittedEvent }>('POST', '/events', { event, data, ...(inject ? { inject } : {}) });
  if (response.status !== 202) throw new Error(`emit failed: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

export async function setRetry(t: TestEngine, retry: Record<string, unknown>, delivery?: Record<string, unknown>): Promise<void> {
  const response = await t.api('PUT', '/settings', { retry, ...(delivery ? { delivery } : {}) });
  if (response.status !== 200) throw new Error(`settings failed: ${JSON.stringify(response.body)}`);
}

export async function delivery(t: TestEngine, id: string): Promise<DeliveryDetail> {
  return (await t.api<{ data: DeliveryDetail }>('GET', `/deliveries/${id}`)).body.data;
}

/** Waits until the delivery reaches `status` (succeeded or failed are final). */
export function deliveryIn(t: TestEngine, id: string, status: DeliverySummary['status'], timeoutMs = 10_000): Promise<DeliveryDetail> {
  return eventually(
    () => delivery(t, id),
    (detail) => detail.status === status,
    timeoutMs,
  );
}

export function onlyDelivery(emitted: EmittedEvent): string {
  const first = emitted.deliveries[0];
  if (!first || emitted.deliveries.length !== 1) throw new Error(`expected one delivery, got ${JSON.stringify(emitted.deliveries)}`);
  return first.id;
}

/** Sinks started by one test, closed together after it. */
export class SinkPool {
  private readonly sinks: WebhookSink[] = [];

  async start(): Promise<WebhookSink> {
    const started = await startSink();
    this.sinks.push(started);
    return started;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.sinks.splice(0).map((sink) => sink.close()));
  }
}

/** Deletes every subscription, so later events fan out only to the next test's sinks. */
export async function removeSubscriptions(t: TestEngine): Promise<void> {
  for (const item of (await t.api<{ data: WebhookSubscription[] }>('GET', '/webhooks')).body.data) {
    await t.api('DELETE', `/webhooks/${item.id}`);
  }
}

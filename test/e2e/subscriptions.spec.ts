import type { ServerResponse } from 'node:http';
import { CATCH_ALL_ENDPOINT_ID } from '../../src/shared/api';
import type { PlatformSettings, WebhookSubscription, WebhookSubscriptionListItem } from '../../src/shared/platform-api';
import { header, startHttpSink, type HttpSink } from '../helpers/http-sink';
import { expect, publishScreenshot, saveScreenshot, test } from './fixtures/test';
import { signDcisionAI } from './fixtures/webhooks';

/** A sink that answers 500 to the first `failures` requests, then 200; `failures` can change mid-test. */
async function flakySink(state: { failures: number }): Promise<HttpSink> {
  return startHttpSink((_request, res: ServerResponse) => {
    if (state.failures > 0) {
      state.failures -= 1;
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"injected failure"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"received":true}');
  });
}

let sink: HttpSink | null = null;
test.afterEach(async () => {
  await sink?.close();
  sink = null;
});

test.describe('subscriptions page', () => {
  test('create a subscription in the UI, emit an event, watch it succeed after injected failures', async ({ app, engine }) => {
    const state = { failures: 2 };
    sink = await flakySink(state);

    await app.getByTestId('nav-subscriptions').click();
    await expect(app.getByTestId('subscriptions-empty')).toBeVisible();

    // A small retry delay through the settings panel, so the test does not wait for the guide's 1 s + 2 s.
    const settings = app.getByTestId('retry-settings');
    await expect(settings.getByTestId('retry-schedule')).toContainText('1 s, 2 s'); // the guide's default
    await settings.getByTestId('retry-max-attempts').fill('4');
    await settings.getByTestId('retry-base-delay').fill('200');
    await settings.getByTestId('save-retry-settings').click();
    await expect(settings.getByTestId('retry-schedule')).toHaveText('Attempt 1, then retries after 200 ms, 400 ms, 800 ms.');
    const saved = await engine.api<{ data: PlatformSettings }>('GET', '/settings');
    expect(saved.data.retry).toMatchObject({ max_attempts: 4, base_delay_ms: 200, schedule_ms: null });

    // Create the subscription in the form; the engine's own validation shows inline first.
    await app.getByTestId('new-subscription').click();
    const form = app.getByTestId('subscription-form');
    await form.getByTestId('save-subscription').click();
    await expect(form.getByTestId('field-error-subscription-name')).toBeVisible();
    await expect(form.getByTestId('field-error-subscription-events')).toBeVisible();
    await form.getByTestId('subscription-name').fill('Orders service');
    await form.getByTestId('subscription-url').fill(`${sink.url}/webhooks/dcisionai`);
    await form.getByTestId('subscription-description').fill('Staging receiver');
    await form.getByTestId('event-project.created').check();
    await form.getByTestId('event-group-model').check();
    await form.getByTestId('save-subscription').click();

    const detail = app.getByTestId('subscription-detail');
    await expect(detail).toBeVisible();
    await expect(app.getByTestId('subscription-item')).toHaveCount(1);
    await expect(detail.getByTestId('subscription-status-pill')).toHaveText('active');
    const list = await engine.api<{ data: WebhookSubscriptionListItem[] }>('GET', '/webhooks');
    const created = list.data[0];
    expect(created).toMatchObject({
      name: 'Orders service',
      description: 'Staging receiver',
      url: `${sink.url}/webhooks/dcisionai`,
      status: 'active',
    });
    expect(created?.events).toEqual([
      'project.created',
      'model.created',
      'model.updated',
      'model.deleted',
      'model.trained',
      'model.deployed',
    ]);
    const { data: subscription } = await engine.api<{ data: WebhookSubscription }>('GET', `/webhooks/${created?.id}`);

    // The generated secret stays hidden until revealed.
    const secret = detail.getByTestId('subscription-secret-value');
    await expect(secret).toHaveAttribute('data-revealed', 'false');
    await expect(secret).not.toContainText(subscription.secret);
    await detail.getByTestId('subscription-secret-value-reveal').click();
    await expect(secret).toHaveText(subscription.secret);
    await detail.getByTestId('subscription-secret-value-reveal').click();
    await expect(secret).not.toContainText(subscription.secret);

    // No attempts yet: the guide's stats are zeros, not NaN.
    await expect(detail.getByTestId('stat-total')).toHaveText('0');
    // No attempts: "no data", not an invented ms scale.
    await expect(detail.getByTestId('chart-no-data')).toBeVisible();
    await expect(detail.getByTestId('chart-axis-ms')).toHaveCount(0);
    await expect(detail.getByTestId('stat-successRate')).toHaveText('0%');

    // Emit: two 500s, then a 200.
    const emit = detail.getByTestId('emit-panel');
    await emit.getByTestId('emit-event').selectOption('project.created');
    await emit.getByTestId('emit-submit').click();
    await expect(emit.getByTestId('emit-result')).toContainText('1 delivery queued, 1 to this subscription');

    const delivery = detail.getByTestId('delivery').first();
    await expect(delivery).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
    await expect(delivery.getByTestId('delivery-attempt-count')).toHaveText('3/4 attempts');
    const attempts = delivery.getByTestId('attempt-row');
    await expect(attempts).toHaveCount(3);
    await expect(attempts.getByTestId('attempt-outcome')).toHaveText(['500', '500', '200']);
    await expect(attempts.nth(0)).toHaveAttribute('data-success', 'false');
    await expect(attempts.nth(2)).toHaveAttribute('data-success', 'true');
    await expect(attempts.nth(0)).toContainText('injected failure');
    await expect(attempts.nth(2)).toContainText('{"received":true}');

    // What the sink got: three signed sends of the same bytes under one delivery id.
    expect(sink.seen).toHaveLength(3);
    const deliveryId = await delivery.getAttribute('data-delivery-id');
    for (const request of sink.seen) {
      expect(header(request.headers, 'X-DcisionAI-Delivery')).toBe(deliveryId);
      const timestamp = Number(header(request.headers, 'X-DcisionAI-Timestamp'));
      expect(header(request.headers, 'X-DcisionAI-Signature')).toBe(signDcisionAI(subscription.secret, timestamp, request.body));
      expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({ event: 'project.created' });
    }

    // The guide's stats over the window: each attempt counts as one tracked delivery.
    await expect(detail.getByTestId('stat-total')).toHaveText('3');
    await expect(detail.getByTestId('stat-successful')).toHaveText('1');
    await expect(detail.getByTestId('stat-failed')).toHaveText('2');
    await expect(detail.getByTestId('stat-successRate')).toHaveText('33.33%');
    const stats = await engine.api<{ data: { averageResponseTime: number } }>('GET', `/webhooks/${subscription.id}/stats`);
    expect(stats.data.averageResponseTime).toBeGreaterThan(0);
    await expect(detail.getByTestId('chart-bar')).toHaveCount(1);
    await expect(detail.getByTestId('chart-no-data')).toHaveCount(0);
    await expect(detail.getByTestId('chart-point')).toHaveCount(1);
    await expect(detail.getByTestId('stats-chart').locator('desc')).toContainText('33.33% of 3 succeeded');
    await expect(app.getByTestId('subscription-item').first()).toContainText('last delivery');

    await saveScreenshot(app, 'subscriptions');
    await publishScreenshot('subscriptions');
  });

  test('a failed delivery is retried by hand; disable, edit and delete', async ({ app, engine }) => {
    const state = { failures: 1_000 };
    sink = await flakySink(state);
    await engine.api('PUT', '/settings', { retry: { max_attempts: 2, base_delay_ms: 50 } });
    const { data: subscription } = await engine.api<{ data: WebhookSubscription }>('POST', '/webhooks', {
      name: 'Billing',
      url: `${sink.url}/hooks`,
      events: ['dataset.processed'],
      secret: 'whsec_billing_secret',
    });

    await app.getByTestId('nav-subscriptions').click();
    const detail = app.getByTestId('subscription-detail');
    await expect(detail).toHaveAttribute('data-subscription-id', subscription.id);
    await detail.getByTestId('emit-submit').click();

    const delivery = detail.getByTestId('delivery').first();
    await expect(delivery).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    await expect(delivery.getByTestId('attempt-row')).toHaveCount(2);
    await expect(detail.getByTestId('stat-failed')).toHaveText('2');
    await saveScreenshot(app, 'subscriptions-failed');

    // The receiver is fixed; retry by hand.
    state.failures = 0;
    await delivery.getByTestId('retry-delivery').click();
    await expect(delivery).toHaveAttribute('data-status', 'succeeded');
    await expect(delivery.getByTestId('attempt-row')).toHaveCount(3);
    await expect(delivery.getByTestId('attempt-row').getByTestId('attempt-outcome')).toHaveText(['500', '500', '200']);
    await expect(delivery.getByTestId('retry-delivery')).toHaveCount(0);
    await expect(detail.getByTestId('stat-successRate')).toHaveText('33.33%');

    // Disable: no new deliveries.
    await detail.getByTestId('toggle-subscription').click();
    await expect(detail.getByTestId('subscription-status-pill')).toHaveText('disabled');
    await expect(app.getByTestId('subscription-item').first()).toHaveAttribute('data-status', 'disabled');
    await detail.getByTestId('emit-submit').click();
    await expect(detail.getByTestId('emit-result')).toContainText('nothing was queued');
    await detail.getByTestId('toggle-subscription').click();
    await expect(detail.getByTestId('subscription-status-pill')).toHaveText('active');

    // Edit: the name changes, the secret (not touched) is kept.
    await detail.getByTestId('edit-subscription').click();
    const form = app.getByTestId('subscription-form');
    await expect(form.getByTestId('endpoint-secret')).toHaveAttribute('type', 'password');
    await form.getByTestId('subscription-name').fill('Billing (v2)');
    await form.getByTestId('save-subscription').click();
    await expect(detail.locator('h2')).toContainText('Billing (v2)');
    await expect(app.getByTestId('subscription-item').first()).toContainText('Billing (v2)');
    const after = await engine.api<{ data: WebhookSubscription }>('GET', `/webhooks/${subscription.id}`);
    expect(after.data).toMatchObject({ name: 'Billing (v2)', secret: 'whsec_billing_secret', events: ['dataset.processed'] });

    // Delete.
    app.once('dialog', (dialog) => void dialog.accept());
    await detail.getByTestId('delete-subscription').click();
    await expect(app.getByTestId('subscription-item')).toHaveCount(0);
    await expect(app.getByTestId('subscriptions-empty')).toBeVisible();
    expect((await engine.api<{ data: unknown[] }>('GET', '/webhooks')).data).toHaveLength(0);
  });

  test('a duplicated delivery to the own receiver is flagged in the Inspector', async ({ app, engine }) => {
    const secret = 'whsec_e2e_platform_secret';
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret });

    await app.getByTestId('nav-subscriptions').click();
    await app.getByTestId('new-subscription').click();
    const form = app.getByTestId('subscription-form');
    // A new subscription points at Hookscope's own receiver unless told otherwise.
    await expect(form.getByTestId('subscription-url')).toHaveValue(`${engine.receiver_url}/webhooks/platform`);
    await form.getByTestId('subscription-url').fill('http://localhost:3000/elsewhere');
    await form.getByTestId('subscription-url-self').click();
    await expect(form.getByTestId('subscription-url')).toHaveValue(`${engine.receiver_url}/webhooks/platform`);
    await form.getByTestId('subscription-name').fill('Myself');
    await form.getByTestId('endpoint-secret').fill(secret);
    await form.getByTestId('event-group-prediction').check();
    await form.getByTestId('save-subscription').click();

    const detail = app.getByTestId('subscription-detail');
    const emit = detail.getByTestId('emit-panel');
    await emit.getByTestId('emit-event').selectOption('prediction.completed');
    await emit.getByTestId('inject-duplicate').check();
    await emit.getByTestId('emit-submit').click();
    const delivery = detail.getByTestId('delivery').first();
    await expect(delivery).toHaveAttribute('data-status', 'succeeded');
    await expect(delivery).toContainText('duplicate');
    await expect(delivery.getByTestId('attempt-row')).toHaveCount(2);

    await app.getByTestId('nav-inspector').click();
    const rows = app.getByTestId('capture-row');
    await expect(rows).toHaveCount(2);
    // Newest first: the second send carries the flag, the first does not.
    await expect(rows.nth(0).getByTestId('duplicate-flag')).toBeVisible();
    await expect(rows.nth(1).getByTestId('duplicate-flag')).toHaveCount(0);
    await expect(rows.nth(0).getByTestId('verdict-badge')).toHaveAttribute('data-verdict', 'valid');
    await rows.nth(0).click();
    await expect(app.getByTestId('duplicate-of')).toContainText('had the same delivery id');
    await saveScreenshot(app, 'inspector-duplicate');
    await app.getByTestId('duplicate-of').getByRole('button').click();
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByTestId('duplicate-of')).toHaveCount(0);
  });
  test('a stored failure injection corrupts every delivery until it is cleared', async ({ app, engine }) => {
    const secret = 'whsec_e2e_stored_injection';
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret });
    await app.getByTestId('nav-subscriptions').click();
    await app.getByTestId('new-subscription').click();
    const form = app.getByTestId('subscription-form');
    await form.getByTestId('subscription-name').fill('Misbehaving');
    await form.getByTestId('endpoint-secret').fill(secret);
    await form.getByTestId('event-project.created').check();
    await form.getByTestId('save-subscription').click();

    const detail = app.getByTestId('subscription-detail');
    const stored = detail.getByTestId('stored-injection');
    await expect(stored.getByTestId('stored-injection-status')).toHaveText('Deliveries behave.');
    await stored.getByTestId('stored-inject-delay').fill('soon');
    await stored.getByTestId('stored-injection-save').click();
    await expect(stored.getByTestId('stored-injection-result')).toHaveText('The delay is a whole number of milliseconds.');
    await stored.getByTestId('stored-inject-delay').fill('');
    await stored.getByTestId('stored-inject-corrupt-signature').check();
    await stored.getByTestId('stored-inject-timestamp').selectOption('-600');
    await stored.getByTestId('stored-injection-save').click();
    await expect(stored.getByTestId('stored-injection-status')).toHaveText('Every delivery: corrupt signature, timestamp -600 s.');
    const subscriptionId = await detail.getAttribute('data-subscription-id');
    const saved = await engine.api<{ data: unknown }>('GET', `/webhooks/${subscriptionId}/inject`);
    expect(saved.data).toEqual({ corrupt_signature: true, timestamp_offset_seconds: -600 });
    await saveScreenshot(app, 'stored-injection');

    // A plain emit (no injection of its own) gets the stored one.
    await detail.getByTestId('emit-submit').click();
    await expect(detail.getByTestId('delivery').first()).toContainText('corrupt signature');
    await expect.poll(async () => (await engine.listRequests()).data[0]?.verification.reason).toBe('signature_mismatch');

    // Reloaded from the engine, the form shows what is stored; Clear stops the misbehaviour.
    await app.reload();
    await app.getByTestId('nav-subscriptions').click();
    await expect(stored.getByTestId('stored-inject-corrupt-signature')).toBeChecked();
    await expect(stored.getByTestId('stored-inject-timestamp')).toHaveValue('-600');
    await stored.getByTestId('stored-injection-clear').click();
    await expect(stored.getByTestId('stored-injection-status')).toHaveText('Deliveries behave.');
    await expect(stored.getByTestId('stored-inject-corrupt-signature')).not.toBeChecked();
    await detail.getByTestId('emit-submit').click();
    await expect.poll(async () => (await engine.listRequests()).data.length).toBe(2);
    expect((await engine.listRequests()).data[0]?.verification.verdict).toBe('valid');
  });

  test('a new subscription to the own receiver starts with the receiving endpoint’s secret', async ({ app, engine }) => {
    const secret = 'whsec_e2e_receiving_endpoint';
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret });
    await app.getByTestId('nav-subscriptions').click();
    await app.getByTestId('new-subscription').click();
    const form = app.getByTestId('subscription-form');
    await expect(form.getByTestId('subscription-url')).toHaveValue(`${engine.receiver_url}/webhooks/platform`);
    await expect(form.getByTestId('endpoint-secret')).toHaveValue(secret);
    await expect(form.getByTestId('subscription-secret-receiver')).toContainText('its captures will verify');
    await expect(form.getByTestId('endpoint-secret')).toHaveAttribute('placeholder', 'Empty: the engine generates one');

    // Cleared on purpose: it stays empty, and the hint says what that means.
    await form.getByTestId('endpoint-secret').fill('');
    await expect(form.getByTestId('subscription-secret-receiver')).toContainText('different secret');
    await expect(form.getByTestId('endpoint-secret')).toHaveValue('');
    await form.getByTestId('subscription-use-endpoint-secret').click();
    await expect(form.getByTestId('endpoint-secret')).toHaveValue(secret);

    // Elsewhere: no receiving endpoint to talk about.
    await form.getByTestId('subscription-url').fill('http://localhost:3000/elsewhere');
    await expect(form.getByTestId('subscription-secret-receiver')).toHaveCount(0);
    await saveScreenshot(app, 'subscription-form-own-secret');

    // Without a secret on that endpoint, captures would be unverifiable.
    await engine.setEndpoint(CATCH_ALL_ENDPOINT_ID, { secret: '' });
    await form.getByTestId('subscription-url-self').click();
    await expect(form.getByTestId('subscription-secret-receiver')).toContainText('unverifiable');
  });

  test('a retry countdown ticks; a disabled subscription’s queued deliveries say they are paused', async ({ app, engine }) => {
    const state = { failures: 1_000 };
    sink = await flakySink(state);
    await engine.api('PUT', '/settings', { retry: { max_attempts: 3, base_delay_ms: 8_000 } });
    await engine.api('POST', '/webhooks', { name: 'Slow', url: `${sink.url}/hooks`, events: ['project.created'], secret: 'whsec_slow' });
    await app.getByTestId('nav-subscriptions').click();
    const detail = app.getByTestId('subscription-detail');
    await detail.getByTestId('emit-event').selectOption('project.created');
    await detail.getByTestId('emit-submit').click();

    const delivery = detail.getByTestId('delivery').first();
    await expect(delivery).toHaveAttribute('data-status', 'retrying');
    const pill = delivery.getByTestId('delivery-status');
    await expect(pill).toHaveText(/^retrying in \d/);
    const first = await pill.textContent();
    // Without any new data from the engine, the countdown moves.
    await expect(pill).not.toHaveText(first ?? '', { timeout: 3_000 });
    await expect(pill).toHaveText(/^retrying in \d/);

    await detail.getByTestId('toggle-subscription').click();
    await expect(detail.getByTestId('subscription-status-pill')).toHaveText('disabled');
    await expect(pill).toHaveText('paused — subscription disabled');
    await saveScreenshot(app, 'subscription-paused');
  });
});

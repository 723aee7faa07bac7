import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestPage, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function createEndpoint(path: string, scheme: string): Promise<Endpoint> {
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { path, scheme });
  expect(created.status).toBe(201);
  return created.body.data;
}

async function summaryOf(path: string): Promise<RequestSummary> {
  const list = await t.api<RequestPage>('GET', '/requests?limit=50');
  const found = list.body.data.find((summary) => summary.path === path);
  if (!found) throw new Error(`no capture of ${path}`);
  return found;
}

const STRIPE_EVENT = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  api_version: '2024-06-20',
  type: 'checkout.session.completed',
  data: { object: {} },
});

describe('event types by scheme', () => {
  it("lists Stripe's `type` and GitHub's X-GitHub-Event with the action, live and in the history", async () => {
    await createEndpoint('/stripe', 'stripe');
    await createEndpoint('/github', 'github');
    expect((await t.send('/stripe', { headers: { 'content-type': 'application/json' }, body: STRIPE_EVENT })).status).toBe(200);
    expect(
      (
        await t.send('/github', {
          headers: { 'content-type': 'application/json', 'X-GitHub-Event': 'pull_request', 'X-GitHub-Delivery': 'd-1' },
          body: JSON.stringify({ action: 'opened', number: 7 }),
        })
      ).status,
    ).toBe(200);
    const stripe = await summaryOf('/stripe');
    expect(stripe.event).toBe('checkout.session.completed');
    // Not a DcisionAI event: no check against the DcisionAI catalog.
    expect((await t.api<{ data: { conformance: unknown } }>('GET', `/requests/${stripe.id}`)).body.data.conformance).toBeNull();
    expect((await summaryOf('/github')).event).toBe('pull_request.opened');
    // Slack's body has an `event` object: its type is listed, and no DcisionAI catalog check runs.
    await createEndpoint('/slack', 'slack');
    await t.send('/slack', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'hi' } }),
    });
    const slack = await summaryOf('/slack');
    expect(slack.event).toBe('app_mention');
    expect((await t.api<{ data: { conformance: unknown } }>('GET', `/requests/${slack.id}`)).body.data.conformance).toBeNull();
    // The catch-all (DcisionAI) does not take a generic `type` for an event type.
    await t.send('/elsewhere', { headers: { 'content-type': 'application/json' }, body: STRIPE_EVENT });
    expect((await summaryOf('/elsewhere')).event).toBeNull();
  });

  it("reads the event types again when an endpoint's scheme changes", async () => {
    const endpoint = await createEndpoint('/switch', 'dcisionai');
    await t.send('/switch', { headers: { 'content-type': 'application/json' }, body: STRIPE_EVENT });
    expect((await summaryOf('/switch')).event).toBeNull();

    expect((await t.api('PUT', `/endpoints/${endpoint.id}`, { scheme: 'stripe' })).status).toBe(200);
    // Re-verification runs in batches after the answer; wait for it to reach the capture.
    for (let attempt = 0; attempt < 50 && (await summaryOf('/switch')).event === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await summaryOf('/switch')).event).toBe('checkout.session.completed');
  });
});

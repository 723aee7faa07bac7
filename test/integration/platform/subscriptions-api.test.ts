import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookSubscription, WebhookSubscriptionListItem } from '../../../src/shared/platform-api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

type ErrorBody = { error: { code: string; message: string } };

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

// The guide's "Creating a Webhook" request and response, verbatim.
const guideCreateRequest = {
  name: 'Production Webhook',
  description: 'Webhook for production environment',
  url: 'https://api.example.com/webhooks/dcisionai',
  events: ['project.created', 'model.trained', 'prediction.completed'],
  secret: 'webhook_secret_1234567890',
};
const guideCreateResponse = {
  data: {
    id: 'wh_1234567890',
    name: 'Production Webhook',
    description: 'Webhook for production environment',
    url: 'https://api.example.com/webhooks/dcisionai',
    events: ['project.created', 'model.trained', 'prediction.completed'],
    secret: 'webhook_secret_1234567890',
    created_at: '2023-01-01T00:00:00Z',
    last_delivery_at: null,
    status: 'active',
  },
};
const guideUpdateRequest = {
  name: 'Updated Webhook',
  description: 'Updated description',
  url: 'https://api.example.com/webhooks/dcisionai/updated',
  events: ['project.created', 'model.trained', 'prediction.completed', 'dataset.processed'],
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("webhook subscriptions: the guide's /webhooks API", () => {
  it("creates from the guide's exact body and answers in the guide's exact shape", async () => {
    const created = await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', guideCreateRequest);
    expect(created.status).toBe(201);
    // Same keys in the same order, same values, except the server-chosen id and time.
    expect(Object.keys(created.body)).toEqual(Object.keys(guideCreateResponse));
    expect(Object.keys(created.body.data)).toEqual(Object.keys(guideCreateResponse.data));
    expect({ ...created.body.data, id: 'wh_1234567890', created_at: '2023-01-01T00:00:00Z' }).toEqual(guideCreateResponse.data);
    expect(created.body.data.id).toMatch(/^wh_[0-9a-f]{16}$/);
    expect(created.body.data.created_at).toMatch(ISO);
    expect(Math.abs(Date.parse(created.body.data.created_at) - Date.now())).toBeLessThan(60_000);

    const fetched = await t.api<{ data: WebhookSubscription }>('GET', `/webhooks/${created.body.data.id}`);
    expect(fetched.body).toEqual(created.body);
  });

  it("lists without the secret, as the guide's list response does", async () => {
    const created = (await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', guideCreateRequest)).body.data;
    const list = await t.api<{ data: WebhookSubscriptionListItem[] }>('GET', '/webhooks');
    expect(list.status).toBe(200);
    const item = list.body.data.find((entry) => entry.id === created.id);
    const { secret: _secret, ...withoutSecret } = created;
    expect(item).toEqual(withoutSecret);
    expect(Object.keys(item ?? {})).toEqual(['id', 'name', 'description', 'url', 'events', 'created_at', 'last_delivery_at', 'status']);
    for (const entry of list.body.data) expect(entry).not.toHaveProperty('secret');
  });

  it("updates with the guide's PUT body and keeps the secret it omits; disables and re-enables", async () => {
    const created = (await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', guideCreateRequest)).body.data;
    const updated = await t.api<{ data: WebhookSubscription }>('PUT', `/webhooks/${created.id}`, guideUpdateRequest);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual({ ...created, ...guideUpdateRequest });
    expect(updated.body.data.secret).toBe('webhook_secret_1234567890');

    const disabled = await t.api<{ data: WebhookSubscription }>('PUT', `/webhooks/${created.id}`, { status: 'disabled' });
    expect(disabled.body.data).toMatchObject({ status: 'disabled', name: 'Updated Webhook' });
    const enabled = await t.api<{ data: WebhookSubscription }>('PUT', `/webhooks/${created.id}`, { status: 'active', secret: 'rotated' });
    expect(enabled.body.data).toMatchObject({ status: 'active', secret: 'rotated' });
  });

  it('generates a secret when none is given; description defaults to ""', async () => {
    const created = await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', {
      name: 'No secret',
      url: 'http://127.0.0.1:9/x',
      events: ['model.deployed'],
    });
    expect(created.status).toBe(201);
    expect(created.body.data.secret).toMatch(/^webhook_secret_[0-9a-f]{32}$/);
    expect(created.body.data.description).toBe('');
  });

  it('deletes; unknown ids get 404 on every route', async () => {
    const created = (await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', guideCreateRequest)).body.data;
    const deleted = await t.api<{ data: { id: string; deleted: boolean } }>('DELETE', `/webhooks/${created.id}`);
    expect(deleted.body.data).toEqual({ id: created.id, deleted: true });
    for (const [method, path, body] of [
      ['GET', `/webhooks/${created.id}`, undefined],
      ['PUT', `/webhooks/${created.id}`, { name: 'x' }],
      ['DELETE', `/webhooks/${created.id}`, undefined],
      ['GET', '/webhooks/wh_missing/stats', undefined],
      ['GET', '/webhooks/wh_missing/stats/series', undefined],
      ['GET', '/webhooks/wh_missing/inject', undefined],
    ] as const) {
      const response = await t.api<ErrorBody>(method, path, body);
      expect([method, path, response.status, response.body.error.code]).toEqual([method, path, 404, 'not_found']);
    }
  });

  it('answers bad input with a 400 naming the field', async () => {
    const base = { name: 'n', url: 'https://example.com/h', events: ['project.created'] };
    const cases: Array<[unknown, RegExp]> = [
      [{ url: base.url, events: base.events }, /required field "name"/],
      [{ name: 'n', events: base.events }, /required field "url"/],
      [{ name: 'n', url: base.url }, /required field "events"/],
      [{ ...base, name: '' }, /body\.name/],
      [{ ...base, url: 'ftp://example.com/h' }, /url must be an absolute http:\/\/ or https:\/\/ URL; got "ftp:\/\/example.com\/h"/],
      [{ ...base, url: 'not a url' }, /url must be an absolute http/],
      [{ ...base, events: [] }, /events must list at least one event type/],
      [
        { ...base, events: ['project.created', 'project.exploded', 'user.signup'] },
        /unknown event types "project.exploded", "user.signup"/,
      ],
      [{ ...base, events: ['project.created', 'project.created'] }, /body\.events/],
      [{ ...base, status: 'paused' }, /body\.status must be one of "active", "disabled"/],
      [{ ...base, colour: 'blue' }, /unknown field "colour"/],
      [{ ...base, secret: '' }, /body\.secret/],
    ];
    for (const [body, message] of cases) {
      const response = await t.api<ErrorBody>('POST', '/webhooks', body);
      expect([JSON.stringify(body), response.status, response.body.error.code]).toEqual([JSON.stringify(body), 400, 'invalid_request']);
      expect(response.body.error.message).toMatch(message);
    }
    const created = (await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', base)).body.data;
    const badUpdate = await t.api<ErrorBody>('PUT', `/webhooks/${created.id}`, { events: ['nope'] });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.error.message).toMatch(/unknown event type "nope"/);
    expect((await t.api<{ data: WebhookSubscription }>('GET', `/webhooks/${created.id}`)).body.data.events).toEqual(['project.created']);
  });

  it("stores failure injection per subscription without changing the guide's shape", async () => {
    const created = (await t.api<{ data: WebhookSubscription }>('POST', '/webhooks', guideCreateRequest)).body.data;
    expect((await t.api('GET', `/webhooks/${created.id}/inject`)).body).toEqual({ data: {} });
    const set = await t.api('PUT', `/webhooks/${created.id}/inject`, {
      duplicate: true,
      corrupt_signature: false,
      delay_ms: 0,
      timestamp_offset_seconds: -600,
    });
    expect(set.body).toEqual({ data: { duplicate: true, timestamp_offset_seconds: -600 } });
    expect((await t.api('GET', `/webhooks/${created.id}/inject`)).body).toEqual({
      data: { duplicate: true, timestamp_offset_seconds: -600 },
    });
    expect(Object.keys((await t.api<{ data: object }>('GET', `/webhooks/${created.id}`)).body.data)).toEqual(
      Object.keys(guideCreateResponse.data),
    );
    const bad = await t.api<ErrorBody>('PUT', `/webhooks/${created.id}/inject`, { delay_ms: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/body\.delay_ms/);
  });
});

import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestPage, RequestSummary } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/**
 * The batch-B providers through a real receiver on a real socket: the quirks the unit tests cover
 * on SignedMessage objects (one signature header per key, a signed callback URL behind a tunnel,
 * a delivery id header, event types) hold for captured HTTP requests too.
 */
let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

async function endpoint(path: string, scheme: string, secret: string): Promise<Endpoint> {
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { path, scheme, secret });
  expect(created.status).toBe(201);
  return created.body.data;
}

async function latest(): Promise<{ summary: RequestSummary; detail: RequestDetail }> {
  const summary = (await t.api<RequestPage>('GET', '/requests?limit=1')).body.data[0] as RequestSummary;
  const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${summary.id}`)).body.data;
  return { summary, detail };
}

const json = { 'content-type': 'application/json' };

describe('batch-B providers on a real receiver', () => {
  it('DocuSign: the configured key matches X-DocuSign-Signature-2; the event is the body event', async () => {
    await endpoint('/docusign', 'docusign', 'connect-key-2');
    const body = '{"event":"envelope-completed","data":{"envelopeId":"e-1"}}';
    const sign = (key: string) => createHmac('sha256', key).update(body).digest('base64');
    await t.send('/docusign', {
      headers: { ...json, 'X-DocuSign-Signature-1': sign('connect-key-1'), 'X-DocuSign-Signature-2': sign('connect-key-2') },
      body,
    });
    const { summary, detail } = await latest();
    expect(summary.verification.verdict).toBe('valid');
    expect(summary.event).toBe('envelope-completed');
    expect(detail.verification.reason).toBe('ok');
  });

  it('Trello: body + the public callback URL, rebuilt from the tunnel headers', async () => {
    await endpoint('/trello', 'trello', 'trello-app-secret');
    const body = '{"action":{"type":"createCard","data":{}},"model":{"id":"b1"}}';
    const callback = 'https://boards.trycloudflare.com/trello?board=b1';
    const signature = createHmac('sha1', 'trello-app-secret')
      .update(body + callback)
      .digest('base64');
    const headers = { ...json, 'X-Trello-Webhook': signature };
    await t.send('/trello?board=b1', {
      headers: { ...headers, 'X-Forwarded-Host': 'boards.trycloudflare.com', 'X-Forwarded-Proto': 'https' },
      body,
    });
    const through = await latest();
    expect(through.summary.verification.verdict).toBe('valid');
    expect(through.summary.event).toBe('createCard');
    // Sent straight to the receiver, the request was not signed for its URL.
    await t.send('/trello?board=b1', { headers, body });
    expect((await latest()).summary.verification.verdict).toBe('invalid');
  });

  it('Hookdeck: a repeated x-hookdeck-eventid is flagged as a duplicate delivery', async () => {
    await endpoint('/hookdeck', 'hookdeck', 'hookdeck-secret');
    const body = '{"type":"invoice.paid"}';
    const headers = {
      ...json,
      'x-hookdeck-signature': createHmac('sha256', 'hookdeck-secret').update(body).digest('base64'),
      'x-hookdeck-eventid': 'evt_same',
    };
    await t.send('/hookdeck', { headers, body });
    const first = await latest();
    expect(first.summary.verification.verdict).toBe('valid');
    await t.send('/hookdeck', { headers, body });
    expect((await latest()).summary.duplicate_of).toBe(first.summary.id);
  });

  it('Box: body then timestamp, with the secondary key; an old delivery is timestamp_expired', async () => {
    await endpoint('/box', 'box', 'box-secondary-key');
    const body = '{"type":"webhook_event","trigger":"FILE.UPLOADED"}';
    const send = async (at: Date) => {
      const stamp = at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
      const signature = createHmac('sha256', 'box-secondary-key').update(body).update(stamp).digest('base64');
      await t.send('/box', {
        headers: {
          ...json,
          'BOX-DELIVERY-TIMESTAMP': stamp,
          'BOX-SIGNATURE-PRIMARY': 'bm90LXRoaXMta2V5',
          'BOX-SIGNATURE-SECONDARY': signature,
        },
        body,
      });
      return latest();
    };
    const fresh = await send(new Date());
    expect(fresh.summary.verification.verdict).toBe('valid');
    expect(fresh.summary.event).toBe('FILE.UPLOADED');
    expect((await send(new Date(Date.now() - 3_600_000))).detail.verification.reason).toBe('timestamp_expired');
  });
});

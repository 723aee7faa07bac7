import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, RequestDetail, RequestSummary, SentRequest, Verification } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { header, startHttpSink, type HttpSink } from '../../helpers/http-sink';
import type { HeaderPairs } from '../../../src/shared/http-headers';

// Message ids for Standard Webhooks, and the custom scheme everywhere a built-in one works:
// send, resend, replay, HAR import, and re-verification defaults that match the receiver.

let t: TestEngine;
let sink: HttpSink;
beforeAll(async () => {
  t = await startTestEngine();
  sink = await startHttpSink();
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const WHSEC = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const send = (body: unknown) => t.api<{ data: SentRequest }>('POST', '/send', body);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const headerRecord = (pairs: HeaderPairs) => Object.fromEntries(pairs.map(([name, value]) => [name.toLowerCase(), value]));

async function latestDetail(): Promise<RequestDetail> {
  const list = await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=1');
  return (await t.api<{ data: RequestDetail }>('GET', `/requests/${list.body.data[0]?.id}`)).body.data;
}

/** A custom scheme over id, timestamp and body, as an independent sender would sign it. */
const ACME = {
  signature_header: 'X-Acme-Signature',
  signature_prefix: 'sha256=',
  timestamp_header: 'X-Acme-Time',
  id_header: 'X-Acme-Id',
  signed_content: '{id}.{timestamp}.{body}',
};
const acmeMac = (secret: string, id: string, timestamp: string, body: string | Buffer) =>
  `sha256=${createHmac('sha256', secret).update(`${id}.${timestamp}.`).update(body).digest('hex')}`;

describe('Standard Webhooks message ids', () => {
  for (const scheme of ['standard-webhooks', 'svix']) {
    it(`${scheme}: a send without an id gets a msg_ id the standardwebhooks library accepts, kept by resends`, async () => {
      const body = '{"type":"invoice.paid"}';
      const result = await send({ url: `${sink.url}/sw`, body, sign: { scheme, secret: WHSEC } });
      expect(result.status).toBe(200);
      const seen = sink.last();
      const headers = headerRecord(seen.headers);
      const idHeader = scheme === 'svix' ? 'svix-id' : 'webhook-id';
      const id = headers[idHeader] ?? '';
      expect(id).toMatch(/^msg_[0-9a-f]{32}$/);
      // The oracle: the reference implementation, over the bytes the sink received.
      const unbranded = {
        'webhook-id': id,
        'webhook-timestamp': headers[scheme === 'svix' ? 'svix-timestamp' : 'webhook-timestamp'] ?? '',
        'webhook-signature': headers[scheme === 'svix' ? 'svix-signature' : 'webhook-signature'] ?? '',
      };
      expect(new Webhook(WHSEC).verify(seen.body, unbranded)).toEqual({ type: 'invoice.paid' });

      // A resend is the same message delivered again: same id (receivers dedupe on it), fresh signature.
      const resent = await t.api<{ data: SentRequest }>('POST', `/sent/${result.body.data.id}/resend`);
      expect(resent.status).toBe(200);
      const again = headerRecord(sink.last().headers);
      expect(again[idHeader]).toBe(id);
      expect(() =>
        new Webhook(WHSEC).verify(sink.last().body, {
          ...unbranded,
          'webhook-timestamp': again[scheme === 'svix' ? 'svix-timestamp' : 'webhook-timestamp'] ?? '',
          'webhook-signature': again[scheme === 'svix' ? 'svix-signature' : 'webhook-signature'] ?? '',
        }),
      ).not.toThrow();
    });
  }

  it('two sends without an id get different ids; a given id is used as is', async () => {
    await send({ url: sink.url, body: 'a', sign: { scheme: 'standard-webhooks', secret: WHSEC } });
    const first = header(sink.last().headers, 'webhook-id');
    await send({ url: sink.url, body: 'a', sign: { scheme: 'standard-webhooks', secret: WHSEC } });
    expect(header(sink.last().headers, 'webhook-id')).not.toBe(first);
    await send({ url: sink.url, body: 'a', sign: { scheme: 'standard-webhooks', secret: WHSEC, id: 'msg_given' } });
    expect(header(sink.last().headers, 'webhook-id')).toBe('msg_given');
  });
});

describe('custom schemes on the outbound side', () => {
  it('POST /api/send signs with a custom scheme that an independent HMAC agrees with; resend too', async () => {
    const body = '{"order":7}';
    const result = await send({
      url: `${sink.url}/acme`,
      body,
      sign: { scheme: 'custom', custom: ACME, secret: 'acme-secret', timestamp: 1700000000 },
    });
    expect(result.status).toBe(200);
    expect(result.body.data.signature).toEqual({ scheme: 'custom', timestamp: 1700000000 });
    const seen = sink.last();
    const id = header(seen.headers, 'x-acme-id') ?? '';
    expect(id).toMatch(/^msg_/); // the template signs {id}: never an empty one
    expect(header(seen.headers, 'x-acme-time')).toBe('1700000000');
    expect(header(seen.headers, 'x-acme-signature')).toBe(acmeMac('acme-secret', id, '1700000000', seen.body));

    const resent = await t.api<{ data: SentRequest }>('POST', `/sent/${result.body.data.id}/resend`);
    expect(resent.status).toBe(200);
    expect(header(sink.last().headers, 'x-acme-id')).toBe(id);
    expect(header(sink.last().headers, 'x-acme-signature')).toBe(acmeMac('acme-secret', id, '1700000000', body));
    expect(JSON.stringify(resent.body)).not.toContain('acme-secret');
  });

  it('rejects custom settings that cannot sign, naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ scheme: 'custom', secret: 's' }, /body\.sign\.custom: The custom scheme needs its configuration/],
      [{ scheme: 'dcisionai', secret: 's', custom: ACME }, /body\.sign\.custom is only used with scheme "custom"/],
      [
        { scheme: 'custom', secret: 's', custom: { signature_header: 'X-S', signed_content: '{nonce}' } },
        /custom\.signed_content has an unknown placeholder/,
      ],
      [{ scheme: 'custom', secret: 's', custom: { signature_header: 'X-S', algorithm: 'md5' } }, /body\.sign\.custom\.algorithm/],
    ];
    for (const [sign, message] of cases) {
      const result = await t.api<{ error: { code: string; message: string } }>('POST', '/send', { url: sink.url, body: 'x', sign });
      expect(result.status, JSON.stringify(sign)).toBe(400);
      expect(result.body.error.message, JSON.stringify(sign)).toMatch(message);
    }
  });

  describe('captures of a custom endpoint', () => {
    let endpoint: Endpoint;
    const body = '{"order":42}';
    beforeAll(async () => {
      // The custom config's own tolerance (10 s) differs from the endpoint's (300 s): the receiver
      // judges by the endpoint's, and so must every later look at the capture.
      const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', {
        name: 'Acme',
        path: '/acme-in',
        scheme: 'custom',
        custom: { ...ACME, tolerance_seconds: 10 },
        secret: 'acme-in-secret',
        tolerance_seconds: 300,
      });
      expect(created.status).toBe(201);
      endpoint = created.body.data;
    });

    async function captureSigned(ageSeconds: number): Promise<RequestDetail> {
      const timestamp = String(nowSeconds() - ageSeconds);
      await t.send('/acme-in/orders', {
        headers: {
          'X-Acme-Id': 'msg_orig',
          'X-Acme-Time': timestamp,
          'X-Acme-Signature': acmeMac('acme-in-secret', 'msg_orig', timestamp, body),
        },
        body,
      });
      const capture = await latestDetail();
      expect(capture.endpoint_id).toBe(endpoint.id);
      expect(capture.verification).toMatchObject({ scheme: 'custom', verdict: 'valid', reason: 'ok' });
      return capture;
    }

    it('replay resign lands valid at the own receiver, keeping the message id', async () => {
      const capture = await captureSigned(0);
      const replayed = await t.api<{ data: SentRequest }>('POST', `/requests/${capture.id}/replay`, { mode: 'resign' });
      expect(replayed.status).toBe(200);
      expect(replayed.body.data.signature?.scheme).toBe('custom');
      expect(replayed.body.data.response?.status).toBe(200);
      const landed = await latestDetail();
      expect(landed.id).not.toBe(capture.id);
      expect(landed.verification).toMatchObject({ scheme: 'custom', verdict: 'valid', reason: 'ok' });
      expect(header(landed.headers, 'x-acme-id')).toBe('msg_orig');
    });

    it('HAR export and re-import keeps a valid capture valid', async () => {
      const capture = await captureSigned(0);
      const exported = await fetch(`${t.engine.uiUrl}/api/requests/export.har?ids=${capture.id}`, {
        headers: { authorization: `Bearer ${t.engine.token}` },
      });
      expect(exported.status).toBe(200);
      const imported = await t.api<{ data: { ids: number[] } }>('POST', '/requests/import', await exported.json());
      expect(imported.status).toBe(201);
      const id = imported.body.data.ids[0];
      const again = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
      expect(again).toMatchObject({ imported: true, endpoint_id: endpoint.id });
      expect(again.verification).toMatchObject({ scheme: 'custom', verdict: 'valid', reason: 'ok' });
      // The verdict stored at import (the list shows it; the detail view recomputes on read).
      const listed = (await t.api<{ data: RequestSummary[] }>('GET', '/requests?limit=5')).body.data.find((summary) => summary.id === id);
      expect(listed?.verification).toEqual({ scheme: 'custom', verdict: 'valid', reason: 'ok', diagnosis: null });
    });

    it('POST /api/requests/:id/verify defaults exactly like the receiver, overrides on top', async () => {
      // 60 s old: inside the endpoint's 300 s, outside the custom config's 10 s.
      const capture = await captureSigned(60);
      const asStored = await t.api<{ data: Verification }>('POST', `/requests/${capture.id}/verify`, {});
      expect(asStored.status).toBe(200);
      expect(asStored.body.data).toMatchObject({ scheme: 'custom', verdict: 'valid', reason: 'ok', tolerance_seconds: 300 });
      expect(asStored.body.data).toEqual(capture.verification);

      const stricter = await t.api<{ data: Verification }>('POST', `/requests/${capture.id}/verify`, { tolerance_seconds: 10 });
      expect(stricter.body.data).toMatchObject({ verdict: 'invalid', reason: 'timestamp_expired', tolerance_seconds: 10 });
      const wrongSecret = await t.api<{ data: Verification }>('POST', `/requests/${capture.id}/verify`, { secret: 'other' });
      expect(wrongSecret.body.data).toMatchObject({ scheme: 'custom', verdict: 'invalid', reason: 'signature_mismatch' });
      const otherScheme = await t.api<{ data: Verification }>('POST', `/requests/${capture.id}/verify`, { scheme: 'github' });
      expect(otherScheme.body.data).toMatchObject({ scheme: 'github', reason: 'missing_header' });
      const unknown = await t.api<{ error: { message: string } }>('POST', `/requests/${capture.id}/verify`, { scheme: 'nope' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/body\.scheme/);
    });
  });
});

describe('one strict base64 decoder', () => {
  it('rejects unpadded or stray characters in /api/signatures/* as /api/send does, naming the field', async () => {
    for (const [path, extra] of [
      ['/signatures/sign', { secret: 's' }],
      ['/signatures/verify', { secret: 's', headers: {} }],
      ['/send', { url: sink.url }],
    ] as const) {
      for (const bad of ['eA', 'e*A=', '%%%']) {
        const result = await t.api<{ error: { message: string } }>('POST', path, { ...extra, body_base64: bad });
        expect(result.status, `${path} ${bad}`).toBe(400);
        expect(result.body.error.message).toMatch(/body\.body_base64 is not valid base64/);
      }
    }
    // Line-wrapped base64 (as `base64` prints it) is still fine.
    const wrapped = await t.api<{ data: { signed_content_base64: string } }>('POST', '/signatures/sign', {
      secret: 's',
      body_base64: 'eHl6\neHl6\n',
      timestamp: 1,
    });
    expect(wrapped.status).toBe(200);
    expect(Buffer.from(wrapped.body.data.signed_content_base64, 'base64').toString()).toContain('xyzxyz');
  });
});

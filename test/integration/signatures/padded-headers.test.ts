import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, ImportResult, RequestDetail, Verification } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

/**
 * Header values with whitespace around them (RFC 9110 5.5: not part of the value) through the
 * paths that do not go through Node's HTTP parser: the Lab's verify route, a HAR import and the
 * re-verification of the stored capture. A real engine, real SQLite.
 */

const SECRET = 'whsec_padded_test';
const NOW = 1_700_000_000;
const BODY = '{"id":"evt_1","type":"invoice.paid"}';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const stripeHeader = (secret = SECRET) => `t=${NOW},v1=${createHmac('sha256', secret).update(`${NOW}.${BODY}`).digest('hex')}`;

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  const created = await t.api<{ data: Endpoint }>('POST', '/endpoints', { path: '/padded', scheme: 'stripe', secret: SECRET });
  expect(created.status).toBe(201);
  expect((await t.api('POST', '/endpoints', { path: '/padded-slack', scheme: 'slack', secret: SECRET })).status).toBe(201);
});
afterAll(() => t.stop());

describe('padded signature headers', () => {
  it('the Lab route verifies a padded Stripe-Signature and shows it as it arrived', async () => {
    const padded = `  ${stripeHeader()}\t`;
    const { body } = await t.api<{ data: Verification }>('POST', '/signatures/verify', {
      scheme: 'stripe',
      secret: SECRET,
      headers: [['Stripe-Signature', padded]],
      body_base64: b64(BODY),
      now: NOW,
    });
    expect(body.data).toMatchObject({ verdict: 'valid', reason: 'ok', timestamp: { value: NOW } });
    expect(body.data.signature.received).toBe(padded);
  });

  it('the Lab route verifies padded DcisionAI signature and timestamp headers', async () => {
    const signature = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    const headers = [
      ['X-DcisionAI-Signature', ` ${signature} `],
      ['X-DcisionAI-Timestamp', `\t${NOW} `],
    ];
    const { body } = await t.api<{ data: Verification }>('POST', '/signatures/verify', {
      scheme: 'dcisionai',
      secret: SECRET,
      headers,
      body_base64: b64(BODY),
      now: NOW,
    });
    expect(body.data).toMatchObject({ verdict: 'valid', reason: 'ok', timestamp: { value: NOW, age_seconds: 0 } });
  });

  it('a HAR import with padded headers is verified valid, stored as written, and re-verifies valid', async () => {
    const padded = ` v0=${createHmac('sha256', SECRET).update(`v0:${NOW}:${BODY}`).digest('hex')}  `;
    const har = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: new Date(NOW * 1000).toISOString(),
            request: {
              method: 'POST',
              url: 'http://localhost/padded-slack',
              httpVersion: 'HTTP/1.1',
              headers: [
                { name: 'Content-Type', value: ' application/json ' },
                { name: 'X-Slack-Signature', value: padded },
                { name: 'X-Slack-Request-Timestamp', value: `\t${NOW}` },
              ],
              postData: { mimeType: 'application/json', text: BODY },
            },
            response: { status: 200, headers: [], content: { text: '' } },
          },
        ],
      },
    };
    const imported = await t.api<{ data: ImportResult }>('POST', '/requests/import', har);
    expect(imported.status).toBe(201);
    const id = imported.body.data.ids[0];
    const detail = (await t.api<{ data: RequestDetail }>('GET', `/requests/${id}`)).body.data;
    expect(detail.verification).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(detail.headers).toContainEqual(['X-Slack-Signature', padded]);
    expect(detail.event).toBe('invoice.paid');
    const again = await t.api<{ data: Verification }>('POST', `/requests/${id}/verify`, { now: NOW });
    expect(again.body.data).toMatchObject({ verdict: 'valid', reason: 'ok' });
    expect(again.body.data.signature.received).toBe(padded);
    const wrong = await t.api<{ data: Verification }>('POST', `/requests/${id}/verify`, { now: NOW, secret: 'other-secret' });
    expect(wrong.body.data.reason).toBe('signature_mismatch');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventTypes } from '../../../src/shared/contract/event-types';
import {
  clearSent,
  deleteSent,
  getSent,
  listSent,
  replayCapture,
  resendSent,
  sendRequest,
  SEND_TIMEOUT_MS,
} from '../../../src/shared/contract/outbound';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { latestCaptureId, refusal } from '../../helpers/typed-client';
import { startHttpSink, type HttpSink } from '../../helpers/http-sink';

// The outbound operations through the typed client: paths, bodies and answers come from the contract.
let t: TestEngine;
let sink: HttpSink;

beforeAll(async () => {
  t = await startTestEngine();
  sink = await startHttpSink((_request, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

describe('outbound operations through the typed client', () => {
  it('sends, lists, reads, resends and deletes with every field of the answers', async () => {
    const sent = await t.client.data(sendRequest, { body: { url: `${sink.url}/a`, event: 'model.trained' } });
    expect(sent).toMatchObject({ source: 'send', replay_mode: null, source_request_id: null, signature: null, error: null });
    expect(sent.event).toBe('model.trained');
    expect(sent.response).toMatchObject({ status: 200, truncated: false });

    const page = await t.client.call(listSent, { query: { limit: '1' } });
    expect(page.data.map((entry) => entry.id)).toEqual([sent.id]);
    expect(page.next_before).toBeNull();
    expect(page.data[0]).toMatchObject({ method: 'POST', url: `${sink.url}/a`, status: 200, error_code: null, event: 'model.trained' });

    expect((await t.client.data(getSent, { params: { id: String(sent.id) } })).request).toEqual(sent.request);

    const resent = await t.client.data(resendSent, { params: { id: String(sent.id) }, body: { timeout_ms: SEND_TIMEOUT_MS.maximum } });
    expect(resent).toMatchObject({ source: 'resend', source_sent_id: sent.id });

    expect(await t.client.data(deleteSent, { params: { id: String(resent.id) } })).toEqual({ id: resent.id, deleted: true });
    expect(await t.client.data(clearSent)).toEqual({ deleted: 1 });
  });

  it("checks a resend's timeout by the contract's limits, as a send's", async () => {
    const sent = await t.client.data(sendRequest, { body: { url: sink.url } });
    const params = { id: String(sent.id) };
    const tooLong = await refusal(t.client.data(resendSent, { params, body: { timeout_ms: SEND_TIMEOUT_MS.maximum + 1 } }));
    expect(tooLong).toMatchObject({ status: 400, code: 'invalid_request', message: 'body.timeout_ms must be <= 300000.' });
    const zero = await refusal(t.client.data(resendSent, { params, body: { timeout_ms: 0 } }));
    expect(zero?.message).toBe('body.timeout_ms must be >= 1.');
    const fraction = await refusal(t.client.data(resendSent, { params, body: { timeout_ms: 1.5 } }));
    expect(fraction?.message).toBe('body.timeout_ms must be integer.');
    // A resend without a body keeps the stored timeout.
    expect((await t.api('POST', `/sent/${sent.id}/resend`)).status).toBe(200);
  });

  it('replays a capture and refuses a mode the contract does not know', async () => {
    await t.send('/hooks/typed', { body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    const captureId = await latestCaptureId(t);
    const params = { id: String(captureId) };
    const replayed = await t.client.data(replayCapture, { params, body: { mode: 'as-is', url: `${sink.url}/replayed` } });
    expect(replayed).toMatchObject({ source: 'replay', source_request_id: captureId, replay_mode: 'as-is' });
    const refused = await refusal(t.client.data(replayCapture, { params, body: { mode: 'again' as 'as-is' } }));
    expect(refused?.message).toBe('body.mode must be one of "as-is", "resign", "edited".');
  });

  it('lists the event catalog with templates and schemas', async () => {
    const types = await t.client.data(listEventTypes);
    expect(types.length).toBe(16);
    for (const info of types) {
      expect(info.template.event).toBe(info.type);
      expect(info.schema.type).toBe('object');
    }
  });
});

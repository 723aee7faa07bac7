import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type RunningEngine } from '../../../src/main/engine/engine';
import type { RequestDetail, SchemeDescriptor, SignatureSignResult, Verification, VerificationSnippet } from '../../../src/shared/api';

/** The Signature Lab's API against a real engine: real sockets, real SQLite. */

const TOKEN = 'signature-routes-test-token';
let engine: RunningEngine;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hookscope-sig-routes-'));
  engine = await startEngine({
    dataDir,
    receiverPort: 0,
    uiPort: 0,
    receiverHost: '127.0.0.1',
    rendererDir: 'out/renderer',
    version: 'test',
    token: TOKEN,
  });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: { data: T; error?: { code: string; message: string } } }> {
  const response = await fetch(`${engine.uiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { data: T; error?: { code: string; message: string } } };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const BODY = '{"event":"project.created","data":{"id":"proj_1"}}';
const NOW = 1700000000;

describe('GET /api/schemes', () => {
  it('describes every scheme with what a form needs', async () => {
    const { json } = await api<SchemeDescriptor[]>('GET', '/api/schemes');
    const ids = json.data.map((scheme) => scheme.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'dcisionai',
        'standard-webhooks',
        'svix',
        'stripe',
        'github',
        'slack',
        'shopify',
        'twilio',
        'paddle',
        'linear',
        'twitch',
      ]),
    );
    expect(ids[0]).toBe('dcisionai');
    const stripe = json.data.find((scheme) => scheme.id === 'stripe')!;
    expect(stripe).toMatchObject({
      signature_header: 'Stripe-Signature',
      timestamp_source: 'signature_header',
      tolerance_direction: 'past_only',
      multiple_signatures: true,
      signed_content: '{timestamp}.{body}',
      has_snippets: true,
    });
    expect(json.data.find((scheme) => scheme.id === 'twilio')).toMatchObject({ uses_url: true, algorithm: 'sha1', encoding: 'base64' });
  });
});

describe('POST /api/signatures/sign and /verify', () => {
  it('signs, then verifies what it signed (pairs or object headers)', async () => {
    const signed = await api<SignatureSignResult>('POST', '/api/signatures/sign', {
      scheme: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      body_base64: b64(BODY),
      timestamp: NOW,
      id: 'msg_1',
    });
    expect(signed.status).toBe(200);
    expect(Buffer.from(signed.json.data.signed_content_base64, 'base64').toString()).toBe(`msg_1.${NOW}.${BODY}`);
    const asPairs = Object.entries(signed.json.data.headers);
    const verified = await api<Verification>('POST', '/api/signatures/verify', {
      scheme: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      headers: asPairs,
      body_base64: b64(BODY),
      now: NOW,
    });
    expect(verified.json.data).toMatchObject({
      scheme: 'standard-webhooks',
      verdict: 'valid',
      reason: 'ok',
      timestamp: { value: NOW, age_seconds: 0 },
    });
    const later = await api<Verification>('POST', '/api/signatures/verify', {
      scheme: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      headers: signed.json.data.headers,
      body_base64: b64(BODY),
      now: NOW + 600,
      tolerance_seconds: 300,
    });
    expect(later.json.data.reason).toBe('timestamp_expired');
  });

  it('explains a mismatch: the sender signed the re-serialized JSON', async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const signature = createHmac('sha256', 'sek').update(`${NOW}.${BODY}`).digest('hex');
    const { json } = await api<Verification>('POST', '/api/signatures/verify', {
      secret: 'sek',
      headers: { 'X-DcisionAI-Timestamp': String(NOW), 'X-DcisionAI-Signature': signature },
      body_base64: b64(pretty),
      now: NOW,
    });
    expect(json.data.verdict).toBe('invalid');
    expect(json.data.signature.received).toBe(signature);
    expect(json.data.signature.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(json.data.diagnosis.map((item) => item.code)).toContain('body_reserialized');
  });

  it('verifies with a custom scheme and rejects a bad custom config naming the field', async () => {
    const custom = {
      signature_header: 'X-Acme-Signature',
      signature_prefix: 'sha512=',
      timestamp_header: 'X-Acme-Time',
      timestamp_unit: 'ms',
      signed_content: '{timestamp}:{body}',
      algorithm: 'sha512',
      encoding: 'base64',
    };
    const signed = await api<SignatureSignResult>('POST', '/api/signatures/sign', {
      custom,
      secret: 'acme',
      body_base64: b64(BODY),
      timestamp: NOW,
    });
    expect(signed.json.data.headers['X-Acme-Time']).toBe(String(NOW * 1000));
    const ok = await api<Verification>('POST', '/api/signatures/verify', {
      custom,
      secret: 'acme',
      headers: signed.json.data.headers,
      body_base64: b64(BODY),
      now: NOW,
    });
    expect(ok.json.data).toMatchObject({ scheme: 'custom', verdict: 'valid' });
    const bad = await api<Verification>('POST', '/api/signatures/verify', {
      custom: { ...custom, signed_content: '{nope}.{body}' },
      secret: 'acme',
      headers: {},
      body_base64: b64(BODY),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_request' });
    expect(bad.json.error?.message).toMatch(/custom\.signed_content/);
  });

  it('answers bad input with a 400 that names the field', async () => {
    const missing = await api('POST', '/api/signatures/verify', { secret: 's', body_base64: '' });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toMatch(/headers/);
    const unknown = await api('POST', '/api/signatures/sign', { scheme: 'nope', secret: 's', body_base64: '' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.message).toMatch(/scheme/);
    const notBase64 = await api('POST', '/api/signatures/sign', { secret: 's', body_base64: '%%%' });
    expect(notBase64.json.error?.message).toMatch(/body_base64/);
    const twilio = await api('POST', '/api/signatures/sign', { scheme: 'twilio', secret: 's', body_base64: '' });
    expect(twilio.json.error?.message).toMatch(/body\.url/);
  });
});

describe('POST /api/requests/:id/verify', () => {
  it('re-verifies a capture with other settings without changing what is stored', async () => {
    const created = await api<{ id: string }>('POST', '/api/endpoints', {
      name: 'Orders',
      path: '/orders',
      scheme: 'github',
      secret: 'orders-secret',
    });
    expect(created.status).toBe(201);
    await api('POST', '/api/endpoints', { name: 'Billing', path: '/billing', scheme: 'github', secret: 'billing-secret' });
    const signature = `sha256=${createHmac('sha256', 'billing-secret').update(BODY).digest('hex')}`;
    const sent = await fetch(`${engine.receiverUrl}/orders/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: BODY,
    });
    expect(sent.ok).toBe(true);

    let id: number | undefined;
    for (let attempt = 0; attempt < 50 && id === undefined; attempt++) {
      const list = await api<Array<{ id: number; path: string }>>('GET', '/api/requests');
      id = list.json.data.find((summary) => summary.path === '/orders/hook')?.id;
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(id).toBeDefined();
    const stored = (await api<RequestDetail>('GET', `/api/requests/${id}`)).json.data;
    expect(stored.verification.verdict).toBe('invalid');

    const asIs = await api<Verification>('POST', `/api/requests/${id}/verify`, {});
    expect(asIs.json.data.verdict).toBe('invalid');
    const hint = asIs.json.data.diagnosis.find((item) => item.code === 'signature_mismatch');
    expect(hint?.message).toMatch(/Billing/);

    const whatIf = await api<Verification>('POST', `/api/requests/${id}/verify`, { secret: 'billing-secret' });
    expect(whatIf.json.data).toMatchObject({ scheme: 'github', verdict: 'valid' });
    const otherScheme = await api<Verification>('POST', `/api/requests/${id}/verify`, { scheme: 'dcisionai', secret: 'billing-secret' });
    expect(otherScheme.json.data.reason).toBe('missing_header');

    const after = (await api<RequestDetail>('GET', `/api/requests/${id}`)).json.data;
    expect(after.verification).toEqual(stored.verification);
  });

  it('404s for an unknown request and 400s for a bad override', async () => {
    expect((await api('POST', '/api/requests/999999/verify', {})).status).toBe(404);
    // The body is optional: a POST without one re-verifies with the stored settings.
    expect((await api('POST', '/api/requests/999999/verify')).status).toBe(404);
    const bad = await api('POST', '/api/requests/1/verify', { tolerance_seconds: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/tolerance_seconds/);
  });
});

describe('GET /api/snippets', () => {
  it('returns the four snippets of a scheme', async () => {
    const { json } = await api<VerificationSnippet[]>('GET', '/api/snippets?scheme=stripe');
    expect(json.data.map((snippet) => snippet.language)).toEqual(['javascript', 'python', 'go', 'java']);
    expect(json.data[0]?.code).toContain("headers['stripe-signature']");
  });
  it('404s for a scheme without snippets, naming those that have them', async () => {
    const { status, json } = await api('GET', '/api/snippets?scheme=twilio');
    expect(status).toBe(404);
    expect(json.error?.message).toMatch(/dcisionai/);
  });
});

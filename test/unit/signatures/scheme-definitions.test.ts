import { describe, expect, it } from 'vitest';
import { SCHEME_CATEGORIES, SCHEME_IDS, isSchemeId, type SchemeId } from '../../../src/shared/scheme-ids';
import { getScheme, listSchemes } from '../../../src/main/engine/signatures/registry';
import { deliveryIdOf } from '../../../src/main/engine/receiver/delivery-id';
import { eventTypeOf } from '../../../src/main/engine/receiver/event-type';

describe('each scheme definition owns its facts', () => {
  it('the registry holds exactly SCHEME_IDS, in order, each under its own id', () => {
    expect(listSchemes().map((scheme) => scheme.id)).toEqual([...SCHEME_IDS]);
    for (const id of SCHEME_IDS) expect(getScheme(id)?.descriptor.id).toBe(id);
    expect(getScheme('custom')).toBeUndefined();
    expect(getScheme('toString')).toBeUndefined();
  });

  it('a misspelled id does not compile', () => {
    // @ts-expect-error 'strpe' is not a SchemeId: tsc fails here if SchemeId were a plain string.
    const misspelled: SchemeId = 'strpe';
    expect(isSchemeId(misspelled)).toBe(false);
    expect(isSchemeId('stripe')).toBe(true);
  });

  it('every definition has a label, a category, a docs link and the headers it reads', () => {
    for (const scheme of listSchemes()) {
      expect(scheme.label, scheme.id).toMatch(/\S/);
      expect(SCHEME_CATEGORIES, scheme.id).toContain(scheme.category);
      if (scheme.id !== 'dcisionai') expect(scheme.docsUrl, scheme.id).toMatch(/^https:\/\//);
      // Mailgun signs inside the body and reads no header; every other scheme reads at least one.
      if (!scheme.descriptor.signature_header.startsWith('body.')) expect(scheme.headerNames.length, scheme.id).toBeGreaterThan(0);
      for (const name of scheme.headerNames) expect(name, scheme.id).toBe(name.toLowerCase());
      expect(scheme.descriptor.category).toBe(scheme.category);
      expect(scheme.descriptor.has_snippets).toBe(scheme.snippet !== null);
      if (scheme.snippet) expect(scheme.snippet.schemeId).toBe(scheme.id);
    }
  });

  it('signing then verifying round-trips for every scheme', () => {
    const body = Buffer.from('{"type":"x.y","event":"x.y"}');
    for (const scheme of listSchemes()) {
      const format = scheme.descriptor.secret_format;
      const secret =
        format === 'whsec_base64'
          ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
          : format === 'base64'
            ? 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
            : 'round-trip-secret';
      // [signing key, verifying key]: one shared secret, and/or a generated pair (private signs, public verifies).
      const keys: Array<[string, string]> = scheme.descriptor.key_kind === 'key_pair' ? [] : [[secret, secret]];
      const pair = scheme.keyPair?.generate();
      if (pair) keys.push([pair.private_key, pair.public_key]);
      expect(keys.length, scheme.id).toBeGreaterThan(0);
      expect(scheme.descriptor.key_pair !== null, scheme.id).toBe(pair !== undefined);
      const url = 'https://hooks.example.com/in?x=1';
      for (const [signing, verifying] of keys) {
        const signed = scheme.sign({ secret: signing, body, timestampSeconds: 1_700_000_000, id: 'msg_1', url });
        const check = scheme.verify(
          { headers: Object.entries(signed.headers), body: signed.body ?? body, url, exactUrl: true },
          { secret: verifying, toleranceSeconds: 300, nowSeconds: 1_700_000_000 },
        );
        expect(check.reason, scheme.id).toBe('ok');
      }
    }
  });

  it('the receiver reads event types and delivery ids from the definitions', () => {
    const json = Buffer.from('{"type":"payment_intent.succeeded","action":"opened","event":{"type":"app_mention"}}');
    expect(eventTypeOf('stripe', [], json, 'application/json')).toBe('payment_intent.succeeded');
    expect(eventTypeOf('github', [['X-GitHub-Event', 'pull_request']], json, 'application/json')).toBe('pull_request.opened');
    expect(eventTypeOf('slack', [], json, 'application/json')).toBe('app_mention');
    expect(eventTypeOf('shopify', [['x-shopify-topic', 'orders/create']], json, 'application/json')).toBe('orders/create');
    expect(eventTypeOf('dcisionai', [], Buffer.from('{"event":"model.trained"}'), 'application/json')).toBe('model.trained');
    for (const scheme of listSchemes()) {
      if (!scheme.deliveryIdHeader) continue;
      expect(
        deliveryIdOf([
          ['Content-Type', 'application/json'],
          [scheme.deliveryIdHeader, ` d-${scheme.id} `],
        ]),
        scheme.id,
      ).toBe(`d-${scheme.id}`);
    }
    expect(deliveryIdOf([['x-request-id', 'abc']])).toBeNull();
  });
});

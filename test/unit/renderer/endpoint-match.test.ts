import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { matchEndpoint } from '../../../src/main/engine/receiver/endpoint-match';
import { endpointForPath, ownReceiverEndpoint } from '../../../src/renderer/src/lib/endpoint-match';

const endpoint = (id: string, path: string) => ({ id, path }) as Endpoint;

describe('endpointForPath', () => {
  const endpoints = [endpoint('root', '/'), endpoint('hooks', '/hooks'), endpoint('stripe', '/hooks/stripe')];

  it('picks the longest prefix on a segment boundary, in any order', () => {
    expect(endpointForPath(endpoints, '/hooks/stripe/x')?.id).toBe('stripe');
    expect(endpointForPath([...endpoints].reverse(), '/hooks/stripe')?.id).toBe('stripe');
    expect(endpointForPath(endpoints, '/hooks/stripex')?.id).toBe('hooks');
    expect(endpointForPath(endpoints, '/hooksx')?.id).toBe('root');
    expect(endpointForPath(endpoints, '/hooks')?.id).toBe('hooks');
  });

  it('returns undefined when nothing matches', () => {
    expect(endpointForPath([endpoint('a', '/a')], '/b')).toBeUndefined();
    expect(endpointForPath([], '/')).toBeUndefined();
  });

  it('agrees with the receiver for every path (the empty state must name the endpoint that will capture)', () => {
    const all = [...endpoints, endpoint('slash', '/a/'), endpoint('deep', '/a/b/c')];
    const paths = ['/', '/a', '/a/', '/a/b', '/a/b/c', '/a/b/cd', '/hooks', '/hooks/', '/hooks/stripe/', '/x/hooks', '/webhooks/dcisionai'];
    for (const path of paths) {
      expect(endpointForPath(all, path)?.id, path).toBe(matchEndpoint(all, path)?.id);
    }
  });
});

describe('ownReceiverEndpoint', () => {
  const endpoints = [endpoint('root', '/'), endpoint('platform', '/webhooks/platform')];
  const receiver = 'http://127.0.0.1:4000';

  it('finds the endpoint that receives a URL on the own receiver', () => {
    expect(ownReceiverEndpoint(endpoints, receiver, `${receiver}/webhooks/platform`)?.id).toBe('platform');
    expect(ownReceiverEndpoint(endpoints, `${receiver}/`, `${receiver}/webhooks/platform/x?a=1`)?.id).toBe('platform');
    expect(ownReceiverEndpoint(endpoints, receiver, `${receiver}/other`)?.id).toBe('root');
  });

  it('is undefined for other hosts or an unknown receiver', () => {
    expect(ownReceiverEndpoint(endpoints, receiver, 'http://localhost:3000/webhooks/platform')).toBeUndefined();
    expect(ownReceiverEndpoint(endpoints, receiver, 'http://127.0.0.1:40000/x')).toBeUndefined();
    expect(ownReceiverEndpoint(endpoints, null, `${receiver}/x`)).toBeUndefined();
  });
});

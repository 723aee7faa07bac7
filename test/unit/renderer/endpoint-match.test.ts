import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { matchEndpoint } from '../../../src/main/engine/receiver/endpoint-match';
import { endpointForPath } from '../../../src/renderer/src/lib/endpoint-match';

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

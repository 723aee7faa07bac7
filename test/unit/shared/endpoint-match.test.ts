import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { matchEndpoint, ownReceiverEndpoint, pathHasPrefix } from '../../../src/shared/endpoint-match';

const endpoint = (id: string, path: string) => ({ id, path }) as Endpoint;

describe('matchEndpoint', () => {
  const endpoints = [endpoint('root', '/'), endpoint('hooks', '/hooks'), endpoint('stripe', '/hooks/stripe')];

  it('picks the longest prefix on a segment boundary, in any order', () => {
    expect(matchEndpoint(endpoints, '/hooks/stripe/x')?.id).toBe('stripe');
    expect(matchEndpoint([...endpoints].reverse(), '/hooks/stripe')?.id).toBe('stripe');
    expect(matchEndpoint(endpoints, '/hooks/stripex')?.id).toBe('hooks');
    expect(matchEndpoint(endpoints, '/hooksx')?.id).toBe('root');
    expect(matchEndpoint(endpoints, '/hooks')?.id).toBe('hooks');
  });

  it('returns null when nothing matches', () => {
    expect(matchEndpoint([endpoint('a', '/a')], '/b')).toBeNull();
    expect(matchEndpoint([], '/')).toBeNull();
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
    expect(ownReceiverEndpoint(endpoints, receiver, 'http://localhost:3000/webhooks/platform')).toBeNull();
    expect(ownReceiverEndpoint(endpoints, receiver, 'http://127.0.0.1:40000/x')).toBeNull();
    expect(ownReceiverEndpoint(endpoints, null, `${receiver}/x`)).toBeNull();
  });
});

describe('endpoint matching', () => {
  it('matches on segment boundaries only', () => {
    expect(pathHasPrefix('/a/b', '/a')).toBe(true);
    expect(pathHasPrefix('/a', '/a')).toBe(true);
    expect(pathHasPrefix('/ab', '/a')).toBe(false);
    expect(pathHasPrefix('/anything', '/')).toBe(true);
  });

  it('picks the longest prefix regardless of order', () => {
    const endpoints = [endpoint('root', '/'), endpoint('a', '/a'), endpoint('ab', '/a/b')];
    expect(matchEndpoint(endpoints, '/a/b/c')?.id).toBe('ab');
    expect(matchEndpoint([...endpoints].reverse(), '/a/b/c')?.id).toBe('ab');
    expect(matchEndpoint(endpoints, '/a/c')?.id).toBe('a');
    expect(matchEndpoint(endpoints, '/z')?.id).toBe('root');
  });
});

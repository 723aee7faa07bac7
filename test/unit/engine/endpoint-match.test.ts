import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../src/shared/api';
import { matchEndpoint, pathHasPrefix } from '../../../src/main/engine/receiver/endpoint-match';

const endpoint = (id: string, path: string) => ({ id, path }) as Endpoint;

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

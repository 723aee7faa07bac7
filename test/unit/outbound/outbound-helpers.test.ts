import { describe, expect, it } from 'vitest';
import { forwardUrl } from '../../../src/main/engine/outbound/forward';
import { withoutHopByHop, type HeaderPair } from '../../../src/shared/http-headers';
import { frameRequest, withTargetHost } from '../../../src/main/engine/outbound/framing';

describe('forwardUrl', () => {
  it('appends the path below the prefix and keeps the raw query', () => {
    expect(forwardUrl('http://localhost:3000/api/webhooks', '/hooks', '/hooks/a/b', 'x=1')).toBe(
      'http://localhost:3000/api/webhooks/a/b?x=1',
    );
    expect(forwardUrl('http://localhost:3000/api/webhooks/', '/hooks', '/hooks/a', '')).toBe('http://localhost:3000/api/webhooks/a');
    expect(forwardUrl('http://localhost:3000/api/', '/hooks', '/hooks', '')).toBe('http://localhost:3000/api/');
    expect(forwardUrl('http://localhost:3000', '/', '/any/path', 'q=%2F')).toBe('http://localhost:3000/any/path?q=%2F');
    expect(forwardUrl('https://dev.example:8443/in?token=t', '/hooks', '/hooks/x%20y', 'a=1')).toBe(
      'https://dev.example:8443/in/x%20y?token=t&a=1',
    );
  });
});

describe('framing', () => {
  it('drops hop-by-hop headers, including those the Connection header lists', () => {
    const headers: HeaderPair[] = [
      ['Host', 'a'],
      ['Connection', 'close, X-Trace'],
      ['X-Trace', '1'],
      ['TE', 'trailers'],
      ['Proxy-Authorization', 'x'],
      ['Transfer-Encoding', 'chunked'],
      ['Upgrade', 'h2c'],
      ['Keep-Alive', '5'],
      ['Trailer', 'x'],
      ['X-Keep', 'yes'],
    ];
    expect(withoutHopByHop(headers)).toEqual([
      ['Host', 'a'],
      ['X-Keep', 'yes'],
    ]);
  });

  it('rewrites Host in place and frames exactly what node will send', () => {
    expect(
      withTargetHost(
        [
          ['X-A', '1'],
          ['host', 'old'],
          ['X-B', '2'],
        ],
        'new:1',
      ),
    ).toEqual([
      ['X-A', '1'],
      ['host', 'new:1'],
      ['X-B', '2'],
    ]);
    expect(withTargetHost([['X-A', '1']], 'new:1')).toEqual([
      ['Host', 'new:1'],
      ['X-A', '1'],
    ]);
    const url = new URL('http://example.test:81/x');
    expect(
      frameRequest(
        [
          ['X-A', '1'],
          ['Content-Length', '99'],
        ],
        url,
        'POST',
        Buffer.from('abc'),
      ),
    ).toEqual([
      ['Host', 'example.test:81'],
      ['X-A', '1'],
      ['Content-Length', '3'],
      ['Connection', 'keep-alive'],
    ]);
    expect(frameRequest([], url, 'POST', Buffer.alloc(0))).toContainEqual(['Content-Length', '0']);
    expect(frameRequest([], url, 'GET', Buffer.alloc(0))).toEqual([
      ['Host', 'example.test:81'],
      ['Connection', 'keep-alive'],
    ]);
  });
});

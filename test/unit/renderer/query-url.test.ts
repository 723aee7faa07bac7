import { describe, expect, it } from 'vitest';
import { readQueryParam, urlWithQuery } from '../../../src/renderer/src/lib/query-url';

describe('the query in the URL', () => {
  it('reads ?q= (trimmed), empty when absent', () => {
    expect(readQueryParam('?q=verdict%3Ainvalid+needle')).toBe('verdict:invalid needle');
    expect(readQueryParam('?q=%20%20')).toBe('');
    expect(readQueryParam('')).toBe('');
  });

  it('sets and removes q and leaves other parameters and the hash alone', () => {
    const set = urlWithQuery('http://127.0.0.1:4701/?other=1#x', 'event:"a b"');
    expect(set).toBe('/?other=1&q=event%3A%22a+b%22#x');
    expect(readQueryParam(set.slice(1, set.indexOf('#')))).toBe('event:"a b"');
    expect(urlWithQuery('http://127.0.0.1:4701/?q=x&other=1', '')).toBe('/?other=1');
    expect(urlWithQuery('http://127.0.0.1:4701/?q=x', '')).toBe('/');
  });
});

import { describe, expect, it } from 'vitest';
import { parseRawRequest } from '../../../src/shared/raw-request';

describe('parseRawRequest', () => {
  it('reads a request line, headers in order and case, and the body exactly', () => {
    const result = parseRawRequest(
      'POST /webhooks?x=1 HTTP/1.1\r\nContent-Type: application/json\r\nX-Sig:  abc \r\nX-Sig: def\r\n\r\n{"a":1}\n',
    );
    expect(result).toEqual({
      ok: true,
      request: {
        method: 'POST',
        target: '/webhooks?x=1',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Sig', 'abc'],
          ['X-Sig', 'def'],
        ],
        body: '{"a":1}\n',
      },
    });
  });

  it('accepts headers alone (no body: the body is left as it is)', () => {
    const result = parseRawRequest('X-A: 1\nX-B: t=1,v1=a:b\n');
    expect(result.ok && result.request).toEqual({
      method: null,
      target: null,
      headers: [
        ['X-A', '1'],
        ['X-B', 't=1,v1=a:b'],
      ],
      body: null,
    });
  });

  it('keeps blank lines inside the body and an empty body', () => {
    const result = parseRawRequest('X-A: 1\n\nline1\n\nline3');
    expect(result.ok && result.request.body).toBe('line1\n\nline3');
    const empty = parseRawRequest('X-A: 1\n\n');
    expect(empty.ok && empty.request.body).toBe('');
  });

  it('names the line that is not a header', () => {
    const result = parseRawRequest('X-A: 1\n{"event":"x"}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('Line 2');
  });
});

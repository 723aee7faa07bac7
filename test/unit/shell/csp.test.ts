import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../src/main/shell/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as [string, string];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('has the directives the UI needs, exactly', () => {
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(d.get('worker-src')).toBe("'self' blob:");
    expect(d.get('img-src')).toBe("'self' data:");
    expect(d.get('font-src')).toBe("'self' data:");
    expect(d.get('connect-src')).toBe("'self'");
  });

  it('never allows inline or eval scripts, or remote hosts', () => {
    expect(d.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval|\*|http/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('forbids plugins and framing', () => {
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy when the response has none, keeping other headers', () => {
    const out = withContentSecurityPolicy({ 'Content-Type': ['text/html'], 'X-One': 'a' });
    expect(out['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-One']).toEqual(['a']);
  });

  it("keeps the server's own policy and adds ours beside it (both are enforced)", () => {
    const out = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"] });
    expect(out['content-security-policy']).toEqual(["default-src 'none'", CONTENT_SECURITY_POLICY]);
    expect(Object.keys(out).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });

  it('handles a missing header object', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('does not mutate its input', () => {
    const input = { 'content-security-policy': ["default-src 'self'"] };
    withContentSecurityPolicy(input);
    expect(input['content-security-policy']).toEqual(["default-src 'self'"]);
  });
});

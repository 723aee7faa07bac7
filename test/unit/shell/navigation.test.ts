import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isSameOrigin, originOf } from '../../../src/main/shell/navigation';
import { isPermissionAllowed } from '../../../src/main/shell/permissions';

const UI = 'http://127.0.0.1:4701';

describe('navigation policy', () => {
  it('allows the UI origin, any path, query or fragment', () => {
    for (const url of [`${UI}/`, `${UI}/?token=abc`, `${UI}/requests/5#body`, UI]) {
      expect(decideNavigation(url, UI)).toEqual({ action: 'allow' });
    }
  });

  it('treats a different port, host or scheme as another origin', () => {
    for (const url of ['http://127.0.0.1:4700/', 'http://localhost:4701/', 'https://127.0.0.1:4701/', 'http://127.0.0.2:4701/']) {
      expect(decideNavigation(url, UI).action).not.toBe('allow');
    }
  });

  it('sends ordinary web links to the system browser instead of loading them', () => {
    expect(decideNavigation('https://example.com/docs?a=1', UI)).toEqual({ action: 'open-external', url: 'https://example.com/docs?a=1' });
    expect(decideNavigation('http://localhost:3000/', UI)).toEqual({ action: 'open-external', url: 'http://localhost:3000/' });
  });

  it('denies file:, javascript:, data:, custom schemes and garbage outright', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vscode://open',
      'smb://server/share',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(decideNavigation(url, UI)).toEqual({ action: 'deny' });
    }
  });

  it('never opens a new window, even on the UI origin', () => {
    expect(decideWindowOpen(`${UI}/other`, UI)).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://example.com/', UI)).toEqual({ action: 'open-external', url: 'https://example.com/' });
    expect(decideWindowOpen('file:///tmp/x.html', UI)).toEqual({ action: 'deny' });
  });
});

describe('origin helpers', () => {
  it('returns null for opaque or missing origins', () => {
    expect(originOf('file:///x')).toBeNull();
    expect(originOf('data:,x')).toBeNull();
    expect(originOf(undefined)).toBeNull();
    expect(originOf('::')).toBeNull();
    expect(originOf(`${UI}/a/b?c`)).toBe(UI);
  });

  it('compares against a UI URL that has a trailing slash too', () => {
    expect(isSameOrigin(`${UI}/x`, `${UI}/`)).toBe(true);
    expect(isSameOrigin('file:///x', 'file:///y')).toBe(false);
  });
});

describe('permission policy', () => {
  it('allows only clipboard writes, and only from the UI origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${UI}/`, UI)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', UI, UI)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', UI)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, UI)).toBe(false);
  });

  it('denies everything else', () => {
    for (const p of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(p, `${UI}/`, UI)).toBe(false);
    }
  });
});

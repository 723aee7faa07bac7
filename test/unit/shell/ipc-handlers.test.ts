import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../src/shared/bridge';
import { checkExternalUrl, MAX_EXTERNAL_URL_LENGTH } from '../../../src/main/shell/external-url';
import { createIpcHandlers, guardSender, type ShellServices } from '../../../src/main/shell/ipc-handlers';

const UI = 'http://127.0.0.1:4701';

function fakeServices(): ShellServices & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    openExternal: async (url) => {
      opened.push(url);
    },
    connection: () => ({ receiverUrl: 'http://127.0.0.1:4700', uiUrl: UI }),
    appVersion: () => '1.2.3',
  };
}

describe('checkExternalUrl', () => {
  it('accepts http and https and returns the normalized URL', () => {
    expect(checkExternalUrl('https://example.com')).toEqual({ ok: true, url: 'https://example.com/' });
    expect(checkExternalUrl('HTTP://Example.com/a b')).toEqual({ ok: true, url: 'http://example.com/a%20b' });
  });

  it.each([
    ['file:///etc/passwd', /only opens http: and https: URLs, not file:/],
    ['javascript:alert(1)', /not javascript:/],
    ['mailto:a@b.c', /not mailto:/],
    ['ftp://example.com/', /not ftp:/],
    ['vscode://x', /not vscode:/],
    ['/relative/path', /not an absolute URL/],
    ['', /empty URL/],
    ['https://user:pw@example.com/', /embedded credentials/],
  ])('rejects %s with a message', (url, message) => {
    const result = checkExternalUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(message);
  });

  it('rejects non-strings and over-long URLs', () => {
    expect(checkExternalUrl(42)).toEqual({ ok: false, reason: 'openExternal expects a URL string, got number' });
    expect(checkExternalUrl(null)).toEqual({ ok: false, reason: 'openExternal expects a URL string, got null' });
    const long = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    const result = checkExternalUrl(long);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/the limit is 2048/);
  });
});

describe('createIpcHandlers', () => {
  it('has exactly one handler per bridge channel', () => {
    const handlers = createIpcHandlers(fakeServices());
    expect(Object.keys(handlers).sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('returns the connection details, and only those', async () => {
    const handlers = createIpcHandlers(fakeServices());
    await expect(handlers[BRIDGE_CHANNELS.getConnection]()).resolves.toEqual({ receiverUrl: 'http://127.0.0.1:4700', uiUrl: UI });
  });

  it('returns the app version', async () => {
    await expect(createIpcHandlers(fakeServices())[BRIDGE_CHANNELS.appVersion]()).resolves.toBe('1.2.3');
  });

  it('opens valid http(s) URLs through the injected service', async () => {
    const services = fakeServices();
    const open = createIpcHandlers(services)[BRIDGE_CHANNELS.openExternal];
    await expect(open('https://example.com/docs')).resolves.toBeUndefined();
    expect(services.opened).toEqual(['https://example.com/docs']);
  });

  it('rejects bad URLs with a clear error and opens nothing', async () => {
    const services = fakeServices();
    const open = createIpcHandlers(services)[BRIDGE_CHANNELS.openExternal];
    await expect(open('file:///etc/passwd')).rejects.toThrow('openExternal only opens http: and https: URLs, not file:');
    await expect(open({ href: 'https://example.com' })).rejects.toThrow('expects a URL string, got object');
    await expect(open('https://a.example', 'https://b.example')).rejects.toThrow('exactly one URL, got 2 arguments');
    await expect(open()).rejects.toThrow('exactly one URL, got 0 arguments');
    expect(services.opened).toEqual([]);
  });
});

describe('guardSender', () => {
  const echo = async (...args: unknown[]) => args;

  it('runs the handler for frames on the UI origin', async () => {
    await expect(guardSender(echo, UI)(`${UI}/requests`, 1, 'x')).resolves.toEqual([1, 'x']);
  });

  it('refuses other origins, file: frames and unknown senders', async () => {
    const guarded = guardSender(echo, UI);
    await expect(guarded('https://evil.example/', 1)).rejects.toThrow(/Refused IPC from https:\/\/evil\.example\//);
    await expect(guarded('http://127.0.0.1:4700/', 1)).rejects.toThrow(/only http:\/\/127\.0\.0\.1:4701 may use the bridge/);
    await expect(guarded('file:///tmp/x.html')).rejects.toThrow(/Refused IPC/);
    await expect(guarded(undefined)).rejects.toThrow(/unknown frame/);
  });
});

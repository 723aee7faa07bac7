import { describe, expect, it } from 'vitest';
import { SERVE_USAGE, parseServeArgs } from '../../../src/main/serve-args';
import { DEFAULT_RECEIVER_PORT, DEFAULT_UI_PORT } from '../../../src/shared/api';
import { defaultDataDir } from '../../../src/main/engine/data-dir';

describe('parseServeArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseServeArgs([], {})).toEqual({
      receiverPort: 4700,
      uiPort: 4701,
      host: '127.0.0.1',
      dataDir: null,
      token: null,
      newToken: false,
      bodyLimitBytes: null,
      maxConnections: null,
      ngrokApi: null,
      cloudflaredMetrics: null,
      json: false,
      logLevel: 'info',
    });
  });

  it('reads every flag, with a space or an equals sign', () => {
    expect(
      parseServeArgs(
        ['--receiver-port', '0', '--ui-port=9000', '--host', '0.0.0.0', '--data-dir', '/tmp/x', '--token=abc', '--body-limit-mb', '2'],
        {},
      ),
    ).toEqual({
      receiverPort: 0,
      uiPort: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      token: 'abc',
      newToken: false,
      bodyLimitBytes: 2 * 1024 * 1024,
      maxConnections: null,
      ngrokApi: null,
      cloudflaredMetrics: null,
      json: false,
      logLevel: 'info',
    });
  });

  it('takes environment variables, overridden by flags', () => {
    expect(
      parseServeArgs(['--ui-port', '5'], { HOOKSCOPE_RECEIVER_PORT: '7', HOOKSCOPE_UI_PORT: '8', HOOKSCOPE_TOKEN: 't' }),
    ).toMatchObject({ receiverPort: 7, uiPort: 5, token: 't' });
  });

  it('reads the receiver address as the desktop app does (HOOKSCOPE_RECEIVER_HOST), or by its older name HOOKSCOPE_HOST', () => {
    expect(parseServeArgs([], { HOOKSCOPE_RECEIVER_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(parseServeArgs([], { HOOKSCOPE_HOST: '::1' }).host).toBe('::1');
    expect(parseServeArgs([], { HOOKSCOPE_HOST: '::1', HOOKSCOPE_RECEIVER_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(parseServeArgs(['--host', '127.0.0.2'], { HOOKSCOPE_RECEIVER_HOST: '0.0.0.0' }).host).toBe('127.0.0.2');
  });

  it('reads --json, which takes no value', () => {
    expect(parseServeArgs(['--json'], {})).toMatchObject({ json: true });
    expect(() => parseServeArgs(['--json=yes'], {})).toThrow('--json takes no value.');
  });

  it('reads --new-token, which takes no value', () => {
    expect(parseServeArgs(['--new-token'], {})).toMatchObject({ newToken: true, token: null });
    expect(() => parseServeArgs(['--new-token=yes'], {})).toThrow(/--new-token takes no value/);
  });

  it('reads --max-connections and refuses what is not a count', () => {
    expect(parseServeArgs(['--max-connections', '50'], {})).toMatchObject({ maxConnections: 50 });
    expect(() => parseServeArgs(['--max-connections', '0'], {})).toThrow(
      /--max-connections must be a whole number from 1 to 1000000; got "0"/,
    );
    expect(() => parseServeArgs(['--max-connections=lots'], {})).toThrow(/--max-connections/);
  });

  it('reads --ngrok-api and --cloudflared-metrics as http URLs or host:port', () => {
    expect(parseServeArgs(['--ngrok-api', 'http://127.0.0.1:4041/'], {})).toMatchObject({
      ngrokApi: 'http://127.0.0.1:4041',
      cloudflaredMetrics: null,
    });
    expect(parseServeArgs(['--cloudflared-metrics=127.0.0.1:20241'], {})).toMatchObject({
      cloudflaredMetrics: 'http://127.0.0.1:20241',
      ngrokApi: null,
    });
    expect(() => parseServeArgs(['--ngrok-api', 'ftp://x'], {})).toThrow(/--ngrok-api must be an http URL or host:port/);
    expect(() => parseServeArgs(['--cloudflared-metrics', ''], {})).toThrow(/--cloudflared-metrics/);
  });

  it('reads --log-level (or HOOKSCOPE_LOG_LEVEL, which the flag overrides) and names the flag or variable of a bad value', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      expect(parseServeArgs(['--log-level', level], {}).logLevel).toBe(level);
    expect(parseServeArgs(['--log-level=DEBUG'], {}).logLevel).toBe('debug');
    expect(parseServeArgs([], { HOOKSCOPE_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(parseServeArgs(['--log-level', 'trace'], { HOOKSCOPE_LOG_LEVEL: 'warn' }).logLevel).toBe('trace');
    expect(() => parseServeArgs(['--log-level', 'verbose'], {})).toThrow(
      '--log-level must be one of fatal, error, warn, info, debug, trace, silent; got "verbose".',
    );
    expect(() => parseServeArgs(['--log-level'], {})).toThrow('--log-level needs a value.');
    expect(() => parseServeArgs([], { HOOKSCOPE_LOG_LEVEL: 'loud' })).toThrow(/^HOOKSCOPE_LOG_LEVEL must be one of fatal, error/);
  });

  it('names the bad flag', () => {
    expect(() => parseServeArgs(['--receiver-port', 'eighty'], {})).toThrow(/--receiver-port must be a port number/);
    expect(() => parseServeArgs(['--ui-port', '70000'], {})).toThrow(/--ui-port/);
    expect(() => parseServeArgs(['--data-dir'], {})).toThrow(/--data-dir needs a value/);
    expect(() => parseServeArgs(['--colour', 'red'], {})).toThrow(/Unknown option "--colour"/);
  });
});

describe('defaultDataDir', () => {
  it("follows each platform's per-user app data folder, and HOOKSCOPE_DATA_DIR overrides it", () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Hookscope');
    expect(defaultDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toMatch(/Roaming.Hookscope$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Hookscope$/);
    expect(defaultDataDir({ HOOKSCOPE_DATA_DIR: '/data' }, 'linux')).toBe('/data');
  });

  it('states the real default ports in its usage text (a plain file the launcher prints before any build)', () => {
    expect(SERVE_USAGE).toContain(`port of the webhook receiver (default ${DEFAULT_RECEIVER_PORT},`);
    expect(SERVE_USAGE).toContain(`port of the control API and UI (default ${DEFAULT_UI_PORT},`);
  });
});

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVER_PORT, DEFAULT_UI_PORT } from '../../../src/shared/api';
import { ConfigError, parsePort, resolveConfig, resolveNativeBinding } from '../../../src/main/shell/config';

const none = () => false;

describe('resolveConfig', () => {
  it('defaults to the userData folder, the documented ports and loopback', () => {
    expect(resolveConfig({ env: {}, userDataDir: '/home/u/.config/hookscope', resourcesDir: '/r', exists: none })).toEqual({
      dataDir: '/home/u/.config/hookscope',
      receiverPort: DEFAULT_RECEIVER_PORT,
      uiPort: DEFAULT_UI_PORT,
      receiverHost: '127.0.0.1',
    });
  });

  it('takes overrides from the environment', () => {
    const config = resolveConfig({
      env: { HOOKSCOPE_DATA_DIR: '/tmp/hs', HOOKSCOPE_RECEIVER_PORT: '0', HOOKSCOPE_UI_PORT: ' 5001 ', HOOKSCOPE_RECEIVER_HOST: '0.0.0.0' },
      userDataDir: '/ignored',
      resourcesDir: '/r',
      exists: none,
    });
    expect(config).toEqual({ dataDir: '/tmp/hs', receiverPort: 0, uiPort: 5001, receiverHost: '0.0.0.0' });
  });

  it("takes the headless mode's HOOKSCOPE_HOST as well, HOOKSCOPE_RECEIVER_HOST winning when both are set", () => {
    const base = { userDataDir: '/x', resourcesDir: '/r', exists: none };
    expect(resolveConfig({ ...base, env: { HOOKSCOPE_HOST: '0.0.0.0' } }).receiverHost).toBe('0.0.0.0');
    expect(resolveConfig({ ...base, env: { HOOKSCOPE_HOST: '0.0.0.0', HOOKSCOPE_RECEIVER_HOST: '192.168.1.5' } }).receiverHost).toBe(
      '192.168.1.5',
    );
  });

  it('passes HOOKSCOPE_LOG_LEVEL on to the engine, and refuses a level that does not exist naming the variable', () => {
    const base = { userDataDir: '/x', resourcesDir: '/r', exists: none };
    expect(resolveConfig({ ...base, env: { HOOKSCOPE_LOG_LEVEL: ' Debug ' } }).logLevel).toBe('debug');
    expect(resolveConfig({ ...base, env: { HOOKSCOPE_LOG_LEVEL: '' } })).not.toHaveProperty('logLevel');
    expect(() => resolveConfig({ ...base, env: { HOOKSCOPE_LOG_LEVEL: 'chatty' } })).toThrow(ConfigError);
    expect(() => resolveConfig({ ...base, env: { HOOKSCOPE_LOG_LEVEL: 'chatty' } })).toThrow(
      'HOOKSCOPE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "chatty".',
    );
  });

  it('resolves a relative data dir against the current directory', () => {
    const config = resolveConfig({ env: { HOOKSCOPE_DATA_DIR: 'data' }, userDataDir: '/x', resourcesDir: '/r', exists: none });
    expect(config.dataDir).toBe(resolve('data'));
  });
});

describe('parsePort', () => {
  it('accepts 0..65535 and falls back when unset or blank', () => {
    expect(parsePort(undefined, 4700, 'X')).toBe(4700);
    expect(parsePort('', 4700, 'X')).toBe(4700);
    expect(parsePort('0', 4700, 'X')).toBe(0);
    expect(parsePort('65535', 4700, 'X')).toBe(65535);
  });

  it.each(['65536', '-1', '12.5', 'abc', '1e3', '0x10'])('rejects %s naming the variable', (value) => {
    expect(() => parsePort(value, 4700, 'HOOKSCOPE_UI_PORT')).toThrow(ConfigError);
    expect(() => parsePort(value, 4700, 'HOOKSCOPE_UI_PORT')).toThrow(
      /HOOKSCOPE_UI_PORT=.* is not a port number; use an integer from 0 to 65535/,
    );
  });
});

describe('resolveNativeBinding', () => {
  it('uses the shipped Electron build under <resources>/native when present', () => {
    const resources = mkdtempSync(join(tmpdir(), 'hs-res-'));
    expect(resolveNativeBinding({}, resources)).toBeUndefined();
    mkdirSync(join(resources, 'native'));
    writeFileSync(join(resources, 'native', 'better_sqlite3.node'), '');
    expect(resolveNativeBinding({}, resources)).toBe(join(resources, 'native', 'better_sqlite3.node'));
  });

  it('prefers HOOKSCOPE_SQLITE_BINDING and insists it exists', () => {
    expect(resolveNativeBinding({ HOOKSCOPE_SQLITE_BINDING: '/b.node' }, '/r', (p) => p === '/b.node')).toBe('/b.node');
    expect(() => resolveNativeBinding({ HOOKSCOPE_SQLITE_BINDING: '/missing.node' }, '/r', none)).toThrow(
      'HOOKSCOPE_SQLITE_BINDING points to /missing.node, which does not exist.',
    );
  });

  it('is passed through resolveConfig', () => {
    const config = resolveConfig({
      env: {},
      userDataDir: '/u',
      resourcesDir: '/r',
      exists: (p) => p === join('/r', 'native', 'better_sqlite3.node'),
    });
    expect(config.nativeBinding).toBe(join('/r', 'native', 'better_sqlite3.node'));
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/main/shell/config';
import { describeStartupError, isAbiMismatch, REBUILD_COMMAND } from '../../../src/main/shell/startup-errors';

const config = { receiverPort: 4700, uiPort: 4701 };

function listenError(port: number): Error {
  // The shape Node gives server.listen errors.
  return Object.assign(new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`), {
    code: 'EADDRINUSE',
    address: '127.0.0.1',
    port,
  });
}

describe('describeStartupError', () => {
  it('names the busy receiver port and the variable that changes it', () => {
    const d = describeStartupError(listenError(4700), config);
    expect(d.title).toBe('Hookscope: port unavailable');
    expect(d.message).toContain('The webhook receiver port 4700 is already in use');
    expect(d.message).toContain('HOOKSCOPE_RECEIVER_PORT=4710');
  });

  it('names the busy UI port', () => {
    const d = describeStartupError(listenError(4701), config);
    expect(d.message).toContain('The UI / control API port 4701 is already in use');
    expect(d.message).toContain('HOOKSCOPE_UI_PORT=');
  });

  it('reads the port from the message when the error has no port field', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4701'), { code: 'EADDRINUSE' });
    expect(describeStartupError(err, config).message).toContain('UI / control API port 4701');
  });

  it('still says how to fix an unknown port', () => {
    const d = describeStartupError(listenError(9999), config);
    expect(d.message).toContain('Port 9999 is already in use');
    expect(d.message).toContain('HOOKSCOPE_RECEIVER_PORT / HOOKSCOPE_UI_PORT');
  });

  it('explains an ABI mismatch with the rebuild command and the headless alternative', () => {
    const err = new Error(
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. " +
        'This version of Node.js requires NODE_MODULE_VERSION 140.',
    );
    const d = describeStartupError(err, config);
    expect(d.message).toContain(REBUILD_COMMAND);
    expect(d.message).toContain('npx @electron/rebuild -f -w better-sqlite3');
    expect(d.message).toContain('npm run serve');
    expect(d.message).toContain('needs internet access');
  });

  it('passes configuration errors through', () => {
    expect(describeStartupError(new ConfigError('HOOKSCOPE_UI_PORT="x" is not a port number'), undefined)).toEqual({
      title: 'Hookscope: invalid configuration',
      message: 'HOOKSCOPE_UI_PORT="x" is not a port number',
    });
  });

  it('never returns an empty dialog for unknown errors', () => {
    expect(describeStartupError(new Error('disk full'), config)).toEqual({ title: 'Hookscope could not start', message: 'disk full' });
    expect(describeStartupError('weird', undefined).message).toBe('weird');
  });
});

describe('isAbiMismatch', () => {
  it('recognises only ABI errors', () => {
    expect(isAbiMismatch('... NODE_MODULE_VERSION 115 ...')).toBe(true);
    expect(isAbiMismatch('SQLITE_CANTOPEN: unable to open database file')).toBe(false);
  });
});

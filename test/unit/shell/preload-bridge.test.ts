import { describe, expect, it } from 'vitest';
import { createBridge, type InvokeOnly } from '../../../src/preload/bridge';
import { BRIDGE_CHANNELS } from '../../../src/shared/bridge';

function fakeIpc(replies: Record<string, unknown> = {}): InvokeOnly & { calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  return {
    calls,
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return replies[channel];
    },
  };
}

describe('createBridge (what the preload exposes as window.hookscope)', () => {
  it('exposes exactly the three native capabilities, all functions', () => {
    const bridge = createBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['appVersion', 'getConnection', 'openExternal']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('does not leak the IPC object or anything generic', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc) as unknown as Record<string, unknown>;
    for (const value of Object.values(bridge)) expect(value).not.toBe(ipc);
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'process', 'require']) expect(bridge[name]).toBeUndefined();
  });

  it('calls only ipc.invoke, each method on its own channel', async () => {
    const ipc = fakeIpc({
      [BRIDGE_CHANNELS.getConnection]: { receiverUrl: 'http://127.0.0.1:4700', uiUrl: 'http://127.0.0.1:4701' },
      [BRIDGE_CHANNELS.appVersion]: '0.1.0',
    });
    const bridge = createBridge(ipc);

    await expect(bridge.getConnection()).resolves.toEqual({ receiverUrl: 'http://127.0.0.1:4700', uiUrl: 'http://127.0.0.1:4701' });
    await expect(bridge.appVersion()).resolves.toBe('0.1.0');
    await expect(bridge.openExternal('https://example.com/')).resolves.toBeUndefined();

    expect(ipc.calls).toEqual([
      [BRIDGE_CHANNELS.getConnection, []],
      [BRIDGE_CHANNELS.appVersion, []],
      [BRIDGE_CHANNELS.openExternal, ['https://example.com/']],
    ]);
    const known = new Set<string>(Object.values(BRIDGE_CHANNELS));
    for (const [channel] of ipc.calls) expect(known.has(channel)).toBe(true);
  });

  it('passes only a string to main, whatever the page hands in', async () => {
    const ipc = fakeIpc();
    await createBridge(ipc).openExternal({ toString: () => 'https://x.example/' } as unknown as string);
    expect(ipc.calls).toEqual([[BRIDGE_CHANNELS.openExternal, ['https://x.example/']]]);
  });

  it('propagates rejections from main (e.g. a refused URL)', async () => {
    const bridge = createBridge({
      invoke: async () => Promise.reject(new Error('openExternal only opens http: and https: URLs, not file:')),
    });
    await expect(bridge.openExternal('file:///x')).rejects.toThrow(/not file:/);
  });

  it('uses distinct, namespaced channel names', () => {
    const channels = Object.values(BRIDGE_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^hookscope:[a-z-]+$/);
  });
});

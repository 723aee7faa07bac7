import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { ApiRequestError } from '../../../src/shared/contract/errors';
import { Tunnel, listTunnels, startTunnel, stopTunnel, tunnelInstallHelpOf } from '../../../src/shared/contract/tunnels';
import { NO_AGENTS } from './fake-tunnels';

let t: TestEngine;
const empty = mkdtempSync(join(tmpdir(), 'hookscope-empty-path-'));
beforeAll(async () => {
  t = await startTestEngine({ tunnels: { env: { PATH: empty }, ...NO_AGENTS } });
});
afterAll(async () => {
  await t.stop();
  rmSync(empty, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((error: unknown) => error);

describe('tunnels through the typed client', () => {
  it('lists the tunnels as the contract describes them', async () => {
    const tunnels = await t.client.data(listTunnels);
    for (const tunnel of tunnels) expect(Value.Check(Tunnel, tunnel)).toBe(true);
  });

  it('reads `install` of a 424 tunnel_unavailable through tunnelInstallHelpOf, typed', async () => {
    const error = await failure(t.client.data(startTunnel, { body: { provider: 'ngrok' } }));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(424);
    expect((error as ApiRequestError).code).toBe('tunnel_unavailable');
    const install = tunnelInstallHelpOf(error);
    expect(install).toMatchObject({ provider: 'ngrok', platform: process.platform, env_var: 'HOOKSCOPE_NGROK' });
    expect(install?.url).toMatch(/^https:\/\//);
  });

  it('has no install help for any other error, nor for what is not an engine error', async () => {
    const notRunning = await failure(t.client.data(stopTunnel, { params: { provider: 'cloudflared' } }));
    expect(notRunning).toBeInstanceOf(ApiRequestError);
    expect(tunnelInstallHelpOf(notRunning)).toBeNull();
    expect(tunnelInstallHelpOf(new ApiRequestError(424, 'tunnel_unavailable', 'x', { install: { provider: 'ngrok' } }))).toBeNull();
    expect(tunnelInstallHelpOf(new Error('boom'))).toBeNull();
  });
});

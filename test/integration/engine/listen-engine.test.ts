import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE_SECONDS, type Endpoint } from '../../../src/shared/api';
import { DEFAULT_RESPONSE } from '../../../src/main/engine/store/endpoints-repo';
import { startEngine, type RunningEngine } from '../../../src/main/engine/engine';
import { LISTEN_ENDPOINT_ID } from '../../../src/main/engine/listen-session';
import { makeDataDir, startTestEngine } from '../../helpers/engine';

/**
 * `hookscope listen` runs the engine on the app's data directory, often beside the app: it must
 * not do the app's background work twice (prune the history, send queued deliveries) nor rotate
 * the app's log file.
 */
let running: RunningEngine | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

const listenEndpoint = (): Endpoint => ({
  id: LISTEN_ENDPOINT_ID,
  name: 'hookscope listen',
  path: '/',
  scheme: 'dcisionai',
  secret: 'listen-secret',
  tolerance_seconds: DEFAULT_TOLERANCE_SECONDS,
  enforce: false,
  response: DEFAULT_RESPONSE,
  forward_to: null,
  forward_timeout_ms: 10_000,
  custom: null,
  answer_handshakes: true,
  verify_token: null,
  created_at: '',
  updated_at: '',
});

describe('the engine under hookscope listen', () => {
  it('prunes nothing and logs to logs/listen.log, leaving hookscope.log to the app', async () => {
    const dataDir = makeDataDir();
    // The app keeps one capture at most.
    const app = await startTestEngine({ dataDir });
    expect((await app.api('PUT', '/settings/retention', { max_captures: 1 })).status).toBe(200);
    await app.stop({ keepData: true });
    const appLog = join(dataDir, 'logs', 'hookscope.log');
    const appLogSize = existsSync(appLog) ? statSync(appLog).size : 0;

    const stored: number[] = [];
    running = await startEngine({
      dataDir,
      receiverPort: 0,
      receiverHost: '127.0.0.1',
      uiPort: 0,
      token: 'listen-token',
      version: 'test',
      rendererDir: join(process.cwd(), 'out/renderer'),
      listen: { endpoint: listenEndpoint(), captured: (id) => stored.push(id) },
    });
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${running.receiverUrl}/hook-${i}`, {
        method: 'POST',
        body: `{"event":"n.${i}"}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
    }
    await expect.poll(() => stored.length).toBe(3);
    // Retention would have run right after the commit; give it the chance it must not take (it runs after 0.5 s of quiet).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const list = await fetch(`${running.uiUrl}/api/requests?limit=10`, { headers: { authorization: 'Bearer listen-token' } });
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(3);
    await running.close();
    running = null;

    expect(existsSync(join(dataDir, 'logs', 'listen.log'))).toBe(true);
    const after = existsSync(appLog) ? statSync(appLog).size : 0;
    expect(after).toBe(appLogSize);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../../../src/shared/api';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

let t: TestEngine | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await t?.stop();
  t = null;
});

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

const closed = (socket: Socket) =>
  new Promise<number>((resolve) => {
    const started = Date.now();
    if (socket.destroyed) resolve(0);
    socket.once('close', () => resolve(Date.now() - started));
  });

const health = async (engine: TestEngine) => (await engine.api<{ data: Health }>('GET', '/health')).body.data;

describe('receiver connections', () => {
  it('closes a connection that sends nothing, and keeps one that is sending a request', async () => {
    t = await startTestEngine({ silentConnectionMs: 300 });
    const silent = await open(t.engine.receiverUrl);
    const talking = await open(t.engine.receiverUrl);
    talking.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab');
    expect(await closed(silent)).toBeLessThan(3000);
    expect(talking.destroyed).toBe(false);
    const answer = new Promise<string>((resolve) => talking.once('data', (chunk) => resolve(String(chunk))));
    talking.write('cde');
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    expect((await health(t)).receiver_connections).toMatchObject({ closed_silent: 1, refused: 0 });
  });

  it('refuses connections beyond the limit, counts them, and accepts again once one closes', async () => {
    t = await startTestEngine({ maxConnections: 2 });
    const first = await open(t.engine.receiverUrl);
    await open(t.engine.receiverUrl);
    const third = await open(t.engine.receiverUrl);
    expect(await closed(third)).toBeLessThan(3000);
    expect((await health(t)).receiver_connections).toMatchObject({ open: 2, max: 2, refused: 1 });
    first.destroy();
    await closed(first);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await t.send('/after', { body: 'x' });
    expect(response.status).toBe(200);
  });
});

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tunnel } from '../../../src/shared/api';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';
import { jsonServer, localOnlyFetch, NO_AGENTS } from './fake-tunnels';

const undo: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the previous public URL', () => {
  it('with two tunnels of one provider: each session keeps the set, compares it once with the last one, and writes only when it grows', async () => {
    const dataDir = makeDataDir();
    const file = join(dataDir, 'tunnels.json');
    let receiverPort = 0;
    let urls = ['https://aaa.ngrok-free.app', 'https://bbb.ngrok-free.app'];
    const agent = await jsonServer((path) =>
      path === '/api/tunnels'
        ? {
            tunnels: urls.map((url, index) => ({
              name: `t${index}`,
              public_url: url,
              proto: 'https',
              config: { addr: `http://localhost:${receiverPort}` },
            })),
            uri: '/api/tunnels',
          }
        : undefined,
    );
    undo.push(agent.close);
    const checks = localOnlyFetch(); // the self-checks of these public URLs stay on this machine
    const session = async (keepData: boolean): Promise<TestEngine> => {
      const t = await startTestEngine({
        dataDir,
        tunnels: { env: { PATH: '' }, ...NO_AGENTS, ngrokApi: agent.url, pollMs: 50, selfCheckMs: 60_000, fetch: checks.fetch },
      });
      undo.push(() => t.stop({ keepData }));
      receiverPort = Number(new URL(t.engine.receiverUrl).port);
      return t;
    };
    /** Several polls' worth of views: what each tunnel reports as previous, every time, and tunnels.json's inode. */
    const rounds = async (t: TestEngine) => {
      const seen: Array<Record<string, string | null>> = [];
      const inodes = new Set<number>();
      for (let round = 0; round < 6; round += 1) {
        const list = (await t.api<{ data: Tunnel[] }>('GET', '/tunnels')).body.data;
        expect(list.every((tunnel) => tunnel.points_here)).toBe(true);
        seen.push(Object.fromEntries(list.map((tunnel) => [tunnel.public_url as string, tunnel.previous_public_url])));
        inodes.add(statSync(file).ino);
        await sleep(80);
      }
      return { seen, inodes };
    };

    const first = await session(true);
    const one = await rounds(first);
    expect(one.seen).toEqual(Array(6).fill({ 'https://aaa.ngrok-free.app': null, 'https://bbb.ngrok-free.app': null }));
    expect(one.inodes.size, 'tunnels.json rewritten on polls').toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      public_urls: { ngrok: ['https://aaa.ngrok-free.app', 'https://bbb.ngrok-free.app'] },
    });
    await first.engine.close();

    // Next session: both quick URLs changed; each new one names one old one, and keeps naming it.
    urls = ['https://ccc.ngrok-free.app', 'https://ddd.ngrok-free.app'];
    const second = await session(false);
    const two = await rounds(second);
    expect(two.seen).toEqual(
      Array(6).fill({
        'https://ccc.ngrok-free.app': 'https://aaa.ngrok-free.app',
        'https://ddd.ngrok-free.app': 'https://bbb.ngrok-free.app',
      }),
    );
    expect(two.inodes.size).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      public_urls: { ngrok: ['https://ccc.ngrok-free.app', 'https://ddd.ngrok-free.app'] },
    });
  });
});

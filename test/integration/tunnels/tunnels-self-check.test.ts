import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestPage } from '../../../src/shared/api';
import { startTestEngine } from '../../helpers/engine';
import { eventually, jsonServer, NO_AGENTS } from './fake-tunnels';

const undo: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
});

describe('the self-check mark', () => {
  it('is a one-time nonce per check: the check is answered uncaptured, a replayed or forged mark is captured like any request', async () => {
    let receiverPort = 0;
    const marks: string[] = [];
    // The tunnel's public side, on this machine: it forwards to the receiver and notes the mark it carried.
    const proxy = createServer((req, res) => {
      const mark = req.headers['x-hookscope-self-check'];
      if (typeof mark === 'string') marks.push(mark);
      const out = httpRequest(
        { host: '127.0.0.1', port: receiverPort, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    undo.push(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const publicUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const agent = await jsonServer((path) =>
      path === '/api/tunnels'
        ? {
            tunnels: [{ name: 'hooks', public_url: publicUrl, proto: 'http', config: { addr: `http://localhost:${receiverPort}` } }],
            uri: '/api/tunnels',
          }
        : undefined,
    );
    undo.push(agent.close);
    const t = await startTestEngine({ tunnels: { env: { PATH: '' }, ...NO_AGENTS, ngrokApi: agent.url, pollMs: 100, selfCheckMs: 150 } });
    undo.push(() => t.stop());
    receiverPort = Number(new URL(t.engine.receiverUrl).port);

    await eventually(t, (list) => list[0]?.points_here === true && list[0].listener.status === 'ok');
    await eventually(t, () => marks.length >= 2);
    expect(new Set(marks).size, 'one nonce per check').toBe(marks.length);
    expect((await t.api<RequestPage>('GET', '/requests?limit=5')).body.total).toBe(0);

    // A mark seen on the way (a replay) and a made-up one are ordinary requests.
    const replayed = await fetch(`${t.engine.receiverUrl}/hooks/replayed`, {
      method: 'POST',
      headers: { 'x-hookscope-self-check': marks[0] as string },
      body: '{}',
    });
    const forged = await fetch(`${t.engine.receiverUrl}/hooks/forged`, {
      method: 'POST',
      headers: { 'x-hookscope-self-check': 'made-up' },
      body: '{}',
    });
    for (const answer of [replayed, forged]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-hookscope-self-check')).toBeNull();
      await answer.body?.cancel();
    }
    const page = (await t.api<RequestPage>('GET', '/requests?limit=5')).body;
    expect(page.total).toBe(2);
    expect(page.data.map((capture) => capture.path).sort()).toEqual(['/hooks/forged', '/hooks/replayed']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildReceiver } from '../../../src/main/engine/receiver/receiver';
import type { NewCapture } from '../../../src/main/engine/store/capture';

// "Durable before acknowledged": the sender must hear nothing until its capture is committed.
describe('the receiver acknowledges only committed captures', () => {
  it('answers only after the commit resolves', async () => {
    let release: (id: number) => void = () => {};
    const committed: NewCapture[] = [];
    const app = buildReceiver({
      bodyLimitBytes: 1024,
      endpoints: () => [],
      commit: (capture) =>
        new Promise<number>((resolve) => {
          committed.push(capture);
          release = resolve;
        }),
      controlToken: 'control-token',
      parserAnswered: () => {},
    });
    let answered = false;
    const response = app.inject({ method: 'POST', url: '/hook', payload: 'x' }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(committed).toHaveLength(1);
    expect(answered).toBe(false);
    release(1);
    expect((await response).statusCode).toBe(200);
    await app.close();
  });

  it('answers 500, never a 2xx, when the commit fails', async () => {
    const app = buildReceiver({
      bodyLimitBytes: 1024,
      endpoints: () => [],
      commit: () => Promise.reject(new Error('disk full')),
      controlToken: 'control-token',
      parserAnswered: () => {},
    });
    const response = await app.inject({ method: 'POST', url: '/hook', payload: 'x' });
    expect(response.statusCode).toBe(500);
    await app.close();
  });
});

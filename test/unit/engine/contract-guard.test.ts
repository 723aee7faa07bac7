import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { assertInContract } from '../../../src/main/engine/control/contract-guard';
import { routeOf } from '../../../src/main/engine/control/route-of';
import { getHealth } from '../../../src/shared/contract/health';

function guarded() {
  const app = Fastify();
  app.addHook('onRoute', assertInContract);
  return app;
}

describe('the contract guard of the control app', () => {
  it('refuses an /api route registered by hand, naming it and what to do', () => {
    const app = guarded();
    expect(() => app.get('/api/made-up', async () => ({ data: 1 }))).toThrow(
      /GET \/api\/made-up is not an operation of the API contract: define it in src\/shared\/contract/,
    );
  });

  it('refuses a contract path registered under another operation id or method', () => {
    const app = guarded();
    expect(() => app.get('/api/health', { schema: { operationId: 'somethingElse' } }, async () => ({}))).toThrow(/not an operation/);
    expect(() => app.post('/api/health', { schema: { operationId: 'getHealth' } }, async () => ({}))).toThrow(/POST \/api\/health/);
  });

  it('accepts a contract operation registered with routeOf, and routes outside /api', async () => {
    const app = guarded();
    app.route({ ...routeOf(getHealth), handler: async () => ({}) as never });
    app.get('/index.html', async () => 'ui');
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});

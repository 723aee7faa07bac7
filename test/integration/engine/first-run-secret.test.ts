import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint, type RequestPage } from '../../../src/shared/api';
import { openDatabase } from '../../../src/main/engine/store/database';
import { migrate } from '../../../src/main/engine/store/migrations';
import { signDcisionAI } from '../../helpers/dcisionai-signer';
import { makeDataDir, startTestEngine, type TestEngine } from '../../helpers/engine';

const dataDirs: string[] = [];
const engines: TestEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop({ keepData: true });
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir?: string): Promise<TestEngine> {
  const engine = await startTestEngine({ dataDir });
  engines.push(engine);
  if (!dataDir) dataDirs.push(engine.dataDir);
  return engine;
}

async function catchAll(t: TestEngine): Promise<Endpoint> {
  return (await t.api<{ data: Endpoint }>('GET', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`)).body.data;
}

describe('first run: the catch-all gets a generated secret', () => {
  it('generates a distinct guide-shaped secret per fresh data directory, and a signed sample verifies valid', async () => {
    const a = await start();
    const b = await start();
    const secretA = (await catchAll(a)).secret;
    expect(secretA).toMatch(/^webhook_secret_[0-9a-f]{32}$/);
    expect((await catchAll(b)).secret).not.toBe(secretA);

    const body = '{"event":"project.created","data":{}}';
    await a.send('/webhooks/dcisionai', { headers: { 'content-type': 'application/json', ...signDcisionAI(secretA, body) }, body });
    const page = await a.api<RequestPage>('GET', '/requests?limit=1');
    expect(page.body.data[0]?.verification.verdict).toBe('valid');
  });

  it('keeps the secret across restarts and never overwrites one the user changed or cleared', async () => {
    const first = await start();
    const generated = (await catchAll(first)).secret;
    await first.stop({ keepData: true });
    engines.splice(engines.indexOf(first), 1);

    const second = await start(first.dataDir);
    expect((await catchAll(second)).secret).toBe(generated);
    await second.api('PUT', `/endpoints/${CATCH_ALL_ENDPOINT_ID}`, { secret: '' });
    await second.stop({ keepData: true });
    engines.splice(engines.indexOf(second), 1);

    const third = await start(first.dataDir);
    expect((await catchAll(third)).secret).toBe('');
  });

  it('leaves an existing data directory (an upgrade) with its secret-less catch-all untouched', async () => {
    // A database as an earlier release left it: migrated, a secret-less catch-all.
    const dataDir = makeDataDir();
    dataDirs.push(dataDir);
    const db = openDatabase(dataDir);
    migrate(db);
    db.prepare(
      `INSERT INTO endpoints (id, name, path, scheme, secret, tolerance_seconds, enforce, response_json,
      forward_to, forward_timeout_ms, custom_json, created_at, updated_at)
      VALUES (?, 'Catch-all', '/', 'dcisionai', '', 300, 0, '{"status":200,"headers":{},"body":"","delay_ms":0}', NULL, 30000, NULL, 1, 1)`,
    ).run(CATCH_ALL_ENDPOINT_ID);
    db.close();

    const t = await start(dataDir);
    const endpoint = await catchAll(t);
    expect(endpoint.secret).toBe('');
    expect(endpoint.updated_at).toBe(new Date(1).toISOString());
    const endpoints = (await t.api<{ data: Endpoint[] }>('GET', '/endpoints')).body.data;
    expect(endpoints).toHaveLength(1);
  });
});

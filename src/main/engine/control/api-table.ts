/**
 * README's route tables from the running API's own description: `npm run api-table`
 * (scripts/api-table.mjs, over the build of this module) starts an engine on free ports in a
 * temporary folder, reads GET /api/openapi.json and rewrites README's block; a test fails while
 * README's copy differs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEngine } from '../engine';
import { createApiClient } from '../../../shared/contract/client';
import { openApiOperation } from '../../../shared/contract/meta';
import type { OpenApiLike } from '../../../shared/contract/route-table';

export { renderRouteTables, replaceRouteTables } from '../../../shared/contract/route-table';

/** The OpenAPI document of an engine started for the purpose (and stopped). */
export async function currentOpenApi(): Promise<OpenApiLike> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookscope-api-table-'));
  const token = randomBytes(16).toString('hex');
  const engine = await startEngine({
    dataDir,
    receiverPort: 0,
    receiverHost: '127.0.0.1',
    uiPort: 0,
    token,
    rendererDir: dataDir,
    version: 'docs',
  });
  try {
    const client = createApiClient({ baseUrl: engine.uiUrl, headers: () => ({ authorization: `Bearer ${token}` }) });
    return (await client.call(openApiOperation)) as unknown as OpenApiLike;
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

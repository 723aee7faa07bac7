import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { openApiOperation } from '../../../src/shared/contract/meta';
import { renderRouteTables, replaceRouteTables, type OpenApiLike } from '../../../src/shared/contract/route-table';

describe("README's control API route tables", () => {
  let engine: TestEngine;
  let doc: OpenApiLike;

  beforeAll(async () => {
    engine = await startTestEngine();
    doc = (await engine.client.call(openApiOperation)) as unknown as OpenApiLike;
  });
  afterAll(() => engine.stop());

  it('are what GET /api/openapi.json renders (run `npm run api-table` after changing an operation)', () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const result = replaceRouteTables(readme, renderRouteTables(doc));
    expect(result.ok, result.ok ? '' : result.message).toBe(true);
    expect(result.ok && result.changed, 'README.md is stale: run `npm run api-table`').toBe(false);
  });

  it('list every operation once, under its group', () => {
    const tables = renderRouteTables(doc);
    const rows = tables.split('\n').filter((line) => line.startsWith('| `'));
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(rows).toHaveLength(operations.length);
    expect(tables).toContain('| `GET /health` |');
    expect(tables).toContain('| `PUT /endpoints/:id` |');
  });

  it('escape pipes so a summary cannot split its row', () => {
    const tables = renderRouteTables({ paths: { '/api/x': { get: { summary: 'a | b', tags: ['engine'] } } } });
    expect(tables).toContain('| `GET /x` | a \\| b |');
  });
});

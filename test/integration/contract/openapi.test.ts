import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { startTestEngine, type TestEngine } from '../../helpers/engine';
import { OPERATIONS } from '../../../src/shared/contract';
import { openApiOperation } from '../../../src/shared/contract/meta';
import { createEndpoint as createEndpointOp } from '../../../src/shared/contract/endpoints';
import { ApiRequestError } from '../../../src/shared/contract/errors';

type OpenApiDocument = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
};

/** `/api/requests/:id` → `/api/requests/{id}`, as OpenAPI writes paths. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  let engine: TestEngine;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    engine = await startTestEngine();
    doc = (await engine.client.call(openApiOperation)) as unknown as OpenApiDocument;
  });
  afterAll(() => engine.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every operation of the contract, each with a success answer that has a schema', () => {
    for (const op of OPERATIONS) {
      const entry = doc.paths[openApiPath(op.url)]?.[op.method.toLowerCase()];
      expect(entry, `${op.method} ${op.url}`).toBeDefined();
      expect(entry?.operationId).toBe(op.operationId);
      const success = Object.entries(entry?.responses ?? {}).filter(([status]) => status.startsWith('2'));
      expect(success.length, `${op.operationId} has a 2xx answer`).toBeGreaterThan(0);
      for (const [status, response] of success) {
        const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
        expect(schemas.length, `${op.operationId} ${status} has content`).toBeGreaterThan(0);
        for (const schema of schemas) expect(schema, `${op.operationId} ${status}`).toBeTruthy();
      }
    }
  });

  it('lists nothing the contract does not define, and never the UI files', () => {
    const known = new Set(OPERATIONS.map((op) => `${op.method.toLowerCase()} ${openApiPath(op.url)}`));
    const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(listed.filter((entry) => !known.has(entry))).toEqual([]);
  });

  it('needs the token like every other route', async () => {
    const response = await fetch(`${engine.engine.uiUrl}/api/openapi.json`);
    expect(response.status).toBe(401);
  });

  it('the typed client reports an engine error with its code and message', async () => {
    const error = await engine.client.data(createEndpointOp, { body: { path: 'no-slash' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(400);
    expect((error as ApiRequestError).message).toMatch(/path/);
  });

  it('describes what the export files hold, and a real export matches that description', async () => {
    const sent = await engine.send('/hooks/export', { headers: { 'content-type': 'application/json' }, body: '{"event":"x"}' });
    expect(sent.status).toBeLessThan(500);
    const { body: page } = await engine.api<{ data: Array<{ id: number }> }>('GET', '/requests');
    const ids = page.data.map((row) => row.id).join(',');
    for (const [path, file] of [
      ['/api/requests/export.json', `export.json?ids=${ids}`],
      ['/api/requests/export.har', `export.har?ids=${ids}`],
    ] as const) {
      const schema = doc.paths[path]?.get?.responses?.['200']?.content?.['application/json']?.schema as Record<string, unknown>;
      expect(schema?.type, path).toBe('object');
      const answer = await engine.api<unknown>('GET', `/requests/${file}`);
      expect(answer.status).toBe(200);
      const validate = new Ajv2020({ strict: false }).compile(schema);
      expect(validate(answer.body), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

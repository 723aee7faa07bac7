import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../helpers/engine';

type ErrorAnswer = { error: { code: string; message: string } };

describe('validation messages of nullable fields', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine();
  });
  afterAll(() => engine.stop());

  it('name the field, its type and that null is allowed, in words', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['PUT', '/endpoints/ep_default', { custom: 'x' }, 'body.custom must be object or null.'],
      ['PUT', '/endpoints/ep_default', { forward_to: 123 }, 'body.forward_to must be string or null.'],
      ['PUT', '/settings/retention', { max_captures: 'lots' }, 'body.max_captures must be integer or null.'],
    ];
    for (const [method, path, body, message] of cases) {
      const answer = await engine.api<ErrorAnswer>(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect(answer.body.error).toEqual({ code: 'invalid_request', message });
    }
  });
});

/** The API's description of itself. */
import { Type } from './schema';
import { defineOperation } from './operation';

export const openApiOperation = defineOperation({
  method: 'GET',
  url: '/api/openapi.json',
  operationId: 'getOpenApi',
  summary: 'this API described as OpenAPI 3.1 (generated from the schemas the routes validate and answer with)',
  tags: ['meta'],
  responses: {
    200: Type.Object(
      {
        openapi: Type.String(),
        info: Type.Object({}, { additionalProperties: true }),
        paths: Type.Object({}, { additionalProperties: true }),
      },
      { additionalProperties: true },
    ),
  },
});

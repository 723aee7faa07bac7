/**
 * GET /api/openapi.json: the control API described as OpenAPI 3.1 by @fastify/swagger, from the
 * same contract schemas the routes validate and serialize with (src/shared/contract).
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { ControlApp } from './control-app';
import { routeOf } from './route-of';
import { openApiOperation } from '../../../shared/contract/meta';
import { toJsonSchema2020 } from '../../../shared/contract/json-schema-2020';
import { API_TAGS } from '../../../shared/contract/tags';

export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hookscope control API',
        version,
        description:
          'JSON over HTTP on the UI port (default 4701). Every request needs the per-launch token as `Authorization: Bearer <token>` and a loopback `Host` header. Answers are `{"data": ...}`; errors `{"error": {"code", "message"}}`.',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The per-launch token printed at start.' } } },
      security: [{ token: [] }],
      tags: API_TAGS.map((tag) => ({ ...tag })),
    },
    // Only the API: the UI's files are served by the same app.
    hideUntagged: true,
    // TypeBox writes draft-07 tuples (`items: [...]`); OpenAPI 3.1 speaks JSON Schema 2020-12.
    transform: ({ schema, url }) => ({ schema: toJsonSchema2020(schema) as typeof schema, url }),
  };
}

export function registerOpenApiRoute(app: ControlApp): void {
  app.route({ ...routeOf(openApiOperation), handler: async () => app.swagger() as never });
}

import type { ControlApp } from '../control-app';
import type { EndpointsService } from '../../services/endpoints-service';
import { routeOf } from '../route-of';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, updateEndpoint } from '../../../../shared/contract/endpoints';

export function registerEndpointRoutes(app: ControlApp, endpoints: EndpointsService): void {
  app.route({ ...routeOf(listEndpoints), handler: async () => ({ data: [...endpoints.list()] }) });

  app.route({
    ...routeOf(createEndpoint),
    handler: async (request, reply) => {
      reply.code(201);
      return { data: endpoints.create(request.body) };
    },
  });

  app.route({ ...routeOf(getEndpoint), handler: async (request) => ({ data: endpoints.get(request.params.id) }) });

  app.route({
    ...routeOf(updateEndpoint),
    handler: async (request) => ({ data: await endpoints.update(request.params.id, request.body) }),
  });

  app.route({
    ...routeOf(deleteEndpoint),
    handler: async (request) => {
      endpoints.delete(request.params.id);
      return { data: { id: request.params.id, deleted: true as const } };
    },
  });
}

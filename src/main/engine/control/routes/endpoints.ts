import type { FastifyInstance } from 'fastify';
import type { EndpointInput } from '../../../../shared/api';
import type { EndpointsService } from '../../services/endpoints-service';
import { endpointCreateBody, endpointUpdateBody, idParam } from '../schemas';

export function registerEndpointRoutes(app: FastifyInstance, endpoints: EndpointsService): void {
  app.get('/api/endpoints', async () => ({ data: endpoints.list() }));

  app.post<{ Body: EndpointInput }>('/api/endpoints', { schema: { body: endpointCreateBody } }, async (request, reply) => {
    reply.code(201);
    return { data: endpoints.create(request.body) };
  });

  app.get<{ Params: { id: string } }>('/api/endpoints/:id', { schema: { params: idParam } }, async (request) => ({
    data: endpoints.get(request.params.id),
  }));

  app.put<{ Params: { id: string }; Body: EndpointInput }>(
    '/api/endpoints/:id',
    { schema: { params: idParam, body: endpointUpdateBody } },
    async (request) => ({ data: await endpoints.update(request.params.id, request.body) }),
  );

  app.delete<{ Params: { id: string } }>('/api/endpoints/:id', { schema: { params: idParam } }, async (request) => {
    endpoints.delete(request.params.id);
    return { data: { id: request.params.id, deleted: true } };
  });
}

import type { FastifyInstance } from 'fastify';
import type { ManagedTunnelProvider, TunnelProvider } from '../../../../shared/api';
import type { TunnelService } from '../../tunnels/tunnel-service';
import { oneTunnel, tunnelList, tunnelProviderParam, tunnelStartBody } from '../tunnel-schemas';

export function registerTunnelRoutes(app: FastifyInstance, tunnels: TunnelService): void {
  app.get('/api/tunnels', { schema: { response: { 200: tunnelList } } }, async () => ({
    data: await tunnels.list(),
  }));

  // Answers once the public URL is known (or with why not: what the binary printed).
  app.post<{ Body: { provider: ManagedTunnelProvider } }>(
    '/api/tunnels',
    { schema: { body: tunnelStartBody, response: { 201: oneTunnel } } },
    async (request, reply) => {
      const data = await tunnels.start(request.body.provider);
      reply.code(201);
      return { data };
    },
  );

  app.delete<{ Params: { provider: TunnelProvider } }>(
    '/api/tunnels/:provider',
    { schema: { params: tunnelProviderParam, response: { 200: oneTunnel } } },
    async (request) => ({
      data: await tunnels.stop(request.params.provider),
    }),
  );
}

import type { ControlApp } from '../control-app';
import type { TunnelService } from '../../tunnels/tunnel-service';
import { routeOf } from '../route-of';
import { listTunnels, startTunnel, stopTunnel } from '../../../../shared/contract/tunnels';

export function registerTunnelRoutes(app: ControlApp, tunnels: TunnelService): void {
  app.route({ ...routeOf(listTunnels), handler: async () => ({ data: await tunnels.list() }) });

  // Answers once the public URL is known (or with why not: what the binary printed).
  app.route({
    ...routeOf(startTunnel),
    handler: async (request, reply) => {
      const data = await tunnels.start(request.body.provider);
      reply.code(201);
      return { data };
    },
  });

  app.route({ ...routeOf(stopTunnel), handler: async (request) => ({ data: await tunnels.stop(request.params.provider) }) });
}

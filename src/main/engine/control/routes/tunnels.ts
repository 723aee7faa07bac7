import type { FastifyInstance } from 'fastify';
import type { ManagedTunnelProvider, TunnelProvider } from '../../../../shared/api';
import type { TunnelService } from '../../tunnels/tunnel-service';

const listenerHealth = {
  type: 'object',
  required: ['status', 'error', 'checked_at'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unreachable', 'unchecked'] },
    error: { type: ['string', 'null'] },
    checked_at: { type: ['string', 'null'] },
  },
} as const;

const tunnel = {
  type: 'object',
  required: ['provider', 'public_url', 'target_url', 'status', 'points_here', 'managed', 'error', 'output', 'previous_public_url', 'listener'],
  properties: {
    provider: { type: 'string', enum: ['ngrok', 'cloudflared', 'tailscale'] },
    public_url: { type: ['string', 'null'] },
    target_url: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['online', 'offline', 'starting', 'error'] },
    points_here: { type: 'boolean' },
    managed: { type: 'boolean' },
    error: { type: ['string', 'null'] },
    output: { type: 'array', items: { type: 'string' } },
    previous_public_url: { type: ['string', 'null'] },
    listener: listenerHealth,
  },
} as const;

const startBody = {
  type: 'object',
  additionalProperties: false,
  required: ['provider'],
  properties: { provider: { type: 'string', enum: ['cloudflared', 'ngrok'] } },
} as const;

const providerParam = {
  type: 'object',
  required: ['provider'],
  properties: { provider: { type: 'string', enum: ['cloudflared', 'ngrok', 'tailscale'] } },
} as const;

const one = { type: 'object', required: ['data'], properties: { data: tunnel } } as const;

export function registerTunnelRoutes(app: FastifyInstance, tunnels: TunnelService): void {
  app.get('/api/tunnels', { schema: { response: { 200: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: tunnel } } } } } }, async () => ({
    data: await tunnels.list(),
  }));

  // Answers once the public URL is known (or with why not: what the binary printed).
  app.post<{ Body: { provider: ManagedTunnelProvider } }>('/api/tunnels', { schema: { body: startBody, response: { 201: one } } }, async (request, reply) => {
    const data = await tunnels.start(request.body.provider);
    reply.code(201);
    return { data };
  });

  app.delete<{ Params: { provider: TunnelProvider } }>('/api/tunnels/:provider', { schema: { params: providerParam, response: { 200: one } } }, async (request) => ({
    data: await tunnels.stop(request.params.provider),
  }));
}

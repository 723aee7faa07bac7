/** JSON schemas of the tunnel routes; the shapes are Tunnel and ListenerHealth in shared/api.ts. */

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
  required: [
    'provider',
    'public_url',
    'target_url',
    'status',
    'points_here',
    'managed',
    'error',
    'output',
    'previous_public_url',
    'listener',
  ],
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

export const tunnelStartBody = {
  type: 'object',
  additionalProperties: false,
  required: ['provider'],
  properties: { provider: { type: 'string', enum: ['cloudflared', 'ngrok'] } },
} as const;

export const tunnelProviderParam = {
  type: 'object',
  required: ['provider'],
  properties: { provider: { type: 'string', enum: ['cloudflared', 'ngrok', 'tailscale'] } },
} as const;

/** `{ data: Tunnel }`: the answer of POST and DELETE. */
export const oneTunnel = { type: 'object', required: ['data'], properties: { data: tunnel } } as const;

/** `{ data: Tunnel[] }`: the answer of GET /api/tunnels. */
export const tunnelList = { type: 'object', required: ['data'], properties: { data: { type: 'array', items: tunnel } } } as const;

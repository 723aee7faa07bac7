import { BODY, TIMESTAMP } from '../content';
import { bodyField, firstOf, type EventTypeSource } from '../event-sources';
import { defineKeyPairScheme } from '../keypair-scheme';
import { ed25519HexKeys } from '../key-formats';
import type { Handshake, HandshakeRequest } from '../handshake';
import { findHeader } from '../headers';

/**
 * Discord interactions (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request):
 * every request carries X-Signature-Ed25519 (hex Ed25519 signature) and X-Signature-Timestamp;
 * the signed message is the timestamp text followed by the raw body, verified with the
 * application's public key (hex, developer portal). The official discord-interactions library
 * (verifyKey) does exactly this and checks no timestamp window; Discord documents none, so the
 * endpoint's tolerance applies here as for every scheme (unix seconds, too old and too new).
 * Discord's Webhook Events (https://discord.com/developers/docs/events/webhook-events) are signed
 * the same way and name their type in `event.type`; interactions carry a numeric `type`.
 */

/** InteractionType (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type). */
const INTERACTION_TYPES: Record<number, string> = {
  1: 'PING',
  2: 'APPLICATION_COMMAND',
  3: 'MESSAGE_COMPONENT',
  4: 'APPLICATION_COMMAND_AUTOCOMPLETE',
  5: 'MODAL_SUBMIT',
};

const PING_LIMIT = 64 * 1024;

/** The `type` of a JSON object body (small bodies only: the check runs on every request). */
function interactionType(body: Buffer): number | null {
  if (body.length === 0 || body.length > PING_LIMIT) return null;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const type = (parsed as Record<string, unknown>).type;
    return typeof type === 'number' ? type : null;
  } catch {
    return null;
  }
}

const interactionName: EventTypeSource = (_headers, body) => {
  const type = interactionType(body);
  return type === null ? null : (INTERACTION_TYPES[type] ?? `interaction.${type}`);
};

/**
 * PING (`{"type":1}`) is how Discord checks an Interactions Endpoint URL: it is answered with
 * PONG (`{"type":1}`) when the signature verifies. Discord also sends PINGs with invalid
 * signatures on purpose and removes the URL unless they get 401, so an unverified PING gets 401.
 */
export const discordPing: Handshake = {
  name: 'Discord PING',
  matches: (request: HandshakeRequest) =>
    request.method === 'POST' && findHeader(request.headers, 'x-signature-ed25519') !== null && interactionType(request.body) === 1,
  answer: (_request, context) =>
    context.verified
      ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"type":1}' }
      : { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'invalid request signature' },
};

export const discordScheme = defineKeyPairScheme({
  id: 'discord',
  label: 'Discord (X-Signature-Ed25519)',
  category: 'Communication',
  docsUrl: 'https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request',
  keys: ed25519HexKeys,
  signatureHeader: 'X-Signature-Ed25519',
  signature: { kind: 'plain', prefix: '' },
  encoding: 'hex',
  signatureFormat: '<128 hex characters: Ed25519 signature>',
  timestamp: { source: 'header', name: 'X-Signature-Timestamp', unit: 's', direction: 'both', required: true },
  idHeader: null,
  template: [TIMESTAMP, BODY],
  order: 'signature-first',
  eventType: firstOf(bodyField('event.type'), interactionName),
  handshake: discordPing,
});

/** Discord: interactions (the endpoint check and a slash command). */
import type { HeaderPairs } from '../http-headers';
import { json, type ProviderSample } from './sample';

const DISCORD_HEADERS: HeaderPairs = [['User-Agent', 'Discord-Interactions/1.0 (+https://discord.com)']];

export const DISCORD_SAMPLES: readonly ProviderSample[] = [
  {
    provider: 'discord',
    label: 'Discord',
    scheme: 'discord',
    event: 'PING',
    description: 'Discord checks the Interactions Endpoint URL (type 1); answer {"type":1}.',
    method: 'POST',
    contentType: 'application/json',
    headers: DISCORD_HEADERS,
    body: json({
      id: '1250366114402025472',
      application_id: '1249857362829172817',
      type: 1,
      token: 'aW50ZXJhY3Rpb246MTI1MDM2NjExNDQwMjAyNTQ3Mg',
      version: 1,
    }),
  },
  {
    provider: 'discord',
    label: 'Discord',
    scheme: 'discord',
    event: 'APPLICATION_COMMAND',
    description: 'A user ran a slash command (type 2).',
    method: 'POST',
    contentType: 'application/json',
    headers: DISCORD_HEADERS,
    body: json({
      id: '1250366987654321098',
      application_id: '1249857362829172817',
      type: 2,
      token: 'aW50ZXJhY3Rpb246MTI1MDM2Njk4NzY1NDMyMTA5OA',
      version: 1,
      guild_id: '1101234567890123456',
      channel_id: '1101234567890123999',
      locale: 'en-US',
      member: { user: { id: '80351110224678912', username: 'nelly', global_name: 'Nelly' }, roles: [], permissions: '2147483647' },
      data: { id: '1249860012345678901', name: 'status', type: 1, options: [{ name: 'service', type: 3, value: 'webhooks' }] },
    }),
  },
];

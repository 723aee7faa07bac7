import { randomBytes } from 'node:crypto';

/** Platform ids: a type prefix (`wh`, `evt`, `dlv`) and 16 random hex digits, as in the guide's `wh_1234567890`. */
export function newId(prefix: 'wh' | 'evt' | 'dlv'): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** Generated when a subscription is created without one: long enough to be a real HMAC key. */
export function newSecret(): string {
  return `webhook_secret_${randomBytes(16).toString('hex')}`;
}

export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

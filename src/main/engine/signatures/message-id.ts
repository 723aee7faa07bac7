import { randomBytes } from 'node:crypto';

/**
 * A fresh message id for schemes that sign one (Standard Webhooks, Svix, custom `{id}`), in the
 * `msg_` style those senders use. An empty id would still "verify", but receivers dedupe on it.
 */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString('hex')}`;
}

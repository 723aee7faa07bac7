import { createHmac } from 'node:crypto';

/**
 * An independent DcisionAI signer written from the guide's rules (not the app's code), so the
 * tests check the engine against the specification rather than against itself.
 */
export function signDcisionAI(secret: string, body: Buffer | string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`), bytes]))
    .digest('hex');
  return { 'X-DcisionAI-Signature': signature, 'X-DcisionAI-Timestamp': String(timestamp) };
}

import type { FailureInjection } from '../../../shared/platform-api';
import { getScheme } from '../signatures/registry';
import { corruptSignature } from './failure-injection';
import type { HeaderPair } from '../../../shared/http-headers';

export const DELIVERY_ID_HEADER = 'X-DcisionAI-Delivery';
const SIGNATURE_HEADER = 'X-DcisionAI-Signature';
const TIMESTAMP_HEADER = 'X-DcisionAI-Timestamp';

/** The JSON body of a delivery, serialized once when the event is emitted: `{"event","data"}`. */
export function deliveryPayload(event: string, data: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ event, data }), 'utf8');
}

/**
 * Headers of one attempt, signed at send time over exactly `payload` (a fresh timestamp per
 * attempt, as real platforms do), with the injected misbehaviour applied.
 */
export function deliveryHeaders(options: {
  deliveryId: string;
  payload: Buffer;
  secret: string;
  version: string;
  nowSeconds: number;
  inject: FailureInjection;
}): HeaderPair[] {
  const scheme = getScheme('dcisionai');
  if (!scheme) throw new Error('The dcisionai signature scheme is not registered.');
  const timestamp = options.nowSeconds + (options.inject.timestamp_offset_seconds ?? 0);
  const signed = scheme.sign({ secret: options.secret, body: options.payload, timestampSeconds: timestamp });
  const signature = signed.headers[SIGNATURE_HEADER] ?? '';
  return [
    ['Content-Type', 'application/json'],
    ['User-Agent', `Hookscope-Simulator/${options.version}`],
    [DELIVERY_ID_HEADER, options.deliveryId],
    [TIMESTAMP_HEADER, signed.headers[TIMESTAMP_HEADER] ?? String(timestamp)],
    [SIGNATURE_HEADER, options.inject.corrupt_signature ? corruptSignature(signature) : signature],
  ];
}

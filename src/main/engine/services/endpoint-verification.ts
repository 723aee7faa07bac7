import { DEFAULT_TOLERANCE_SECONDS, type Endpoint } from '../../../shared/api';
import { CUSTOM_SCHEME_ID } from '../signatures/schemes/custom';
import type { OtherSecret, VerificationSettings } from '../signatures/verify';

/**
 * How a capture on `endpoint` is verified, shared by the receiver (at arrival) and by
 * re-verification (after an endpoint change), so both always judge the same way.
 */
export function endpointVerificationSettings(
  endpoint: Endpoint | null,
  allEndpoints: () => readonly Endpoint[],
  nowSeconds?: number,
): VerificationSettings {
  return {
    scheme: endpoint?.scheme ?? 'dcisionai',
    custom: endpoint?.scheme === CUSTOM_SCHEME_ID ? endpoint.custom ?? undefined : undefined,
    secret: endpoint?.secret ?? '',
    toleranceSeconds: endpoint?.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS,
    nowSeconds,
    // A function: built only when a signature fails and nothing else explains it.
    otherSecrets: () => otherEndpointSecrets(allEndpoints(), endpoint?.id ?? null),
  };
}

/** The secrets of every other endpoint, for the "signed with another endpoint's secret" hint. */
export function otherEndpointSecrets(endpoints: readonly Endpoint[], excludeId: string | null): OtherSecret[] {
  return endpoints
    .filter((endpoint) => endpoint.id !== excludeId && endpoint.secret !== '')
    .map((endpoint) => ({ label: `${endpoint.name} (${endpoint.path})`, secret: endpoint.secret }));
}

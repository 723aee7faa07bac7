import { DEFAULT_TOLERANCE_SECONDS, type CustomSchemeConfig, type Endpoint } from '../../../shared/api';
import { CUSTOM_SCHEME_ID } from '../signatures/schemes/custom';
import type { OtherSecret, VerificationSettings } from '../signatures/verify';

/**
 * How a capture on `endpoint` is verified. This is the ONE place that builds verification
 * settings: the receiver (at arrival), re-verification (after an endpoint change), HAR import,
 * POST /api/requests/:id/verify and replay's signing defaults all start here, so they always
 * judge a request the same way. `nowSeconds` is the clock to judge by (a capture's own arrival
 * time for anything after the fact, so an old request is not simply "expired"); omitted: now.
 */
export function endpointVerificationSettings(
  endpoint: Endpoint | null,
  allEndpoints: () => readonly Endpoint[],
  nowSeconds?: number,
): VerificationSettings {
  return {
    scheme: endpoint?.scheme ?? 'dcisionai',
    custom: endpoint?.scheme === CUSTOM_SCHEME_ID ? (endpoint.custom ?? undefined) : undefined,
    secret: endpoint?.secret ?? '',
    toleranceSeconds: endpoint?.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS,
    nowSeconds,
    // A function: built only when a signature fails and nothing else explains it.
    otherSecrets: () => otherEndpointSecrets(allEndpoints(), endpoint?.id ?? null),
  };
}

/** "What if" overrides of POST /api/requests/:id/verify, in the API's own field names. */
export interface VerificationOverrides {
  scheme?: string;
  custom?: CustomSchemeConfig;
  secret?: string;
  tolerance_seconds?: number;
  now?: number;
}

/**
 * The endpoint's settings (exactly what the receiver used) with the caller's overrides on top.
 * Naming another scheme drops the endpoint's custom configuration, which belongs to its own
 * scheme. The endpoint's tolerance wins over its custom config's, as in the receiver; only a
 * custom config the caller passes may bring its own tolerance (below an explicit tolerance_seconds).
 */
export function withOverrides(base: VerificationSettings, overrides: VerificationOverrides): VerificationSettings {
  const schemeOverridden = overrides.scheme !== undefined && overrides.scheme !== base.scheme;
  const custom = overrides.custom ?? (schemeOverridden ? undefined : base.custom);
  return {
    ...base,
    scheme: overrides.custom ? CUSTOM_SCHEME_ID : (overrides.scheme ?? base.scheme),
    custom,
    secret: overrides.secret ?? base.secret,
    toleranceSeconds: overrides.tolerance_seconds ?? overrides.custom?.tolerance_seconds ?? base.toleranceSeconds,
    nowSeconds: overrides.now ?? base.nowSeconds,
  };
}

/** The secrets of every other endpoint, for the "signed with another endpoint's secret" hint. */
export function otherEndpointSecrets(endpoints: readonly Endpoint[], excludeId: string | null): OtherSecret[] {
  return endpoints
    .filter((endpoint) => endpoint.id !== excludeId && endpoint.secret !== '')
    .map((endpoint) => ({ label: `${endpoint.name} (${endpoint.path})`, secret: endpoint.secret }));
}

import type { Verification } from '../../../shared/api';
import type { SignedMessage } from './types';
import { getScheme } from './registry';

export interface VerificationSettings {
  scheme: string;
  secret: string;
  toleranceSeconds: number;
  nowSeconds?: number;
}

/** Verifies one message and assembles the API's verification object. */
export function verifyMessage(message: SignedMessage, settings: VerificationSettings): Verification {
  const nowSeconds = settings.nowSeconds ?? Math.floor(Date.now() / 1000);
  const scheme = getScheme(settings.scheme);
  const empty: Verification = {
    scheme: settings.scheme,
    verdict: 'unverifiable',
    reason: 'no_secret',
    signature: { received: null, expected: null },
    timestamp: { value: null, age_seconds: null },
    tolerance_seconds: settings.toleranceSeconds,
    signed_content_base64: null,
    diagnosis: [],
  };
  if (!scheme) {
    return { ...empty, diagnosis: [{ code: 'unknown_scheme', message: `Unknown signature scheme "${settings.scheme}".` }] };
  }
  if (settings.secret === '') {
    return {
      ...empty,
      diagnosis: [{ code: 'no_secret', message: 'No secret is configured for this endpoint: set one in the endpoint settings to verify its requests.' }],
    };
  }
  const check = scheme.verify(message, {
    secret: settings.secret,
    toleranceSeconds: settings.toleranceSeconds,
    nowSeconds,
  });
  return {
    scheme: scheme.id,
    verdict: check.reason === 'ok' ? 'valid' : 'invalid',
    reason: check.reason,
    signature: { received: check.received, expected: check.expected },
    timestamp: {
      value: check.timestamp,
      age_seconds: check.timestamp === null ? null : nowSeconds - check.timestamp,
    },
    tolerance_seconds: settings.toleranceSeconds,
    signed_content_base64: check.signedContent ? check.signedContent.toString('base64') : null,
    diagnosis: check.diagnosis,
  };
}

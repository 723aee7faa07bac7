import type { CustomSchemeConfig, DiagnosisItem, Verification } from '../../../shared/api';
import type { OtherSecret } from './diagnosis/context';
import { diagnoseMismatch } from './diagnosis/search';
import { getScheme } from './registry';
import { buildCustomScheme, CUSTOM_SCHEME_ID } from './schemes/custom';
import type { SignatureScheme, SignedMessage } from './types';

export type { OtherSecret } from './diagnosis/context';

export interface VerificationSettings {
  scheme: string;
  secret: string;
  toleranceSeconds: number;
  nowSeconds?: number;
  /** The configuration of a `custom` scheme; when given, it is used whatever `scheme` says. */
  custom?: CustomSchemeConfig;
  /**
   * Secrets of other endpoints, tried only when nothing else explains a mismatch. A function is
   * called only on that path, so the hot path of a valid request builds nothing.
   */
  otherSecrets?: readonly OtherSecret[] | (() => readonly OtherSecret[]);
  /**
   * Run the mismatch diagnosis search and return the signed content (default true). The
   * receiver turns it off: the search can cost tens of ms on a large body, a sender with the
   * wrong secret must not stall the event loop, and the signed content is a copy of the body it
   * does not store; both are rebuilt when a capture is read.
   */
  diagnose?: boolean;
  /**
   * Return at most this many bytes of the signed content, with `signed_content_size` when it is
   * cut (the capture detail of a large body; 0 when only the verdict and diagnosis matter). All of
   * it by default: the Signature Lab shows it whole.
   */
  signedContentPreviewBytes?: number;
}

/** The signed content as the answer carries it: base64, cut to the preview when one is asked for. */
function signedContentFields(
  content: Buffer | null,
  settings: VerificationSettings,
): Pick<Verification, 'signed_content_base64' | 'signed_content_size'> {
  if (!content || settings.diagnose === false) return { signed_content_base64: null };
  const limit = settings.signedContentPreviewBytes;
  if (limit === undefined || content.length <= limit) return { signed_content_base64: content.toString('base64') };
  return { signed_content_base64: content.subarray(0, limit).toString('base64'), signed_content_size: content.length };
}

export type SchemeResolution = { ok: true; scheme: SignatureScheme } | { ok: false; code: string; field: string; message: string };

/** One shared answer per built-in scheme: resolving runs for every received request. */
const builtInResolutions = new Map<SignatureScheme, SchemeResolution>();

/** The scheme a setting names: a built-in one, or a custom one built from its config. */
export function resolveScheme(id: string | undefined, custom: CustomSchemeConfig | undefined): SchemeResolution {
  if (custom) {
    const built = buildCustomScheme(custom);
    return built.ok ? built : { ok: false, code: 'custom_scheme_invalid', field: built.field, message: built.message };
  }
  const name = id ?? 'dcisionai';
  if (name === CUSTOM_SCHEME_ID) {
    return {
      ok: false,
      code: 'custom_scheme_invalid',
      field: 'custom',
      message: 'The custom scheme needs its configuration: send `custom` with at least signature_header.',
    };
  }
  const scheme = getScheme(name);
  if (!scheme)
    return {
      ok: false,
      code: 'unknown_scheme',
      field: 'scheme',
      message: `Unknown signature scheme "${name}"; GET /api/schemes lists the supported ones.`,
    };
  let resolution = builtInResolutions.get(scheme);
  if (!resolution) builtInResolutions.set(scheme, (resolution = Object.freeze({ ok: true as const, scheme })));
  return resolution;
}

/** The answer when nothing could be checked: no scheme to use, or no secret to use it with. */
function unverifiable(settings: VerificationSettings, scheme: string, reason: Verification['reason'], item: DiagnosisItem): Verification {
  return {
    scheme,
    verdict: 'unverifiable',
    reason,
    signature: { received: null, expected: null },
    timestamp: { value: null, age_seconds: null },
    tolerance_seconds: settings.toleranceSeconds,
    signed_content_base64: null,
    diagnosis: [item],
  };
}

/**
 * Verifies one message and assembles the API's verification object. The verdict is strict;
 * the diagnosis search runs only when no signature matched, so a valid request costs one HMAC.
 */
export function verifyMessage(message: SignedMessage, settings: VerificationSettings): Verification {
  const nowSeconds = settings.nowSeconds ?? Math.floor(Date.now() / 1000);
  const resolved = resolveScheme(settings.scheme, settings.custom);
  if (!resolved.ok) {
    return unverifiable(settings, settings.custom ? CUSTOM_SCHEME_ID : settings.scheme, 'scheme_unavailable', {
      code: resolved.code,
      message: resolved.message,
    });
  }
  const scheme = resolved.scheme;
  if (settings.secret === '') {
    const keyPair = scheme.descriptor.key_kind === 'key_pair' ? scheme.descriptor.key_pair : null;
    if (keyPair) {
      const message = `No public key is configured for this endpoint: set the sender's public key in the endpoint settings to verify its requests. Expected: ${keyPair.public_key_format}.`;
      return { ...unverifiable(settings, scheme.id, 'no_secret', { code: 'no_secret', message }), key_algorithm: keyPair.algorithm };
    }
    return unverifiable(settings, scheme.id, 'no_secret', {
      code: 'no_secret',
      message: 'No secret is configured for this endpoint: set one in the endpoint settings to verify its requests.',
    });
  }
  const check = scheme.verify(message, {
    secret: settings.secret,
    toleranceSeconds: settings.toleranceSeconds,
    nowSeconds,
    lean: settings.diagnose === false,
  });
  let diagnosis = check.diagnosis;
  const failedOnSignature = check.reason !== 'ok' && check.reason !== 'missing_header' && check.reason !== 'timestamp_malformed';
  if (settings.diagnose !== false && failedOnSignature && !check.signatureMatched && check.probe) {
    const others = typeof settings.otherSecrets === 'function' ? settings.otherSecrets() : (settings.otherSecrets ?? []);
    diagnosis = [...diagnosis, ...diagnoseMismatch(check.probe, others)];
  }
  if (settings.diagnose !== false && failedOnSignature && !check.signatureMatched && check.explain) {
    const others = typeof settings.otherSecrets === 'function' ? settings.otherSecrets() : (settings.otherSecrets ?? []);
    diagnosis = [...diagnosis, ...check.explain(others)];
  }
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
    ...signedContentFields(check.signedContent, settings),
    diagnosis,
    ...(check.keyAlgorithm ? { key_algorithm: check.keyAlgorithm } : {}),
  };
}

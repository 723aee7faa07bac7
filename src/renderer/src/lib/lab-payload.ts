import type { CustomSchemeConfig, RequestVerifyInput, SignatureSignInput, SignatureVerifyInput } from '../../../shared/api';
import { TOLERANCE_SECONDS } from '../../../shared/contract/custom-scheme';
import { UNIX_TIME } from '../../../shared/contract/signatures';
import { findHeader, toHeaderPairs, type HeaderRow } from './header-list';
import { CUSTOM_SCHEME, timestampSeconds, verifiesWithPublicKey, type CustomSchemeForm, type LabSchemeInfo } from './lab-scheme';

/** Everything the user edits in the Signature Lab. Numbers stay text until sent, so typing is never fought. */
export interface LabInputs {
  /** A scheme id from GET /api/schemes, or `custom`. */
  scheme: string;
  custom: CustomSchemeForm;
  secret: string;
  headers: HeaderRow[];
  /** The exact body bytes, base64. Edits in the editor replace them with the text's UTF-8. */
  bodyBase64: string;
  url: string;
  /** The clock as unix seconds; '' for the real time. */
  clock: string;
  /** '' for the scheme's (or endpoint's) default. */
  tolerance: string;
}

export type Built<T> = { ok: true; payload: T } | { ok: false; message: string };

/** A whole number of seconds up to the engine's limit for the field, or none when blank. */
function optionalInteger(text: string, label: string, maximum: number): Built<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, payload: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `${label} must be a whole number of seconds, got ${JSON.stringify(text)}.` };
  const value = Number(trimmed);
  if (value > maximum) return { ok: false, message: `${label} must be at most ${maximum} seconds, got ${trimmed}.` };
  return { ok: true, payload: value };
}

const optionalTolerance = (text: string) => optionalInteger(text, 'The tolerance', TOLERANCE_SECONDS.maximum);

export function customConfig(form: CustomSchemeForm, toleranceSeconds: number | undefined): CustomSchemeConfig {
  return {
    signature_header: form.signature_header.trim(),
    signature_prefix: form.signature_prefix,
    timestamp_header: form.timestamp_header.trim() || null,
    timestamp_unit: form.timestamp_unit,
    id_header: form.id_header.trim() || null,
    signed_content: form.signed_content || '{body}',
    algorithm: form.algorithm,
    encoding: form.encoding,
    secret_encoding: form.secret_encoding,
    ...(toleranceSeconds !== undefined ? { tolerance_seconds: toleranceSeconds } : {}),
  };
}

/** The scheme part every signature route takes: `scheme`, plus `custom` for a custom scheme. */
function schemeFields(inputs: LabInputs, tolerance: number | undefined): Pick<SignatureVerifyInput, 'scheme' | 'custom'> {
  if (inputs.scheme !== CUSTOM_SCHEME) return { scheme: inputs.scheme };
  return { scheme: CUSTOM_SCHEME, custom: customConfig(inputs.custom, tolerance) };
}

function numbers(inputs: LabInputs): Built<{ now: number | undefined; tolerance: number | undefined }> {
  const now = optionalInteger(inputs.clock, 'The clock', UNIX_TIME.maximum);
  if (!now.ok) return now;
  const tolerance = optionalTolerance(inputs.tolerance);
  if (!tolerance.ok) return tolerance;
  return { ok: true, payload: { now: now.payload, tolerance: tolerance.payload } };
}

/** POST /api/signatures/verify for the inputs as edited. */
export function verifyPayload(inputs: LabInputs, scheme: LabSchemeInfo): Built<SignatureVerifyInput> {
  const parsed = numbers(inputs);
  if (!parsed.ok) return parsed;
  const { now, tolerance } = parsed.payload;
  return {
    ok: true,
    payload: {
      ...schemeFields(inputs, tolerance),
      secret: inputs.secret,
      headers: toHeaderPairs(inputs.headers),
      body_base64: inputs.bodyBase64,
      ...(now !== undefined ? { now } : {}),
      ...(tolerance !== undefined ? { tolerance_seconds: tolerance } : {}),
      ...(scheme.usesUrl && inputs.url.trim() !== '' ? { url: inputs.url.trim() } : {}),
    },
  };
}

/**
 * POST /api/requests/:id/verify: the stored headers and bytes with other settings. The URL is only
 * sent when it was changed, so the engine keeps rebuilding it from the capture's forwarding headers.
 */
export function whatIfPayload(inputs: LabInputs, capturedUrl: string): Built<RequestVerifyInput> {
  const parsed = numbers(inputs);
  if (!parsed.ok) return parsed;
  const { now, tolerance } = parsed.payload;
  const url = inputs.url.trim();
  return {
    ok: true,
    payload: {
      ...schemeFields(inputs, tolerance),
      secret: inputs.secret,
      ...(now !== undefined ? { now } : {}),
      ...(tolerance !== undefined ? { tolerance_seconds: tolerance } : {}),
      ...(url !== '' && url !== capturedUrl ? { url } : {}),
    },
  };
}

/**
 * The timestamp a signature is computed for when the user gives none: the scheme's timestamp
 * header if it holds one, else the Lab's clock, else now.
 */
export function defaultSignTimestamp(inputs: LabInputs, scheme: LabSchemeInfo, nowSeconds: number): number {
  if (scheme.timestampHeader) {
    const header = findHeader(inputs.headers, scheme.timestampHeader);
    const fromHeader = header ? timestampSeconds(header.value, scheme.timestampUnit) : null;
    if (fromHeader !== null) return fromHeader;
  }
  const clock = inputs.clock.trim();
  return /^\d+$/.test(clock) ? Number(clock) : nowSeconds;
}

/**
 * POST /api/signatures/sign. The message id comes from the scheme's id header when it has a value.
 * A key-pair scheme verifies with the public key in `secret` and signs with `privateKey`.
 */
export function signPayload(inputs: LabInputs, scheme: LabSchemeInfo, timestamp: number, privateKey = ''): Built<SignatureSignInput> {
  const keyPair = verifiesWithPublicKey(scheme, inputs.secret);
  const secret = keyPair ? privateKey.trim() : inputs.secret;
  if (secret === '')
    return {
      ok: false,
      message: keyPair
        ? 'Enter the private key to sign with (or generate a key pair): the public key only verifies.'
        : 'Enter a secret to sign with.',
    };
  const tolerance = optionalTolerance(inputs.tolerance);
  if (!tolerance.ok) return tolerance;
  const id = scheme.idHeader ? findHeader(inputs.headers, scheme.idHeader)?.value.trim() : undefined;
  const url = inputs.url.trim();
  if (scheme.usesUrl && url === '') return { ok: false, message: `${scheme.label} signs the full URL: enter it first.` };
  return {
    ok: true,
    payload: {
      ...schemeFields(inputs, tolerance.payload),
      secret,
      body_base64: inputs.bodyBase64,
      timestamp,
      ...(id ? { id } : {}),
      ...(scheme.usesUrl ? { url } : {}),
    },
  };
}

/** Identifies the inputs a signature depends on, to tell when a computed one is out of date. */
export function signingKey(inputs: LabInputs): string {
  return JSON.stringify([
    inputs.scheme,
    inputs.scheme === CUSTOM_SCHEME ? inputs.custom : null,
    inputs.secret,
    inputs.bodyBase64,
    inputs.url,
  ]);
}

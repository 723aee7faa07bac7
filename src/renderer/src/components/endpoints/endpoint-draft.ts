import { DEFAULT_FORWARD_TIMEOUT_MS, DEFAULT_TOLERANCE_SECONDS, MAX_FORWARD_TIMEOUT_MS, type Endpoint } from '../../../../shared/api';
import { DELAY_MS, HTTP_STATUS, type EndpointInput } from '../../../../shared/contract/endpoints';
import { TOLERANCE_SECONDS } from '../../../../shared/contract/custom-scheme';
import { customConfig } from '../../lib/lab-payload';
import { CUSTOM_SCHEME, customFormFromConfig, type CustomSchemeForm } from '../../lib/lab-scheme';

const TOLERANCE_MAX = TOLERANCE_SECONDS.maximum;
const DELAY_MAX = DELAY_MS.maximum;

/** The form's editable copy of an endpoint: numbers and JSON kept as typed text until saved. */
export interface EndpointDraft {
  name: string;
  path: string;
  scheme: string;
  secret: string;
  tolerance: string;
  enforce: boolean;
  status: string;
  headersJson: string;
  body: string;
  delay: string;
  /** '' when captures are not forwarded. */
  forwardTo: string;
  /** Seconds (decimals allowed) the forwarding target may take. */
  forwardTimeout: string;
  /** The custom scheme's settings; sent only when `scheme` is custom. */
  custom: CustomSchemeForm;
  answerHandshakes: boolean;
  /** Meta's hub.verify_token; '' for none. */
  verifyToken: string;
}

export function draftFromEndpoint(endpoint: Endpoint | null, defaultScheme: string): EndpointDraft {
  return {
    name: endpoint?.name ?? '',
    // A new endpoint starts without a path: "/" always belongs to the catch-all.
    path: endpoint?.path ?? '',
    scheme: endpoint?.scheme ?? defaultScheme,
    secret: endpoint?.secret ?? '',
    tolerance: String(endpoint?.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS),
    enforce: endpoint?.enforce ?? false,
    status: String(endpoint?.response.status ?? 200),
    headersJson: JSON.stringify(endpoint?.response.headers ?? { 'content-type': 'application/json' }, null, 2),
    body: endpoint?.response.body ?? '{"received": true}',
    delay: String(endpoint?.response.delay_ms ?? 0),
    forwardTo: endpoint?.forward_to ?? '',
    forwardTimeout: String((endpoint?.forward_timeout_ms ?? DEFAULT_FORWARD_TIMEOUT_MS) / 1000),
    custom: customFormFromConfig(endpoint?.custom),
    answerHandshakes: endpoint?.answer_handshakes ?? true,
    verifyToken: endpoint?.verify_token ?? '',
  };
}

export type DraftErrors = Partial<Record<keyof EndpointDraft, string>>;

function integer(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/**
 * Checks what the browser can check before a round trip; the engine validates again and its
 * messages are shown too.
 */
export function draftToInput(draft: EndpointDraft): { input: EndpointInput | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (draft.name.trim() === '') errors.name = 'Give the endpoint a name.';
  if (draft.path.trim() === '') errors.path = 'Give the endpoint a path prefix, e.g. /webhooks/stripe.';
  else if (!draft.path.startsWith('/')) errors.path = 'The path prefix must start with “/”.';
  const tolerance = integer(draft.tolerance);
  // The limits are the contract's (the engine validates with the same schemas).
  if (tolerance === null || tolerance > TOLERANCE_MAX) {
    errors.tolerance = `Tolerance is a whole number of seconds, at most ${TOLERANCE_MAX.toLocaleString('en')} (a year).`;
  }
  const status = integer(draft.status);
  if (status === null || status < HTTP_STATUS.minimum || status > HTTP_STATUS.maximum) {
    errors.status = `Status must be between ${HTTP_STATUS.minimum} and ${HTTP_STATUS.maximum}.`;
  }
  const delay = integer(draft.delay);
  if (delay === null || delay > DELAY_MAX)
    errors.delay = `Delay is a whole number of milliseconds, at most ${DELAY_MAX.toLocaleString('en')}.`;

  const forwardTo = draft.forwardTo.trim();
  if (forwardTo !== '' && !/^https?:\/\/[^\s/]+/i.test(forwardTo)) {
    errors.forwardTo = 'Forward to an http:// or https:// URL, e.g. http://localhost:3000/webhooks; leave empty to answer here.';
  }

  const forwardTimeoutMs = /^\s*\d+(\.\d+)?\s*$/.test(draft.forwardTimeout) ? Math.round(Number(draft.forwardTimeout) * 1000) : null;
  if (forwardTimeoutMs === null || forwardTimeoutMs < 1 || forwardTimeoutMs > MAX_FORWARD_TIMEOUT_MS) {
    errors.forwardTimeout = `The forwarding timeout is a number of seconds from 0.001 to ${MAX_FORWARD_TIMEOUT_MS / 1000}.`;
  }

  if (draft.scheme === CUSTOM_SCHEME && draft.custom.signature_header.trim() === '') {
    errors.custom = 'A custom scheme needs the name of the header that carries the signature.';
  }

  let headers: Record<string, string> | null = null;
  try {
    const parsed: unknown = JSON.parse(draft.headersJson || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) {
      headers = parsed as Record<string, string>;
    } else {
      errors.headersJson = 'Headers must be a JSON object of strings, e.g. {"content-type": "application/json"}.';
    }
  } catch (error) {
    errors.headersJson = `Headers are not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }

  if (
    Object.keys(errors).length > 0 ||
    tolerance === null ||
    status === null ||
    delay === null ||
    headers === null ||
    forwardTimeoutMs === null
  ) {
    return { input: null, errors };
  }
  return {
    input: {
      name: draft.name.trim(),
      path: draft.path,
      scheme: draft.scheme,
      secret: draft.secret,
      tolerance_seconds: tolerance,
      enforce: draft.enforce,
      response: { status, headers, body: draft.body, delay_ms: delay },
      forward_to: forwardTo === '' ? null : forwardTo,
      forward_timeout_ms: forwardTimeoutMs,
      // The tolerance is the endpoint's own field, so the custom config carries none.
      custom: draft.scheme === CUSTOM_SCHEME ? customConfig(draft.custom, undefined) : null,
      answer_handshakes: draft.answerHandshakes,
      verify_token: draft.verifyToken === '' ? null : draft.verifyToken,
    },
    errors,
  };
}

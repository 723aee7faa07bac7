import type { Endpoint, SendInput, SendSignInput } from '../../../shared/api';
import {
  DEFAULT_SEND_TIMEOUT_MS,
  SEND_TIMEOUT_MS,
  SIGN_TIMESTAMP_SECONDS,
  TIMESTAMP_OFFSET_SECONDS,
} from '../../../shared/contract/outbound';
import { parseHeaderLines } from './header-lines';
import { customConfig } from './lab-payload';
import { CUSTOM_SCHEME, customFormFromConfig, DEFAULT_CUSTOM_FORM, type CustomSchemeForm } from './lab-scheme';

export type TimestampMode = 'now' | 'past' | 'future' | 'fixed';
/** `sample`: a provider's sample event (Stripe, GitHub…), see compose-sample.ts. */
export type BodyMode = 'event' | 'sample' | 'free';

/** The compose form as typed: numbers stay text until sent, so half-typed values are kept. */
export interface ComposeDraft {
  url: string;
  method: string;
  /** '' sends the request unsigned. */
  scheme: string;
  secret: string;
  /** The user-defined scheme's settings; sent only when `scheme` is custom. */
  custom: CustomSchemeForm;
  /** The message id to sign, for schemes that sign one; '' for a fresh one per send. */
  messageId: string;
  bodyMode: BodyMode;
  eventType: string;
  /** The provider sample last chosen, as `provider:event` ('' for none). */
  sample: string;
  /** The public key of a pair generated here (key-pair schemes): it goes on the receiving endpoint. */
  publicKey: string;
  body: string;
  headersText: string;
  timestampMode: TimestampMode;
  /** Seconds (past/future) or unix seconds (fixed). */
  timestampValue: string;
  timeoutSeconds: string;
}

export const DEFAULT_TARGET_PATH = '/webhooks/dcisionai';
export const DEFAULT_TIMEOUT_SECONDS = DEFAULT_SEND_TIMEOUT_MS / 1000;
/** The engine's limit (in ms), as the form asks for it: seconds. */
const MAX_TIMEOUT_SECONDS = SEND_TIMEOUT_MS.maximum / 1000;

export function initialComposeDraft(): ComposeDraft {
  return {
    url: '',
    method: 'POST',
    scheme: 'dcisionai',
    secret: '',
    custom: DEFAULT_CUSTOM_FORM,
    messageId: '',
    bodyMode: 'event',
    eventType: 'model.trained',
    sample: '',
    publicKey: '',
    body: '',
    headersText: 'Content-Type: application/json',
    timestampMode: 'now',
    timestampValue: '600',
    timeoutSeconds: String(DEFAULT_TIMEOUT_SECONDS),
  };
}

/** How an endpoint verifies, as Compose's signing fields: sending to it with these passes its check. */
export function endpointSigning(
  endpoint: Pick<Endpoint, 'scheme' | 'secret' | 'custom'>,
): Pick<ComposeDraft, 'scheme' | 'secret' | 'custom'> {
  return { scheme: endpoint.scheme, secret: endpoint.secret, custom: customFormFromConfig(endpoint.custom) };
}

export type BuildResult = { input: SendInput; error: null } | { input: null; error: string };

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** The sign block for the chosen timestamp, or an error the user can act on. */
export function buildSign(draft: ComposeDraft): { sign: SendSignInput | undefined; error: string | null } {
  if (draft.scheme === '') return { sign: undefined, error: null };
  if (draft.secret === '') return { sign: undefined, error: 'Enter the secret to sign with, or choose “Unsigned”.' };
  const sign: SendSignInput = { scheme: draft.scheme, secret: draft.secret };
  if (draft.scheme === CUSTOM_SCHEME) {
    if (draft.custom.signature_header.trim() === '')
      return { sign: undefined, error: 'A custom scheme needs the name of the header that carries the signature.' };
    sign.custom = customConfig(draft.custom, undefined);
  }
  const messageId = draft.messageId.trim();
  if (messageId !== '') sign.id = messageId;
  if (draft.timestampMode === 'now') return { sign, error: null };
  const value = wholeNumber(draft.timestampValue);
  if (value === null) {
    const what = draft.timestampMode === 'fixed' ? 'a unix time in seconds' : 'a whole number of seconds';
    return { sign: undefined, error: `The timestamp must be ${what}.` };
  }
  if (draft.timestampMode === 'fixed') {
    if (value > SIGN_TIMESTAMP_SECONDS.maximum)
      return { sign: undefined, error: `The timestamp must be a unix time of at most ${SIGN_TIMESTAMP_SECONDS.maximum} seconds.` };
    sign.timestamp = value;
  } else {
    if (value > TIMESTAMP_OFFSET_SECONDS.maximum)
      return { sign: undefined, error: `The timestamp offset must be at most ${TIMESTAMP_OFFSET_SECONDS.maximum} seconds (a year).` };
    sign.timestamp_offset_seconds = draft.timestampMode === 'past' ? -value : value;
  }
  return { sign, error: null };
}

/**
 * Turns the form into POST /api/send's body. The body goes out as the exact text in the editor
 * (`body`, sent as UTF-8): never re-serialized, so what is signed is what the user sees.
 */
export function buildSendInput(draft: ComposeDraft): BuildResult {
  const url = draft.url.trim();
  if (url === '') return { input: null, error: 'Enter the URL to send to.' };
  if (!/^https?:\/\//i.test(url)) return { input: null, error: 'The URL must start with http:// or https://.' };
  const method = draft.method.trim().toUpperCase();
  if (!/^[A-Z]+$/.test(method)) return { input: null, error: 'The method must be letters only, e.g. POST.' };

  const { headers, errors } = parseHeaderLines(draft.headersText);
  if (errors.length > 0) return { input: null, error: `Extra headers: ${errors.join(' ')}` };

  const timeout = wholeNumber(draft.timeoutSeconds);
  if (timeout === null || timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
    return { input: null, error: `The timeout must be from 1 to ${MAX_TIMEOUT_SECONDS} seconds.` };
  }

  const { sign, error } = buildSign(draft);
  if (error !== null) return { input: null, error };

  const input: SendInput = { url, method, headers, body: draft.body, timeout_ms: timeout * 1000 };
  if (sign) input.sign = sign;
  return { input, error: null };
}

/** `{event, data}` for POST /api/events, from the editor's text. */
export function parseEventBody(body: string): { event: string; data: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { error: `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { error: 'The body must be a JSON object {"event", "data"}.' };
  const { event, data } = parsed as Record<string, unknown>;
  if (typeof event !== 'string') return { error: 'The body needs a string "event" field.' };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { error: 'The body needs an object "data" field.' };
  return { event, data: data as Record<string, unknown> };
}

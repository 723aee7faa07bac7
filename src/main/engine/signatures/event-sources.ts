/**
 * Where providers name the event type of a delivery, as small builders a scheme definition picks
 * from (`eventType: bodyField('type')`). The JSON body's `event` field is the fallback for all.
 */
import { eventText, jsonObjectOf } from '../receiver/capture-metadata';
import { findHeader } from './headers';
import type { HeaderPairs } from '../../../shared/http-headers';

export type EventTypeSource = (headers: HeaderPairs, body: Buffer, contentType: string | null) => string | null;

/**
 * A string field of a JSON object body; a dotted path reaches nested objects (`event.type`), and a
 * numeric segment an array's item (`events.0.name`, for providers that batch events).
 */
export const bodyField =
  (path: string): EventTypeSource =>
  (_headers, body, contentType) => {
    let value: unknown = jsonObjectOf(body, contentType);
    for (const key of path.split('.')) {
      if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
      else if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      else value = (value as Record<string, unknown>)[key];
    }
    return eventText(value);
  };

/** A header's value. */
export const headerValue =
  (name: string): EventTypeSource =>
  (headers) =>
    eventText(findHeader(headers, name));

/** The first source that names an event. */
export const firstOf =
  (...sources: EventTypeSource[]): EventTypeSource =>
  (headers, body, contentType) => {
    for (const source of sources) {
      const found = source(headers, body, contentType);
      if (found !== null) return found;
    }
    return null;
  };

/** `<name>.<action>` when the body has a string `action` (GitHub's `issues.opened`, as Octokit names them). */
export const withAction =
  (source: EventTypeSource): EventTypeSource =>
  (headers, body, contentType) => {
    const name = source(headers, body, contentType);
    if (name === null) return null;
    const action = eventText(jsonObjectOf(body, contentType)?.action);
    return eventText(action === null ? name : `${name}.${action}`);
  };

/** Bodies are parsed for an event type up to this size, as capture-metadata does for objects. */
const ARRAY_PARSE_LIMIT = 256 * 1024;

/**
 * A string field of the first item of a JSON array: the body itself when `arrayPath` is '' (HubSpot
 * posts an array of events), else the array at that dotted path (Terraform's `notifications`).
 */
export const firstItemField =
  (arrayPath: string, field: string): EventTypeSource =>
  (_headers, body) => {
    if (body.length === 0 || body.length > ARRAY_PARSE_LIMIT) return null;
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return null;
    }
    for (const key of arrayPath === '' ? [] : arrayPath.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      value = (value as Record<string, unknown>)[key];
    }
    const first: unknown = Array.isArray(value) ? value[0] : null;
    return first !== null && typeof first === 'object' && !Array.isArray(first)
      ? eventText((first as Record<string, unknown>)[field])
      : null;
  };

/** `<first>.<second>` (Webex's `messages.created`, Xero's `INVOICE.UPDATE`), or whichever one names something. */
export const joined =
  (first: EventTypeSource, second: EventTypeSource): EventTypeSource =>
  (headers, body, contentType) => {
    const [a, b] = [first(headers, body, contentType), second(headers, body, contentType)];
    return a !== null && b !== null ? eventText(`${a}.${b}`) : (a ?? b);
  };

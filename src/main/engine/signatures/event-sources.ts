/**
 * Where providers name the event type of a delivery, as small builders a scheme definition picks
 * from (`eventType: bodyField('type')`). The JSON body's `event` field is the fallback for all.
 */
import { eventText, jsonObjectOf } from '../receiver/capture-metadata';
import { findHeader } from './headers';

export type Headers = ReadonlyArray<readonly [string, string]>;
export type EventTypeSource = (headers: Headers, body: Buffer, contentType: string | null) => string | null;

/**
 * A string field of a JSON object body; a dotted path reaches nested objects (`event.type`), and a
 * numeric segment an array's item (`events.0.name`, for providers that batch events).
 */
export const bodyField = (path: string): EventTypeSource => (_headers, body, contentType) => {
  let value: unknown = jsonObjectOf(body, contentType);
  for (const key of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
    else if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    else value = (value as Record<string, unknown>)[key];
  }
  return eventText(value);
};

/** A header's value. */
export const headerValue = (name: string): EventTypeSource => (headers) => eventText(findHeader(headers, name));

/** The first source that names an event. */
export const firstOf = (...sources: EventTypeSource[]): EventTypeSource => (headers, body, contentType) => {
  for (const source of sources) {
    const found = source(headers, body, contentType);
    if (found !== null) return found;
  }
  return null;
};

/** `<name>.<action>` when the body has a string `action` (GitHub's `issues.opened`, as Octokit names them). */
export const withAction = (source: EventTypeSource): EventTypeSource => (headers, body, contentType) => {
  const name = source(headers, body, contentType);
  if (name === null) return null;
  const action = eventText(jsonObjectOf(body, contentType)?.action);
  return eventText(action === null ? name : `${name}.${action}`);
};

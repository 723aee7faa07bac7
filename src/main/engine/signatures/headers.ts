import { fieldValue } from '../../../shared/field-value';
import type { HeaderPairs } from '../../../shared/http-headers';

export { fieldValue };

/** Case-insensitive lookup of the first value of a header among raw pairs, trimmed (fieldValue). */
export function findHeader(headers: HeaderPairs, name: string): string | null {
  const wanted = name.toLowerCase();
  // Lengths first: this runs several times per received request, and most names differ in length.
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) return fieldValue(value);
  }
  return null;
}

/** Every value of a header, in order and trimmed: a duplicated signature header must not hide a signature. */
export function findHeaders(headers: HeaderPairs, name: string): string[] {
  return findRawHeaders(headers, name).map(fieldValue);
}

/** Every value of a header exactly as it arrived, whitespace included: what the verdict shows as received. */
export function findRawHeaders(headers: HeaderPairs, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of headers) {
    if (key.length === wanted.length && key.toLowerCase() === wanted) values.push(value);
  }
  return values;
}

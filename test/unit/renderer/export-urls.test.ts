import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { exportUrl } from '../../../src/renderer/src/api/export-api';
import { bodyUrl } from '../../../src/renderer/src/api/body-api';
import { exportHar, MAX_EXPORT_IDS } from '../../../src/shared/contract/export';

const ids = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://127.0.0.1').searchParams);

describe('export and body URLs', () => {
  it('an export of MAX_EXPORT_IDS captures is one the engine accepts; one more is not', () => {
    expect(MAX_EXPORT_IDS).toBe(1000);
    expect(Value.Check(exportHar.querystring, queryOf(exportUrl(ids(MAX_EXPORT_IDS), 'har')))).toBe(true);
    expect(Value.Check(exportHar.querystring, queryOf(exportUrl(ids(MAX_EXPORT_IDS + 1), 'har')))).toBe(false);
  });

  it('builds the export and body paths from the contract', () => {
    expect(exportUrl([3, 1], 'har')).toBe('/api/requests/export.har?ids=3%2C1');
    expect(exportUrl([7], 'json')).toBe('/api/requests/export.json?ids=7');
    expect(bodyUrl(12)).toBe('/api/requests/12/body');
    expect(bodyUrl(12, { download: true })).toBe('/api/requests/12/body?download=1');
  });
});

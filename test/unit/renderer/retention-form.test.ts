import { describe, expect, it } from 'vitest';
import { parseRetentionForm, toRetentionForm } from '../../../src/renderer/src/lib/retention-form';
import { DEFAULT_RETENTION } from '../../../src/shared/api';
import { Value } from 'typebox/value';
import { RetentionSettings } from '../../../src/shared/contract/retention';

describe('the retention form', () => {
  it('shows no limit as an empty field', () => {
    expect(toRetentionForm(DEFAULT_RETENTION)).toEqual({ max_captures: '100000', max_age_days: '', max_disk_mb: '2048' });
  });

  it('reads whole numbers and empty fields back', () => {
    expect(parseRetentionForm({ max_captures: ' 5000 ', max_age_days: '', max_disk_mb: '512' })).toEqual({
      settings: { max_captures: 5000, max_age_days: null, max_disk_mb: 512 },
    });
    expect(parseRetentionForm(toRetentionForm(DEFAULT_RETENTION))).toEqual({ settings: DEFAULT_RETENTION });
  });

  it('names every field that is not a whole number of at least 1', () => {
    const result = parseRetentionForm({ max_captures: '0', max_age_days: '1.5', max_disk_mb: 'lots' });
    expect(result).toEqual({
      errors: {
        max_captures: expect.stringContaining('whole number of captures'),
        max_age_days: expect.stringContaining('whole number of days'),
        max_disk_mb: expect.stringContaining('whole number of MB'),
      },
    });
  });

  it('accepts each limit up to what the engine accepts and names the bound past it', () => {
    const atLimit = { max_captures: '100000000', max_age_days: '36500', max_disk_mb: '10000000' };
    const parsed = parseRetentionForm(atLimit);
    expect(parsed).toEqual({ settings: { max_captures: 100_000_000, max_age_days: 36_500, max_disk_mb: 10_000_000 } });
    if ('settings' in parsed) expect(Value.Check(RetentionSettings, parsed.settings)).toBe(true);
    expect(parseRetentionForm({ max_captures: '100000001', max_age_days: '36501', max_disk_mb: '10000001' })).toEqual({
      errors: {
        max_captures: 'At most 100,000,000 captures; leave it empty for no limit.',
        max_age_days: 'At most 36,500 days; leave it empty for no limit.',
        max_disk_mb: 'At most 10,000,000 MB; leave it empty for no limit.',
      },
    });
  });
});

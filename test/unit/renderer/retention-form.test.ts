import { describe, expect, it } from 'vitest';
import { parseRetentionForm, toRetentionForm } from '../../../src/renderer/src/lib/retention-form';
import { DEFAULT_RETENTION } from '../../../src/shared/api';

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
});

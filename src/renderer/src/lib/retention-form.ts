import { RETENTION_LIMITS, type RetentionSettings } from '../../../shared/contract/retention';

/** The three retention limits as typed: '' means no limit. */
export type RetentionForm = Record<keyof RetentionSettings, string>;
export type RetentionErrors = Partial<Record<keyof RetentionSettings, string>>;

/** `unit` follows the field; `noun` names what its number counts, in the error message. */
export const RETENTION_FIELDS: ReadonlyArray<{ key: keyof RetentionSettings; label: string; unit: string; noun: string }> = [
  { key: 'max_captures', label: 'Keep at most', unit: 'unpinned captures', noun: 'captures' },
  { key: 'max_age_days', label: 'Delete captures older than', unit: 'days', noun: 'days' },
  { key: 'max_disk_mb', label: 'Keep the history under', unit: 'MB on disk', noun: 'MB' },
];

export function toRetentionForm(settings: RetentionSettings): RetentionForm {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return { max_captures: text(settings.max_captures), max_age_days: text(settings.max_age_days), max_disk_mb: text(settings.max_disk_mb) };
}

/**
 * The settings to PUT, or a message per field that is not empty and not a whole number from 1 to
 * the contract's limit (what the engine accepts).
 */
export function parseRetentionForm(form: RetentionForm): { settings: RetentionSettings } | { errors: RetentionErrors } {
  const settings: RetentionSettings = { max_captures: null, max_age_days: null, max_disk_mb: null };
  const errors: RetentionErrors = {};
  for (const { key, noun } of RETENTION_FIELDS) {
    const text = form[key].trim();
    if (text === '') continue;
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
      errors[key] = `Enter a whole number of ${noun} (1 or more), or leave it empty for no limit.`;
    } else if (value > RETENTION_LIMITS[key]) {
      errors[key] = `At most ${RETENTION_LIMITS[key].toLocaleString('en')} ${noun}; leave it empty for no limit.`;
    } else {
      settings[key] = value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings };
}

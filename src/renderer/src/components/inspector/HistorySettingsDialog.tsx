import { useEffect, useState, type FormEvent } from 'react';
import type { RetentionState } from '../../../../shared/api';
import { controlApi } from '../../api/control-api';
import { describeError } from '../../api/errors';
import { formatBytes, formatDateTime } from '../../lib/format';
import { formatCount } from '../../lib/history-text';
import { parseRetentionForm, RETENTION_FIELDS, toRetentionForm, type RetentionErrors, type RetentionForm } from '../../lib/retention-form';
import { useStore } from '../../store';
import { Modal } from '../common/Modal';
import { Field } from '../endpoints/Field';
import { cx } from '../../lib/cx';
import styles from './HistorySettings.module.css';

/** The list toolbar's entry to the history's size and retention limits. */
export function HistorySettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" data-testid="history-settings" onClick={() => setOpen(true)}>
        History…
      </button>
      {open && <HistorySettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function Usage({ state }: { state: RetentionState }) {
  const { usage } = state;
  return (
    <dl className={cx('kv', styles.usage)} data-testid="history-usage">
      <div className="kv-row">
        <dt>On disk</dt>
        <dd data-testid="history-disk">{formatBytes(usage.disk_bytes)}</dd>
      </div>
      <div className="kv-row">
        <dt>Captures</dt>
        <dd data-testid="history-captures">{formatCount(usage.captures)}</dd>
      </div>
      <div className="kv-row">
        <dt>Pinned</dt>
        <dd data-testid="history-pinned">{formatCount(usage.pinned)}</dd>
      </div>
      <div className="kv-row">
        <dt>Oldest capture</dt>
        <dd data-testid="history-oldest">{usage.oldest_at ? formatDateTime(usage.oldest_at) : '—'}</dd>
      </div>
    </dl>
  );
}

/** How big the history is, and the limits beyond which the engine deletes the oldest unpinned captures. */
function HistorySettingsDialog({ onClose }: { onClose: () => void }) {
  const notify = useStore((s) => s.notify);
  const [state, setState] = useState<RetentionState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<RetentionForm | null>(null);
  const [errors, setErrors] = useState<RetentionErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    controlApi.getRetention().then(
      (loaded) => {
        if (!current) return;
        setState(loaded);
        setForm(toRetentionForm(loaded));
      },
      (error: unknown) => current && setLoadError(describeError(error)),
    );
    return () => {
      current = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const parsed = parseRetentionForm(form);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaveError(null);
    setSaving(true);
    try {
      const saved = await controlApi.updateRetention(parsed.settings);
      setState(saved);
      setForm(toRetentionForm(saved));
      notify('info', 'Saved the retention limits.');
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="History & retention" testId="history-dialog" onClose={onClose}>
      {loadError && (
        <div className="form-error" role="alert" data-testid="history-load-error">
          Could not read the history's settings: {loadError}
        </div>
      )}
      {!state && !loadError && <p className="muted">Loading…</p>}
      {state && form && (
        <form className={styles.form} onSubmit={(event) => void save(event)} noValidate>
          <Usage state={state} />
          <p className="note">
            Beyond any limit the engine deletes the oldest unpinned captures first; pinned captures are always kept, beyond the count too.
            Leave a field empty for no limit.
          </p>
          <div className={styles.limits}>
            {RETENTION_FIELDS.map(({ key, label, unit }) => (
              <Field key={key} label={label} htmlFor={`retention-${key}`} error={errors[key]}>
                <div className={styles.limitInput}>
                  <input
                    id={`retention-${key}`}
                    inputMode="numeric"
                    placeholder="no limit"
                    data-testid={`retention-${key}`}
                    value={form[key]}
                    onChange={(event) => setForm({ ...form, [key]: event.target.value })}
                  />
                  <span className="muted">{unit}</span>
                </div>
              </Field>
            ))}
          </div>
          {saveError && (
            <div className="form-error" role="alert" data-testid="retention-error">
              {saveError}
            </div>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button button-primary" disabled={saving} data-testid="retention-save">
              {saving ? 'Saving…' : 'Save limits'}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

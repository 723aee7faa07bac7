import { useState, type FormEvent } from 'react';
import type { PlatformSettings } from '../../../../shared/platform-api';
import { describeError } from '../../api/errors';
import { durationText, retryWaits } from '../../lib/delivery-text';
import { retrySettingsInput } from '../../lib/retry-settings-form';
import { useStore } from '../../store';
import styles from './Subscriptions.module.css';

/** Retry policy of the simulated platform (GET|PUT /api/settings), with presets of real platforms. */
export function RetrySettingsPanel() {
  const settings = useStore((s) => s.platformSettings);
  if (!settings) return null;
  // Keyed by the values: a save (or a change from elsewhere) resets the draft.
  return <RetrySettingsForm key={JSON.stringify(settings)} settings={settings} />;
}

function RetrySettingsForm({ settings }: { settings: PlatformSettings }) {
  const presets = useStore((s) => s.retryPresets);
  const save = useStore((s) => s.savePlatformSettings);
  const notify = useStore((s) => s.notify);
  const [maxAttempts, setMaxAttempts] = useState(String(settings.retry.max_attempts));
  const [baseDelay, setBaseDelay] = useState(String(settings.retry.base_delay_ms));
  const [timeout, setTimeoutMs] = useState(String(settings.delivery.timeout_ms));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (input: Parameters<typeof save>[0], what: string) => {
    setBusy(true);
    setError(null);
    try {
      await save(input);
      notify('info', `Retry settings saved: ${what}.`);
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = retrySettingsInput({ maxAttempts, baseDelay, timeout }, settings);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    void apply(result.input, result.what);
  };

  const waits = retryWaits(settings.retry);
  const current = presets.find((preset) => preset.id === settings.retry.preset);
  return (
    <form className={styles.subsSettings} onSubmit={submit} data-testid="retry-settings" noValidate>
      <h3>Retry policy</h3>
      <label className="field" htmlFor="retry-preset">
        <span className="field-label">Preset</span>
        <select
          id="retry-preset"
          data-testid="retry-preset"
          value={settings.retry.preset ?? ''}
          disabled={busy}
          onChange={(e) => {
            const preset = presets.find((item) => item.id === e.target.value);
            if (preset) void apply({ retry: { preset: preset.id } }, preset.label);
          }}
        >
          {settings.retry.preset === null && <option value="">Custom</option>}
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </label>
      {current && <p className="field-hint">{current.description}</p>}
      <div className={styles.subsSettingsGrid}>
        <label className="field" htmlFor="retry-max-attempts">
          <span className="field-label">Attempts</span>
          <input
            id="retry-max-attempts"
            data-testid="retry-max-attempts"
            inputMode="numeric"
            value={maxAttempts}
            onChange={(e) => setMaxAttempts(e.target.value)}
          />
        </label>
        <label className="field" htmlFor="retry-base-delay">
          <span className="field-label">Base (ms)</span>
          <input
            id="retry-base-delay"
            data-testid="retry-base-delay"
            inputMode="numeric"
            value={baseDelay}
            onChange={(e) => setBaseDelay(e.target.value)}
          />
        </label>
        <label className="field" htmlFor="retry-timeout">
          <span className="field-label">Timeout (ms)</span>
          <input
            id="retry-timeout"
            data-testid="retry-timeout"
            inputMode="numeric"
            value={timeout}
            onChange={(e) => setTimeoutMs(e.target.value)}
          />
        </label>
      </div>
      <p className="field-hint" data-testid="retry-schedule">
        {waits.length === 0 ? 'One attempt, no retries.' : `Attempt 1, then retries after ${waits.map(durationText).join(', ')}.`}
      </p>
      {error && (
        <p className="inline-error" role="alert" data-testid="retry-settings-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-small" data-testid="save-retry-settings" disabled={busy}>
        Save retry policy
      </button>
    </form>
  );
}

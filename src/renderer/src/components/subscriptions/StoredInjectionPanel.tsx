import { useEffect, useState, type FormEvent } from 'react';
import type { FailureInjection } from '../../../../shared/platform-api';
import { describeError } from '../../api/errors';
import { platformApi } from '../../api/platform-api';
import { formFromInjection, injectionFromForm, NO_INJECTION_FORM, type InjectionForm } from '../../lib/injection-form';
import { InjectionFields } from './InjectionFields';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

/** A short description of what a stored injection does, for the panel's status line. */
function describeInjection(inject: FailureInjection): string {
  const parts: string[] = [];
  if (inject.duplicate) parts.push('delivered twice');
  if (inject.corrupt_signature) parts.push('corrupt signature');
  if (inject.timestamp_offset_seconds)
    parts.push(`timestamp ${inject.timestamp_offset_seconds > 0 ? '+' : ''}${inject.timestamp_offset_seconds} s`);
  if (inject.delay_ms) parts.push(`held back ${inject.delay_ms} ms`);
  return parts.length === 0 ? 'Deliveries behave.' : `Every delivery: ${parts.join(', ')}.`;
}

/**
 * GET/PUT /api/webhooks/:id/inject: misbehaviour that applies to every delivery of this
 * subscription (an emit's own injection overrides it field by field) until it is cleared.
 */
export function StoredInjectionPanel({ subscriptionId }: { subscriptionId: string }) {
  const [stored, setStored] = useState<FailureInjection | null>(null);
  const [form, setForm] = useState<InjectionForm>(NO_INJECTION_FORM);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    platformApi.getInjection(subscriptionId).then(
      (inject) => {
        if (cancelled) return;
        setStored(inject);
        setForm(formFromInjection(inject));
      },
      (error: unknown) => !cancelled && setMessage({ kind: 'error', text: `Could not load the stored injection: ${describeError(error)}` }),
    );
    return () => {
      cancelled = true;
    };
  }, [subscriptionId]);

  const save = async (inject: FailureInjection) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await platformApi.setInjection(subscriptionId, inject);
      setStored(saved);
      setForm(formFromInjection(saved));
      setMessage({ kind: 'info', text: 'Saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = injectionFromForm(form);
    if ('error' in built) setMessage({ kind: 'error', text: built.error });
    else void save(built.inject);
  };

  return (
    <form className={cx(styles.subsCard, styles.subsEmit)} onSubmit={submit} data-testid="stored-injection" noValidate>
      <h3>Misbehave on every delivery</h3>
      <p className="note" data-testid="stored-injection-status">
        {stored === null ? 'Loading…' : describeInjection(stored)}
      </p>
      <fieldset className={styles.subsInject}>
        <legend>Stored failure injection</legend>
        <InjectionFields form={form} onChange={setForm} idPrefix="stored-inject" />
      </fieldset>
      <div className={cx('form-actions', styles.subsEmitActions)}>
        <button type="submit" className="button button-primary" data-testid="stored-injection-save" disabled={busy || stored === null}>
          Save
        </button>
        <button
          type="button"
          className="button"
          data-testid="stored-injection-clear"
          disabled={busy || stored === null}
          onClick={() => void save({})}
        >
          Clear
        </button>
        {message && (
          <span
            className={message.kind === 'error' ? 'inline-error' : 'muted'}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="stored-injection-result"
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

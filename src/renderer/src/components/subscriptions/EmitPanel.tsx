import { useEffect, useState, type FormEvent } from 'react';
import { EVENT_TYPE_NAMES } from '../../../../shared/event-types';
import type { WebhookSubscription } from '../../../../shared/platform-api';
import { describeError } from '../../api/errors';
import { buildEmitRequest, type EmitOptions } from '../../lib/emit-options';
import { NO_INJECTION_FORM } from '../../lib/injection-form';
import { InjectionFields } from './InjectionFields';
import { useStore } from '../../store';
import { cx } from '../../lib/cx';
import styles from './Subscriptions.module.css';

function templateFor(types: ReturnType<typeof useStore.getState>['platformEventTypes'], event: string): string {
  const data = types.find((entry) => entry.type === event)?.template.data ?? { id: `${event.split('.')[0] ?? 'obj'}_1` };
  return JSON.stringify(data, null, 2);
}

/**
 * POST /api/events: the event goes to every active subscription listing its type, not only the
 * one shown; failure injection makes the platform misbehave on purpose.
 */
export function EmitPanel({ subscription }: { subscription: WebhookSubscription }) {
  const eventTypes = useStore((s) => s.platformEventTypes);
  const emit = useStore((s) => s.emitPlatformEvent);
  const firstEvent = subscription.events[0] ?? EVENT_TYPE_NAMES[0] ?? 'project.created';
  const [options, setOptions] = useState<EmitOptions>(() => ({
    event: firstEvent,
    dataJson: templateFor(eventTypes, firstEvent),
    ...NO_INJECTION_FORM,
    outOfOrderCount: '',
  }));
  const [dataEdited, setDataEdited] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The catalog may arrive after the panel: swap the placeholder for the real template.
  useEffect(() => {
    if (!dataEdited && eventTypes.length > 0) setOptions((current) => ({ ...current, dataJson: templateFor(eventTypes, current.event) }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the catalog arrives
  }, [eventTypes]);

  const update = <K extends keyof EmitOptions>(key: K, value: EmitOptions[K]) => setOptions((current) => ({ ...current, [key]: value }));
  const pickEvent = (event: string) => {
    // A fresh template unless the user typed their own data.
    setOptions((current) => ({ ...current, event, dataJson: dataEdited ? current.dataJson : templateFor(eventTypes, event) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildEmitRequest(options);
    if ('error' in built) {
      setMessage({ kind: 'error', text: built.error });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const events = await emit(built.request);
      const deliveries = events.flatMap((item) => item.deliveries);
      const here = deliveries.filter((delivery) => delivery.webhook_id === subscription.id).length;
      const ids = events.map((item) => item.id).join(', ');
      setMessage(
        deliveries.length === 0
          ? { kind: 'error', text: `Emitted ${ids}, but no active subscription lists ${options.event}: nothing was queued.` }
          : {
              kind: 'info',
              text: `Emitted ${ids}: ${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'} queued, ${here} to this subscription.`,
            },
      );
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const listed = subscription.events.includes(options.event);
  return (
    <form className={cx(styles.subsCard, styles.subsEmit)} onSubmit={(event) => void submit(event)} data-testid="emit-panel" noValidate>
      <h3>Emit an event</h3>
      <div className="subs-emit-row">
        <label className="field" htmlFor="emit-event">
          <span className="field-label">Event type</span>
          <select id="emit-event" data-testid="emit-event" value={options.event} onChange={(e) => pickEvent(e.target.value)}>
            {EVENT_TYPE_NAMES.map((type) => (
              <option key={type} value={type}>
                {type}
                {subscription.events.includes(type) ? '' : ' (not subscribed)'}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!listed && <p className="note text-warn">This subscription does not list {options.event}; others that do will still get it.</p>}
      <label className="field" htmlFor="emit-data">
        <span className="field-label">data</span>
        <textarea
          id="emit-data"
          data-testid="emit-data"
          rows={5}
          spellCheck={false}
          value={options.dataJson}
          onChange={(e) => {
            setDataEdited(true);
            update('dataJson', e.target.value);
          }}
        />
      </label>

      <fieldset className={styles.subsInject} data-testid="emit-inject">
        <legend>Failure injection</legend>
        <InjectionFields form={options} onChange={(next) => setOptions((current) => ({ ...current, ...next }))} idPrefix="inject">
          <label className="field" htmlFor="inject-batch" title="Send this many copies (data.sequence 1..n) queued in a shuffled order">
            <span className="field-label">Out-of-order batch</span>
            <input
              id="inject-batch"
              data-testid="inject-batch"
              inputMode="numeric"
              placeholder="1 = off"
              value={options.outOfOrderCount}
              onChange={(e) => update('outOfOrderCount', e.target.value)}
            />
          </label>
        </InjectionFields>
      </fieldset>

      <div className={cx('form-actions', styles.subsEmitActions)}>
        <button type="submit" className="button button-primary" data-testid="emit-submit" disabled={busy}>
          {busy ? 'Emitting…' : 'Emit event'}
        </button>
        {message && (
          <span
            className={message.kind === 'error' ? 'inline-error' : 'muted'}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="emit-result"
          >
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

import { DEFAULT_TARGET_PATH } from '../../lib/compose-request';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import { SigningFields } from './SigningFields';
import styles from './Compose.module.css';

const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'];

/** Where and how to send: target, method, signing, timestamp, headers, timeout. */
export function ComposeForm() {
  const draft = useStore((s) => s.composeDraft);
  const update = useStore((s) => s.updateComposeDraft);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const sending = useStore((s) => s.sending);
  const canEmit = useStore((s) => s.canEmit);
  const sendComposed = useStore((s) => s.sendComposed);
  const emitComposed = useStore((s) => s.emitComposed);

  return (
    <form
      className={styles.composeForm}
      data-testid="compose-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void sendComposed();
      }}
    >
      <Field
        label="Target URL"
        htmlFor="compose-url"
        hint={
          receiverUrl && (
            <button
              type="button"
              className="link-button"
              data-testid="compose-own-receiver"
              onClick={() => update({ url: `${receiverUrl}${DEFAULT_TARGET_PATH}` })}
            >
              Use this app’s receiver
            </button>
          )
        }
      >
        <input
          id="compose-url"
          data-testid="compose-url"
          spellCheck={false}
          value={draft.url}
          onChange={(e) => update({ url: e.target.value })}
        />
      </Field>

      <div className={styles.inlineFields}>
        <Field label="Method" htmlFor="compose-method">
          <select
            id="compose-method"
            data-testid="compose-method"
            value={draft.method}
            onChange={(e) => update({ method: e.target.value })}
          >
            {METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </Field>
        <Field label="Timeout (s)" htmlFor="compose-timeout">
          <input
            id="compose-timeout"
            data-testid="compose-timeout"
            inputMode="numeric"
            value={draft.timeoutSeconds}
            onChange={(e) => update({ timeoutSeconds: e.target.value })}
          />
        </Field>
      </div>

      <SigningFields />

      <Field label="Extra headers" htmlFor="compose-headers" hint="One “Name: value” per line, sent in this order and case.">
        <textarea
          id="compose-headers"
          data-testid="compose-headers"
          rows={4}
          spellCheck={false}
          value={draft.headersText}
          onChange={(e) => update({ headersText: e.target.value })}
        />
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="compose-send" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
        {canEmit && draft.bodyMode === 'event' && (
          <button
            type="button"
            className="button"
            data-testid="compose-emit"
            title="POST /api/events: the platform simulator delivers it to every subscription of this event type"
            onClick={() => void emitComposed()}
          >
            Emit to subscriptions
          </button>
        )}
      </div>
    </form>
  );
}

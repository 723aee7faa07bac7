import { DEFAULT_TARGET_PATH } from '../../lib/compose-request';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { TimestampField } from './TimestampField';

const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'];

/** Where and how to send: target, method, signing, timestamp, headers, timeout. */
export function ComposeForm() {
  const draft = useStore((s) => s.composeDraft);
  const update = useStore((s) => s.updateComposeDraft);
  const schemes = useStore((s) => s.schemes);
  const endpoints = useStore((s) => s.endpoints);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const sending = useStore((s) => s.sending);
  const canEmit = useStore((s) => s.canEmit);
  const sendComposed = useStore((s) => s.sendComposed);
  const emitComposed = useStore((s) => s.emitComposed);

  const applyEndpointSecret = (id: string) => {
    const endpoint = endpoints.find((item) => item.id === id);
    if (endpoint) update({ scheme: endpoint.scheme, secret: endpoint.secret });
  };

  return (
    <form
      className="compose-form"
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
            <button type="button" className="link-button" data-testid="compose-own-receiver" onClick={() => update({ url: `${receiverUrl}${DEFAULT_TARGET_PATH}` })}>
              Use this app’s receiver
            </button>
          )
        }
      >
        <input id="compose-url" data-testid="compose-url" spellCheck={false} value={draft.url} onChange={(e) => update({ url: e.target.value })} />
      </Field>

      <div className="inline-fields">
        <Field label="Method" htmlFor="compose-method">
          <select id="compose-method" data-testid="compose-method" value={draft.method} onChange={(e) => update({ method: e.target.value })}>
            {METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </Field>
        <Field label="Timeout (s)" htmlFor="compose-timeout">
          <input id="compose-timeout" data-testid="compose-timeout" inputMode="numeric" value={draft.timeoutSeconds} onChange={(e) => update({ timeoutSeconds: e.target.value })} />
        </Field>
      </div>

      <Field label="Signature scheme" htmlFor="compose-scheme">
        <select id="compose-scheme" data-testid="compose-scheme" value={draft.scheme} onChange={(e) => update({ scheme: e.target.value })}>
          <option value="">Unsigned</option>
          {schemes.map((scheme) => (
            <option key={scheme.id} value={scheme.id}>
              {scheme.label}
            </option>
          ))}
        </select>
      </Field>

      {draft.scheme !== '' && (
        <Field label="Secret" htmlFor="compose-secret">
          <SecretInput id="compose-secret" testId="compose-secret" placeholder="The secret to sign with" value={draft.secret} onChange={(secret) => update({ secret })} />
          {endpoints.length > 0 && (
            <select
              aria-label="Use an endpoint's secret"
              className="compose-endpoint-secret"
              data-testid="compose-endpoint-secret"
              value=""
              onChange={(e) => applyEndpointSecret(e.target.value)}
            >
              <option value="">Use an endpoint’s scheme and secret…</option>
              {endpoints.map((endpoint) => (
                <option key={endpoint.id} value={endpoint.id}>
                  {endpoint.name} ({endpoint.path}){endpoint.secret === '' ? ' — no secret' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <TimestampField
        mode={draft.timestampMode}
        value={draft.timestampValue}
        disabled={draft.scheme === ''}
        onChange={(timestampMode, timestampValue) => update({ timestampMode, timestampValue })}
      />

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

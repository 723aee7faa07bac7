import { useState, type FormEvent } from 'react';
import { CATCH_ALL_ENDPOINT_ID, type Endpoint } from '../../../../shared/api';
import { describeError } from '../../api/errors';
import { useStore } from '../../store';
import { draftFromEndpoint, draftToInput, type DraftErrors, type EndpointDraft } from './endpoint-draft';
import { Field } from './Field';
import { EndpointKeyField } from './EndpointKeyField';
import { CustomSchemeForm } from '../lab/CustomSchemeForm';
import { SchemePicker } from '../common/SchemePicker';
import { CUSTOM_SCHEME } from '../../lib/lab-scheme';
import { suggestedPath, toleranceHint } from '../../lib/tolerance-hint';
import styles from './Endpoints.module.css';

const KEY_ERROR_PREFIX = 'secret: ';

export function EndpointForm({ endpoint }: { endpoint: Endpoint | null }) {
  const schemes = useStore((s) => s.schemes);
  const saveEndpoint = useStore((s) => s.saveEndpoint);
  const deleteEndpoint = useStore((s) => s.deleteEndpoint);
  const editEndpoint = useStore((s) => s.editEndpoint);
  const notify = useStore((s) => s.notify);

  const [draft, setDraft] = useState<EndpointDraft>(() => draftFromEndpoint(endpoint, schemes[0]?.id ?? 'dcisionai'));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);

  const isCatchAll = endpoint?.id === CATCH_ALL_ENDPOINT_ID;
  // A custom scheme checks the age both ways, and only when it has a timestamp header.
  const tolerance = toleranceHint(
    draft.scheme === CUSTOM_SCHEME
      ? { uses_timestamp: draft.custom.timestamp_header.trim() !== '', tolerance_direction: 'both' }
      : (schemes.find((scheme) => scheme.id === draft.scheme) ?? {}),
  );
  const update = <K extends keyof EndpointDraft>(key: K, value: EndpointDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setSavedMessage(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = draftToInput(draft);
    setErrors(found);
    setServerError(null);
    setKeyError(undefined);
    if (!input) return;
    // The catch-all's path is fixed; sending it anyway would only invite a validation error.
    if (isCatchAll) delete input.path;
    setSaving(true);
    try {
      const saved = await saveEndpoint(endpoint?.id ?? null, input);
      // The form usually remounts on success (its key includes updated_at), losing local state,
      // so the confirmation goes through the store's notices.
      notify('info', `Saved endpoint “${saved.name}”.`);
      setSavedMessage('Saved.');
    } catch (error) {
      // The engine names a key in the wrong format as `secret: …`: shown under the key field.
      const message = describeError(error);
      if (message.startsWith(KEY_ERROR_PREFIX)) setKeyError(message.slice(KEY_ERROR_PREFIX.length));
      else setServerError(message);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!endpoint || !window.confirm(`Delete endpoint “${endpoint.name}”? Its captures stay.`)) return;
    try {
      await deleteEndpoint(endpoint.id);
    } catch (error) {
      setServerError(describeError(error));
    }
  };

  return (
    <form className={styles.endpointForm} onSubmit={(event) => void submit(event)} data-testid="endpoint-form" noValidate>
      <h2>{endpoint ? `Edit “${endpoint.name}”` : 'New endpoint'}</h2>

      <div className="form-grid">
        <Field label="Name" htmlFor="endpoint-name" error={errors.name}>
          <input id="endpoint-name" data-testid="endpoint-name" value={draft.name} onChange={(e) => update('name', e.target.value)} />
        </Field>
        <Field
          label="Path prefix"
          htmlFor="endpoint-path"
          error={errors.path}
          hint={
            isCatchAll ? 'The catch-all receives everything no other endpoint matches; its path is fixed.' : 'Longest matching prefix wins.'
          }
        >
          <input
            id="endpoint-path"
            data-testid="endpoint-path"
            value={draft.path}
            placeholder={suggestedPath(draft.scheme)}
            disabled={isCatchAll}
            onChange={(e) => update('path', e.target.value)}
          />
        </Field>
        <Field label="Signature scheme" htmlFor="endpoint-scheme">
          <SchemePicker
            id="endpoint-scheme"
            testId="endpoint-scheme"
            value={draft.scheme}
            onChange={(scheme) => update('scheme', scheme)}
            schemes={schemes}
            custom
          />
        </Field>
        <Field
          label="Tolerance (seconds)"
          htmlFor="endpoint-tolerance"
          error={errors.tolerance}
          hint={<span data-testid="endpoint-tolerance-hint">{tolerance ?? 'This scheme has no timestamp: there is no age to check.'}</span>}
        >
          <input
            id="endpoint-tolerance"
            data-testid="endpoint-tolerance"
            inputMode="numeric"
            disabled={tolerance === null}
            value={draft.tolerance}
            onChange={(e) => update('tolerance', e.target.value)}
          />
        </Field>
        {draft.scheme === CUSTOM_SCHEME && (
          <div className="form-wide">
            <CustomSchemeForm form={draft.custom} onChange={(next) => update('custom', next)} idPrefix="endpoint-custom" />
            {errors.custom && (
              <div className="inline-error" data-testid="endpoint-custom-error">
                {errors.custom}
              </div>
            )}
          </div>
        )}
        <EndpointKeyField
          descriptor={draft.scheme === CUSTOM_SCHEME ? undefined : schemes.find((scheme) => scheme.id === draft.scheme)}
          value={draft.secret}
          onChange={(value) => {
            update('secret', value);
            setKeyError(undefined);
          }}
          error={keyError}
          existing={endpoint !== null}
        />
        <label className="switch form-wide">
          <input
            type="checkbox"
            data-testid="endpoint-enforce"
            checked={draft.enforce}
            onChange={(e) => update('enforce', e.target.checked)}
          />
          <span>Enforce: answer 401 to requests whose signature or timestamp fails</span>
        </label>
        <label
          className="switch form-wide"
          title="Slack url_verification, Zoom url_validation, Meta hub.challenge, X CRC, Dropbox challenge, Asana X-Hook-Secret, Twitch and Discord verification, CloudEvents OPTIONS"
        >
          <input
            type="checkbox"
            data-testid="endpoint-answer-handshakes"
            checked={draft.answerHandshakes}
            onChange={(e) => update('answerHandshakes', e.target.checked)}
          />
          <span>Answer handshakes: reply to the provider’s verification request as it expects, instead of the response below</span>
        </label>
        {draft.scheme === 'meta' && (
          <Field
            label="Verify token"
            htmlFor="endpoint-verify-token"
            hint="Meta’s hub.verify_token, as typed in the app dashboard: a subscribe request with another token gets 403. Empty: any token is answered."
          >
            <input
              id="endpoint-verify-token"
              data-testid="endpoint-verify-token"
              spellCheck={false}
              disabled={!draft.answerHandshakes}
              value={draft.verifyToken}
              onChange={(e) => update('verifyToken', e.target.value)}
            />
          </Field>
        )}
      </div>

      <h3>Response</h3>
      <div className="form-grid">
        <Field label="Status" htmlFor="endpoint-status" error={errors.status}>
          <input
            id="endpoint-status"
            data-testid="endpoint-status"
            inputMode="numeric"
            value={draft.status}
            onChange={(e) => update('status', e.target.value)}
          />
        </Field>
        <Field label="Delay (ms)" htmlFor="endpoint-delay" error={errors.delay}>
          <input
            id="endpoint-delay"
            data-testid="endpoint-delay"
            inputMode="numeric"
            value={draft.delay}
            onChange={(e) => update('delay', e.target.value)}
          />
        </Field>
        <div className="form-wide">
          <Field label="Headers (JSON object)" htmlFor="endpoint-headers" error={errors.headersJson}>
            <textarea
              id="endpoint-headers"
              data-testid="endpoint-headers"
              rows={3}
              spellCheck={false}
              value={draft.headersJson}
              onChange={(e) => update('headersJson', e.target.value)}
            />
          </Field>
        </div>
        <div className="form-wide">
          <Field label="Body" htmlFor="endpoint-body">
            <textarea
              id="endpoint-body"
              data-testid="endpoint-body"
              rows={3}
              spellCheck={false}
              value={draft.body}
              onChange={(e) => update('body', e.target.value)}
            />
          </Field>
        </div>
      </div>

      <h3>Forwarding</h3>
      <div className="form-grid">
        <div className="form-wide">
          <Field
            label="Forward to"
            htmlFor="endpoint-forward-to"
            error={errors.forwardTo}
            hint="Every capture is also sent here (same method, path below the prefix and query appended, raw body unchanged) and the sender gets this target’s answer instead of the response above. Empty: no forwarding."
          >
            <input
              id="endpoint-forward-to"
              data-testid="endpoint-forward-to"
              spellCheck={false}
              placeholder="http://localhost:3000/webhooks"
              value={draft.forwardTo}
              onChange={(e) => update('forwardTo', e.target.value)}
            />
          </Field>
        </div>
        <Field
          label="Timeout (s)"
          htmlFor="endpoint-forward-timeout"
          error={errors.forwardTimeout}
          hint="How long the target may take before the sender gets a 502; raise it to step through your handler in a debugger."
        >
          <input
            id="endpoint-forward-timeout"
            data-testid="endpoint-forward-timeout"
            inputMode="decimal"
            value={draft.forwardTimeout}
            onChange={(e) => update('forwardTimeout', e.target.value)}
          />
        </Field>
      </div>

      {serverError && (
        <p className="inline-error form-error" role="alert" data-testid="endpoint-form-error">
          {serverError}
        </p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="save-endpoint" disabled={saving}>
          {saving ? 'Saving…' : endpoint ? 'Save changes' : 'Create endpoint'}
        </button>
        {!endpoint && (
          <button type="button" className="button" onClick={() => editEndpoint(null)}>
            Cancel
          </button>
        )}
        {savedMessage && (
          <span className="muted" data-testid="endpoint-saved">
            {savedMessage}
          </span>
        )}
        <span className="spacer" />
        {endpoint && !isCatchAll && (
          <button type="button" className="button button-danger" data-testid="delete-endpoint" onClick={() => void remove()}>
            Delete endpoint
          </button>
        )}
      </div>
    </form>
  );
}

import { secretFormatHint } from '../../../../shared/verification-text';
import { useMemo } from 'react';
import { endpointSigning } from '../../lib/compose-request';
import { CUSTOM_SCHEME, labSchemeInfo } from '../../lib/lab-scheme';
import { schemeName } from '../../lib/scheme-options';
import { useStore } from '../../store';
import { SchemePicker } from '../common/SchemePicker';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { CustomSchemeForm } from '../lab/CustomSchemeForm';
import { ComposeKeyPair } from './ComposeKeyPair';
import { TimestampField } from './TimestampField';
import styles from './Compose.module.css';

const UNSIGNED = [{ value: '', name: 'Unsigned', detail: 'No signature headers' }];

/**
 * “Sign as”: any scheme of the engine, or a custom one, and what that scheme needs besides the
 * secret: a message id it signs, the URL it signs (the target), a timestamp or none.
 */
export function SigningFields() {
  const draft = useStore((s) => s.composeDraft);
  const update = useStore((s) => s.updateComposeDraft);
  const schemes = useStore((s) => s.schemes);
  const endpoints = useStore((s) => s.endpoints);
  const info = useMemo(() => labSchemeInfo(draft.scheme, draft.custom, schemes), [draft.scheme, draft.custom, schemes]);
  const signed = draft.scheme !== '';
  const name = info.descriptor ? schemeName(info.descriptor) : info.label;
  const privateKey = info.keyPairOnly ? info.keyPair : null;

  const applyEndpoint = (id: string) => {
    const endpoint = endpoints.find((item) => item.id === id);
    if (endpoint) update(endpointSigning(endpoint));
  };

  return (
    <>
      <Field label="Sign as" htmlFor="compose-scheme">
        <SchemePicker
          id="compose-scheme"
          testId="compose-scheme"
          value={draft.scheme}
          onChange={(scheme) => update({ scheme, publicKey: '' })}
          schemes={schemes}
          leading={UNSIGNED}
          custom
        />
      </Field>

      {draft.scheme === CUSTOM_SCHEME && (
        <CustomSchemeForm form={draft.custom} onChange={(custom) => update({ custom })} idPrefix="compose-custom" />
      )}

      {signed && (
        <Field
          label={privateKey ? 'Private key (signs)' : 'Secret'}
          htmlFor="compose-secret"
          hint={
            privateKey
              ? `Signs with ${privateKey.private_key_format}.`
              : secretFormatHint(info.descriptor?.secret_format)
                ? `${name} secrets are ${secretFormatHint(info.descriptor?.secret_format)}.`
                : undefined
          }
        >
          <SecretInput
            id="compose-secret"
            testId="compose-secret"
            placeholder={privateKey ? 'The private key to sign with' : 'The secret to sign with'}
            value={draft.secret}
            onChange={(secret) => update({ secret, publicKey: '' })}
            generate={!privateKey}
          />
          {endpoints.length > 0 && (
            <select
              aria-label="Use an endpoint's secret"
              className={styles.composeEndpointSecret}
              data-testid="compose-endpoint-secret"
              value=""
              onChange={(e) => applyEndpoint(e.target.value)}
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

      {signed && privateKey && <ComposeKeyPair name={name} publicKeyFormat={privateKey.public_key_format} />}

      {signed && info.idHeader && (
        <Field
          label={`Message id (${info.idHeader})`}
          htmlFor="compose-message-id"
          hint={`${name} signs this id with the body. Empty: a fresh one per send; a resend keeps it.`}
        >
          <input
            id="compose-message-id"
            data-testid="compose-message-id"
            spellCheck={false}
            placeholder="msg_… (random)"
            value={draft.messageId}
            onChange={(e) => update({ messageId: e.target.value })}
          />
        </Field>
      )}

      {signed && info.usesUrl && (
        <p className="note" data-testid="compose-signs-url">
          {name} signs the full target URL above (scheme, host, port, path and query as typed): your receiver must see the same URL, so
          behind a tunnel send to its public URL.
        </p>
      )}

      <TimestampField
        mode={draft.timestampMode}
        value={draft.timestampValue}
        disabled={!signed || !info.usesTimestamp}
        disabledHint={signed ? `${name} signs no timestamp.` : undefined}
        onChange={(timestampMode, timestampValue) => update({ timestampMode, timestampValue })}
      />
    </>
  );
}

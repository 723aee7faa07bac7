import { useState } from 'react';
import type { SchemeDescriptor, SignatureKeyPair } from '../../../../shared/api';
import { secretFormatHint } from '../../../../shared/verification-text';
import { signaturesApi } from '../../api/signatures-api';
import { describeError } from '../../api/errors';
import { CopyButton } from '../common/CopyButton';
import { Field } from './Field';
import { SecretInput } from './SecretInput';
import { cx } from '../../lib/cx';
import styles from './Endpoints.module.css';

interface EndpointKeyFieldProps {
  /** The endpoint's scheme; undefined for the custom scheme (a shared secret). */
  descriptor: SchemeDescriptor | undefined;
  value: string;
  onChange: (value: string) => void;
  /** The engine's message about the key (its 400 on save), shown under the field. */
  error?: string;
  /** Whether the endpoint exists (changing its key re-verifies its captures). */
  existing: boolean;
}

/**
 * What an endpoint verifies with: a shared secret (HMAC schemes), or the sender's public key
 * (Discord, SendGrid; Standard Webhooks takes either). A generated pair puts the public key in
 * the field and shows the private key once, to sign test requests: it is never stored.
 */
export function EndpointKeyField({ descriptor, value, onChange, error, existing }: EndpointKeyFieldProps) {
  const [pair, setPair] = useState<SignatureKeyPair | null>(null);
  const [busy, setBusy] = useState(false);
  const [generateError, setGenerateError] = useState<string | null>(null);
  const keyPair = descriptor?.key_pair ?? null;
  const keyPairOnly = descriptor?.key_kind === 'key_pair';
  const reverify = existing ? ' Changing it re-verifies this endpoint’s stored captures.' : '';
  // A pair generated for another scheme (the picker changed since) is not this scheme's.
  const shownPair = pair && pair.scheme === descriptor?.id ? pair : null;

  const generate = async () => {
    if (!descriptor) return;
    setBusy(true);
    setGenerateError(null);
    try {
      const generated = await signaturesApi.keyPair(descriptor.id);
      setPair(generated);
      onChange(generated.public_key);
    } catch (caught) {
      setGenerateError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const generateButton = keyPair && (
    <button
      type="button"
      className="button button-small"
      data-testid="endpoint-generate-keypair"
      disabled={busy}
      onClick={() => void generate()}
    >
      Generate key pair
    </button>
  );

  let field;
  if (keyPair && keyPairOnly) {
    // A public key is not a secret: shown in clear, so it can be compared with the provider's.
    field = (
      <Field
        label="Public key"
        htmlFor="endpoint-secret-input"
        error={error}
        hint={
          <span data-testid="endpoint-key-hint">{`The sender's public key, ${keyPair.public_key_format}. It verifies signatures made with the matching private key.${reverify}`}</span>
        }
      >
        <div className="input-with-button">
          <input
            id="endpoint-secret-input"
            data-testid="endpoint-secret"
            spellCheck={false}
            autoComplete="off"
            value={value}
            placeholder="No public key: signatures cannot be checked"
            onChange={(event) => onChange(event.target.value)}
          />
          {generateButton}
        </div>
      </Field>
    );
  } else {
    const format = secretFormatHint(descriptor?.secret_format);
    const hint = keyPair
      ? `A whsec_ secret verifies v1 (HMAC) signatures; a public key, ${keyPair.public_key_format}, verifies v1a (Ed25519).${reverify}`
      : `${format ? `${descriptor?.label.split(' (')[0] ?? 'This scheme'} secrets are ${format}.` : ''}${reverify}`.trim();
    field = (
      <Field
        label={keyPair ? 'Secret or public key' : 'Secret'}
        htmlFor="endpoint-secret-input"
        error={error}
        hint={hint ? <span data-testid="endpoint-key-hint">{hint}</span> : undefined}
      >
        <div className="input-with-button">
          <SecretInput id="endpoint-secret-input" value={value} onChange={onChange} format={descriptor?.secret_format} />
          {generateButton}
        </div>
      </Field>
    );
  }

  return (
    <div className="form-wide">
      {field}
      {generateError && (
        <div className="inline-error" data-testid="endpoint-keypair-error">
          {generateError}
        </div>
      )}
      {shownPair && (
        <div className={cx('callout', styles.endpointPrivateKey)} data-testid="endpoint-private-key">
          <p>
            <strong>Private key (signs), shown once:</strong> it is not stored. Copy it now to sign test requests in Compose, the Signature
            Lab or <code>hookscope trigger</code>; it disappears when you save or leave this form.
          </p>
          <div className="copy-line">
            <code data-testid="endpoint-private-key-value">{shownPair.private_key}</code>
            <CopyButton text={shownPair.private_key} testId="endpoint-private-key-copy" />
          </div>
          <p className="muted">{`Format: ${shownPair.private_key_format}.`}</p>
        </div>
      )}
    </div>
  );
}

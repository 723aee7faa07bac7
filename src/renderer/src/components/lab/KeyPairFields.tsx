import { useState } from 'react';
import { verifiesWithPublicKey } from '../../lib/lab-scheme';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { useLabScheme } from './use-lab-scheme';

/**
 * The key fields of a scheme verified with a public key (Discord, SendGrid, Standard Webhooks'
 * v1a): the public key verifies, the private key signs, and a generated pair tests both sides.
 * The public key is not a secret, so it is shown in clear; the private key is masked.
 */
export function KeyPairFields() {
  const secret = useStore((s) => s.labInputs.secret);
  const privateKey = useStore((s) => s.labPrivateKey);
  const error = useStore((s) => s.labKeyPairError);
  const whatIf = useStore((s) => s.labMode === 'what-if');
  const update = useStore((s) => s.updateLabInputs);
  const setPrivateKey = useStore((s) => s.setLabPrivateKey);
  const generate = useStore((s) => s.generateLabKeyPair);
  const scheme = useLabScheme();
  const [busy, setBusy] = useState(false);
  const formats = scheme.keyPair;
  if (!formats) return null;
  // Standard Webhooks takes a whsec_ secret (v1, HMAC) or a whpk_ public key (v1a) in one field.
  const either = !scheme.keyPairOnly;
  const publicKeyMode = verifiesWithPublicKey(scheme, secret);

  const run = async () => {
    setBusy(true);
    try {
      await generate();
    } finally {
      setBusy(false);
    }
  };

  const verifyHint = either
    ? `whsec_… verifies v1 (HMAC) signatures; a public key, ${formats.public_key_format}, verifies v1a (Ed25519).`
    : `Verifies: ${formats.public_key_format}.`;

  return (
    <>
      <div className="form-wide">
        <Field
          label={either ? 'Secret or public key' : 'Public key'}
          htmlFor="lab-secret"
          hint={whatIf ? `What if the endpoint had this key? The stored one is unchanged. ${verifyHint}` : verifyHint}
        >
          <div className="input-with-button">
            <input
              id="lab-secret"
              data-testid="lab-secret"
              spellCheck={false}
              autoComplete="off"
              value={secret}
              placeholder={either ? 'whsec_… or whpk_…' : 'The public key'}
              onChange={(event) => update({ secret: event.target.value })}
            />
            <button
              type="button"
              className="button button-small"
              data-testid="lab-generate-keypair"
              disabled={busy}
              onClick={() => void run()}
            >
              Generate key pair
            </button>
          </div>
        </Field>
      </div>
      {(publicKeyMode || privateKey !== '') && (
        <div className="form-wide">
          <Field
            label="Private key (signs)"
            htmlFor="lab-private-key"
            error={error ?? undefined}
            hint={`Used only by Compute signature: ${formats.private_key_format}.`}
          >
            <SecretInput
              id="lab-private-key"
              testId="lab-private-key"
              value={privateKey}
              placeholder="Only to compute a signature"
              onChange={setPrivateKey}
              generate={false}
            />
          </Field>
        </div>
      )}
      {error && !publicKeyMode && privateKey === '' && (
        <div className="inline-error form-wide" data-testid="lab-keypair-error">
          {error}
        </div>
      )}
    </>
  );
}

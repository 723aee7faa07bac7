import { useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import styles from './Compose.module.css';

/**
 * For a key-pair scheme (Discord, SendGrid) Compose signs with a private key: one generated here
 * signs, and its public key is what the receiving endpoint must hold to find the request valid.
 */
export function ComposeKeyPair({ name, publicKeyFormat }: { name: string; publicKeyFormat: string }) {
  const publicKey = useStore((s) => s.composeDraft.publicKey);
  const generate = useStore((s) => s.generateComposeKeyPair);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const run = async () => {
    setBusy(true);
    setCopied(null);
    try {
      await generate();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className={styles.composeKeypair}>
        <button
          type="button"
          className="button button-small"
          data-testid="compose-generate-keypair"
          disabled={busy}
          onClick={() => void run()}
        >
          Generate key pair
        </button>
        <span className="field-hint">
          No key yet? A new pair: its private key signs here, its public key goes on the receiving endpoint.
        </span>
      </div>
      {publicKey !== '' && (
        <Field
          label="Public key (verifies)"
          htmlFor="compose-public-key"
          hint={`Put it on the receiving endpoint as its ${name} key (${publicKeyFormat}).`}
        >
          <div className="input-with-button">
            <input
              id="compose-public-key"
              data-testid="compose-public-key"
              readOnly
              spellCheck={false}
              value={publicKey}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="button button-small"
              data-testid="compose-copy-public-key"
              onClick={() => void copyText(publicKey).then((ok) => setCopied(ok ? 'copied' : 'failed'))}
            >
              {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
            </button>
          </div>
        </Field>
      )}
    </>
  );
}

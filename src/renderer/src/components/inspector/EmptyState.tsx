import { useState } from 'react';
import { ImportHarButton } from '../export/ImportHarButton';
import { CATCH_ALL_ENDPOINT_ID } from '../../../../shared/api';
import { matchEndpoint } from '../../../../shared/endpoint-match';
import { buildSampleCommand, SAMPLE_PATH } from '../../lib/sample-command';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import { maskSecret, SecretReveal } from '../common/SecretReveal';
import styles from './EmptyState.module.css';

/** First-run help: where to send webhooks, and a command that sends a correctly signed one. */
export function EmptyState() {
  const receiverUrl = useStore((s) => s.receiverUrl);
  const endpoints = useStore((s) => s.endpoints);
  const showPage = useStore((s) => s.showPage);
  const editEndpoint = useStore((s) => s.editEndpoint);
  // One switch for the secret and the command that embeds it: masked, neither shows it.
  const [revealed, setRevealed] = useState(false);

  // Sign with the secret of the endpoint the receiver will actually pick for the sample path.
  const endpoint = matchEndpoint(endpoints, SAMPLE_PATH);
  const secret = endpoint?.secret ?? '';
  const descriptor = useStore((s) => s.schemes.find((scheme) => scheme.id === endpoint?.scheme));
  // A public key verifies but cannot sign: the sample command (an HMAC in the shell) has nothing to sign with.
  const publicKey = descriptor?.key_pair != null && (descriptor.key_kind === 'key_pair' || /^\s*whpk_/.test(secret));

  const openEndpointSettings = () => {
    editEndpoint(endpoint?.id ?? CATCH_ALL_ENDPOINT_ID);
    showPage('endpoints');
    // Straight to the field the button is about, once the form has rendered.
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById('endpoint-secret-input')?.focus()));
  };

  // The endpoint's secret (or public key), masked, with the way to change it.
  const secretLine = (
    <div className="copy-line" data-testid="empty-secret">
      <SecretReveal secret={secret} testId="empty-secret-value" revealed={revealed} onRevealedChange={setRevealed} />
      <button type="button" className="button button-small" data-testid="change-secret" onClick={openEndpointSettings}>
        Change…
      </button>
    </div>
  );

  return (
    <div className={styles.emptyState} data-testid="empty-state">
      <h1>Waiting for the first webhook</h1>
      <p className="muted">Point your webhook sender (or a tunnel such as cloudflared or ngrok) at the receiver:</p>
      <div className="copy-line">
        <code data-testid="empty-receiver-url">{receiverUrl ?? 'unknown — waiting for the engine'}</code>
        {receiverUrl && <CopyButton text={receiverUrl} testId="copy-receiver-url" />}
      </div>

      <h2>Send a signed sample event</h2>
      {receiverUrl && secret && publicKey ? (
        <>
          <p className="muted">
            Requests to <code>{SAMPLE_PATH}</code> are verified by endpoint “{endpoint?.name}” with this public key (
            {descriptor?.label.split(' (')[0]}):
          </p>
          {secretLine}
          <p className="callout" data-testid="sample-needs-private-key">
            A public key can only check signatures: signing a sample needs the matching private key. Generate a key pair in the endpoint
            settings (the private key is shown once), then send a signed event from Compose or with <code>hookscope trigger</code>.
          </p>
        </>
      ) : receiverUrl && secret ? (
        <>
          <p className="muted">
            Requests to <code>{SAMPLE_PATH}</code> are verified by endpoint “{endpoint?.name}” with this secret (give it to your sender, or
            change it):
          </p>
          {secretLine}
          <p className="muted">
            Paste this into a shell. It signs a <code>project.created</code> event with that secret using <code>openssl</code> and posts the
            exact bytes with <code>curl --data-binary</code>.
          </p>
          <div className={styles.commandBlock}>
            <div className={styles.commandBlockHeader}>
              <span>bash</span>
              <CopyButton text={buildSampleCommand(receiverUrl, secret)} label="Copy command" testId="copy-sample-command" />
            </div>
            <pre data-testid="sample-command" data-revealed={revealed}>
              {buildSampleCommand(receiverUrl, revealed ? secret : maskSecret(secret))}
            </pre>
          </div>
        </>
      ) : (
        <p className="callout" data-testid="sample-needs-secret">
          Set a secret on the endpoint “{endpoint?.name ?? 'catch-all'}” first: the sample command signs its event with that secret.{' '}
          <button type="button" className="button button-small" data-testid="set-secret" onClick={openEndpointSettings}>
            Set a secret
          </button>
        </p>
      )}

      <p className="muted">
        Or bring captures from elsewhere: <ImportHarButton />
      </p>
    </div>
  );
}

import { useMemo, useState } from 'react';
import { base64ToBytes } from '../../lib/bytes';
import { curlCommand } from '../../../../shared/curl';
import { signingKey } from '../../lib/lab-payload';
import { SAMPLE_PATH } from '../../lib/sample-command';
import { useStore } from '../../store';
import { CopyButton } from '../common/CopyButton';
import { Section } from '../detail/Section';
import { Field } from '../endpoints/Field';
import { useLabScheme } from './use-lab-scheme';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

const headerLines = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** Computes a signature for the current inputs; copy the headers or a curl command with the exact bytes. */
export function SignPanel() {
  const inputs = useStore((s) => s.labInputs);
  const source = useStore((s) => s.labSource);
  const signed = useStore((s) => s.labSigned);
  const error = useStore((s) => s.labSignError);
  const compute = useStore((s) => s.computeLabSignature);
  const applySigned = useStore((s) => s.applyLabSignedHeaders);
  const receiverUrl = useStore((s) => s.receiverUrl);
  const scheme = useLabScheme();
  const [timestamp, setTimestamp] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const defaultTarget = `${(receiverUrl ?? 'http://127.0.0.1:4700').replace(/\/+$/, '')}${source.kind === 'capture' ? source.target : SAMPLE_PATH}`;
  const targetUrl = target ?? defaultTarget;
  const method = source.kind === 'capture' ? source.method : 'POST';
  const curl = useMemo(
    () => (signed ? curlCommand({ url: targetUrl, method, headers: signed.headers, body: base64ToBytes(signed.bodyBase64) }) : ''),
    [signed, targetUrl, method],
  );
  const stale = signed !== null && signed.key !== signingKey(inputs);
  const timestampInvalid = scheme.usesTimestamp && timestamp.trim() !== '' && !/^\d+$/.test(timestamp.trim());

  const run = async () => {
    setBusy(true);
    try {
      await compute(!scheme.usesTimestamp || timestamp.trim() === '' ? null : Number(timestamp.trim()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Compute a signature" testId="lab-sign">
      <div className={styles.labSignForm}>
        {scheme.usesTimestamp ? (
          <Field
            label="Timestamp to sign (unix seconds)"
            htmlFor="lab-sign-timestamp"
            error={timestampInvalid ? 'Whole seconds, e.g. 1700000000.' : undefined}
          >
            <input
              id="lab-sign-timestamp"
              data-testid="lab-sign-timestamp"
              spellCheck={false}
              value={timestamp}
              placeholder="the timestamp header, else the clock, else now"
              onChange={(event) => setTimestamp(event.target.value)}
            />
          </Field>
        ) : (
          <p className={cx('note', styles.labSignNote)}>{scheme.label} signs no timestamp.</p>
        )}
        <button
          type="button"
          className="button button-primary"
          data-testid="lab-compute"
          disabled={busy || timestampInvalid}
          onClick={() => void run()}
        >
          Compute signature
        </button>
      </div>
      {error && (
        <div className="inline-error" data-testid="lab-sign-error">
          {error}
        </div>
      )}
      {signed && (
        <div className={styles.labSigned} data-testid="lab-signed">
          {stale && <p className="note text-warn">The inputs changed since this was computed: compute again.</p>}
          <div className={styles.labSignedHeader}>
            <span className="sig-label">Headers{scheme.usesTimestamp ? ` · signed at ${signed.timestamp}` : ''}</span>
            <div className="section-actions">
              <button type="button" className="button button-small" data-testid="lab-apply-signed" onClick={applySigned}>
                Use in request
              </button>
              <CopyButton text={headerLines(signed.result.headers)} label="Copy headers" testId="lab-copy-headers" />
            </div>
          </div>
          <pre className={styles.labCode} data-testid="lab-signed-headers">
            {headerLines(signed.result.headers)}
          </pre>

          <div className={styles.labSignedHeader}>
            <span className="sig-label">curl · exact bytes</span>
            <CopyButton text={curl} label="Copy curl" testId="lab-copy-curl" />
          </div>
          <div className={cx('field', styles.labTarget)}>
            <label htmlFor="lab-curl-target">Send to</label>
            <input
              id="lab-curl-target"
              data-testid="lab-curl-target"
              spellCheck={false}
              value={targetUrl}
              onChange={(event) => setTarget(event.target.value)}
            />
          </div>
          <pre className={cx(styles.labCode, 'lab-curl')} data-testid="lab-curl-command">
            {curl}
          </pre>
        </div>
      )}
    </Section>
  );
}

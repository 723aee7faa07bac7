import { findHeader, setHeaderValue } from '../../lib/header-list';
import { formatTimestamp } from '../../lib/lab-scheme';
import { useStore } from '../../store';
import { Field } from '../endpoints/Field';
import { SecretInput } from '../endpoints/SecretInput';
import { KeyPairFields } from './KeyPairFields';
import { useLabScheme } from './use-lab-scheme';
import { cx } from '../../lib/cx';
import styles from './Lab.module.css';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Secret, timestamp, clock, tolerance and URL: the settings a signature check depends on. */
export function LabSettings() {
  const inputs = useStore((s) => s.labInputs);
  const source = useStore((s) => s.labSource);
  const whatIf = useStore((s) => s.labMode === 'what-if');
  const update = useStore((s) => s.updateLabInputs);
  const newId = useStore((s) => s.newLabHeaderId);
  const scheme = useLabScheme();

  const timestampHeader = scheme.timestampHeader;
  const timestampValue = timestampHeader ? (findHeader(inputs.headers, timestampHeader)?.value ?? '') : '';
  const setTimestamp = (value: string) => {
    if (timestampHeader) update({ headers: setHeaderValue(inputs.headers, timestampHeader, value, newId) });
  };
  const receivedSeconds = source.kind === 'capture' ? Math.floor(Date.parse(source.receivedAt) / 1000) : null;

  return (
    <div className={cx('form-grid', styles.labSettings)}>
      {scheme.keyPair ? (
        <KeyPairFields />
      ) : (
        <div className="form-wide">
          <Field
            label="Secret"
            htmlFor="lab-secret"
            hint={whatIf ? 'What if the endpoint had this secret? The stored one is unchanged.' : undefined}
          >
            <SecretInput
              id="lab-secret"
              testId="lab-secret"
              value={inputs.secret}
              placeholder="The shared secret"
              onChange={(secret) => update({ secret })}
            />
          </Field>
        </div>
      )}

      {timestampHeader && (
        <Field
          label={`Timestamp (${timestampHeader})`}
          htmlFor="lab-timestamp"
          hint={whatIf ? 'The stored header; switch to Edit request to change it.' : undefined}
        >
          <div className="input-with-button">
            <input
              id="lab-timestamp"
              data-testid="lab-timestamp"
              spellCheck={false}
              value={timestampValue}
              disabled={whatIf}
              onChange={(event) => setTimestamp(event.target.value)}
            />
            <button
              type="button"
              className="button button-small"
              disabled={whatIf}
              onClick={() => setTimestamp(formatTimestamp(nowSeconds(), scheme.timestampUnit))}
            >
              Now
            </button>
          </div>
        </Field>
      )}

      <Field
        label="Clock (unix seconds)"
        htmlFor="lab-clock"
        hint={inputs.clock === '' ? 'Real time' : new Date(Number(inputs.clock) * 1000).toISOString()}
      >
        <div className="input-with-button">
          <input
            id="lab-clock"
            data-testid="lab-clock"
            spellCheck={false}
            value={inputs.clock}
            placeholder="real time"
            onChange={(event) => update({ clock: event.target.value })}
          />
          {inputs.clock !== '' && (
            <button type="button" className="button button-small" data-testid="lab-clock-real" onClick={() => update({ clock: '' })}>
              Real time
            </button>
          )}
          {receivedSeconds !== null && !Number.isNaN(receivedSeconds) && inputs.clock !== String(receivedSeconds) && (
            <button type="button" className="button button-small" onClick={() => update({ clock: String(receivedSeconds) })}>
              Received
            </button>
          )}
        </div>
      </Field>

      <Field label="Tolerance (seconds)" htmlFor="lab-tolerance">
        <input
          id="lab-tolerance"
          data-testid="lab-tolerance"
          spellCheck={false}
          value={inputs.tolerance}
          placeholder="scheme default (300)"
          onChange={(event) => update({ tolerance: event.target.value })}
        />
      </Field>

      {scheme.usesUrl && (
        <div className="form-wide">
          <Field
            label="URL the sender addressed"
            htmlFor="lab-url"
            hint={`${scheme.label} signs the full URL: scheme, host, port, path and query exactly as the sender used them.`}
          >
            <input
              id="lab-url"
              data-testid="lab-url"
              spellCheck={false}
              value={inputs.url}
              onChange={(event) => update({ url: event.target.value })}
            />
          </Field>
        </div>
      )}
    </div>
  );
}
